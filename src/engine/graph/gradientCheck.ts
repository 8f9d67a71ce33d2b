/**
 * The gradient check: autodiff against central differences, reporting the worst disagreement and where it is.
 */

/** Relative error that falls back to absolute error for small values. */
export function relativeError(a: number, b: number): number {
	if (a === b) return 0;
	return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

export interface GradientCheck {
	readonly at: readonly number[];
	readonly value: number;
	readonly autodiff: readonly number[];
	readonly numeric: readonly number[];
	/** Largest relative error over the parameters (NaN-safe: a mismatch in finiteness is Infinity). */
	readonly worstError: number;
	/** Index of the parameter with the worst error, or -1 with no parameters. */
	readonly worstParam: number;
	readonly ok: boolean;
}

/** Default tolerance: central differences are accurate to about ε^(2/3) ≈ 4e-11 times the curvature scale. */
export const defaultGradientTolerance = 1e-5;

export function checkGradient(
	at: readonly number[],
	value: number,
	autodiff: ArrayLike<number>,
	numeric: ArrayLike<number>,
	tolerance = defaultGradientTolerance,
): GradientCheck {
	let worstError = 0;
	let worstParam = autodiff.length > 0 ? 0 : -1;
	for (let i = 0; i < autodiff.length; i++) {
		const a = autodiff[i]!;
		const n = numeric[i]!;
		const error = Number.isFinite(a) && Number.isFinite(n) ? relativeError(a, n) : Object.is(a, n) ? 0 : Infinity;
		if (error > worstError) {
			worstError = error;
			worstParam = i;
		}
	}
	return {
		at,
		value,
		autodiff: Array.from(autodiff),
		numeric: Array.from(numeric),
		worstError,
		worstParam,
		ok: worstError <= tolerance,
	};
}
