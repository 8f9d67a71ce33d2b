/**
 * Numeric differentiation: central differences with a step scaled to each parameter, the independent check on
 * autodiff. The step h = ε^(1/3) · max(1, |x_i|) balances truncation error O(h²) against rounding error O(ε/h)
 * (Nocedal & Wright, Numerical Optimization, 2nd ed., §8.1, eq. 8.7).
 */

const cubeRootEpsilon = Math.cbrt(Number.EPSILON);

/** Writes the central-difference gradient of `value` at `x` into `gradient`; returns the value at `x`. */
export function numericGradient(
	value: (x: Float64Array) => number,
	x: ArrayLike<number>,
	gradient: Float64Array,
): number {
	const point = Float64Array.from(x);
	for (let i = 0; i < point.length; i++) {
		const xi = point[i]!;
		const h = cubeRootEpsilon * Math.max(1, Math.abs(xi));
		point[i] = xi + h;
		const up = value(point);
		point[i] = xi - h;
		const down = value(point);
		point[i] = xi;
		gradient[i] = (up - down) / (xi + h - (xi - h));
	}
	return value(point);
}
