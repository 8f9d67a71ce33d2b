/**
 * Loss values on grids for the panel: a 1-D curve along one parameter, or a 2-D slice through two parameters with
 * the others held at a given point. Evaluated with the compiled value function; no allocation per point.
 */
import type { Loss } from '../compileLoss';

export interface GridRequest {
	/** The point the slice goes through (other parameters keep these values). */
	readonly at: ArrayLike<number>;
	/** Parameter indices on the x and y axes; y = -1 for a curve. */
	readonly axes: readonly [number, number];
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
	readonly nx: number;
	readonly ny: number;
}

/** Row-major values (y rows of x columns; one row for a curve). Cell centres span the range end to end. */
export function sampleLandscape(loss: Loss, request: GridRequest): Float64Array {
	const [ax, ay] = request.axes;
	const rows = ay < 0 ? 1 : request.ny;
	const values = new Float64Array(request.nx * rows);
	const x = Float64Array.from(request.at);
	const dx = request.nx > 1 ? (request.xMax - request.xMin) / (request.nx - 1) : 0;
	const dy = rows > 1 ? (request.yMax - request.yMin) / (rows - 1) : 0;
	for (let r = 0; r < rows; r++) {
		if (ay >= 0) x[ay] = request.yMin + r * dy;
		for (let c = 0; c < request.nx; c++) {
			x[ax] = request.xMin + c * dx;
			values[r * request.nx + c] = loss.value(x);
		}
	}
	return values;
}

/** A view range that holds every point of `points` (d numbers each) on the given axes, padded by a quarter. */
export function viewAround(points: ArrayLike<number>, d: number, axes: readonly [number, number]): {
	xMin: number;
	xMax: number;
	yMin: number;
	yMax: number;
} {
	const span = (axis: number): [number, number] => {
		if (axis < 0) return [0, 0];
		let lo = Infinity;
		let hi = -Infinity;
		for (let k = axis; k < points.length; k += d) {
			const v = points[k]!;
			if (!Number.isFinite(v)) continue;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (!Number.isFinite(lo)) return [-1, 1];
		const pad = Math.max((hi - lo) * 0.25, 1);
		return [lo - pad, hi + pad];
	};
	const [xMin, xMax] = span(axes[0]);
	const [yMin, yMax] = span(axes[1]);
	return { xMin, xMax, yMin, yMax };
}
