/**
 * Loss values on grids for the panel: a 1-D curve along one parameter, a 2-D slice through two parameters with
 * the others held at a given point, or a 2-D slice through a plane (origin + a·u + b·v, any two directions).
 * Evaluated with the compiled value function; no allocation per point.
 */
import type { Loss } from '../compileLoss';

/** A grid over a rectangle: `nx` × `ny` points from (xMin, yMin) to (xMax, yMax), ends included. */
export interface GridBox {
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
	readonly nx: number;
	readonly ny: number;
}

export interface GridRequest extends GridBox {
	/** The point the slice goes through (other parameters keep these values). */
	readonly at: ArrayLike<number>;
	/** Parameter indices on the x and y axes; y = -1 for a curve. */
	readonly axes: readonly [number, number];
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

/** A slice through the plane `origin + a·u + b·v`: `a` along the grid's x, `b` along its y. */
export interface PlaneGridRequest extends GridBox {
	readonly origin: ArrayLike<number>;
	readonly u: ArrayLike<number>;
	readonly v: ArrayLike<number>;
}

/** Row-major values over the plane (ny rows of nx columns), cell centres spanning the range end to end. */
export function samplePlane(loss: Loss, request: PlaneGridRequest): Float64Array {
	const { origin, u, v, nx, ny } = request;
	const d = origin.length;
	const values = new Float64Array(nx * ny);
	const x = new Float64Array(d);
	const da = nx > 1 ? (request.xMax - request.xMin) / (nx - 1) : 0;
	const db = ny > 1 ? (request.yMax - request.yMin) / (ny - 1) : 0;
	for (let r = 0; r < ny; r++) {
		const b = request.yMin + r * db;
		for (let c = 0; c < nx; c++) {
			const a = request.xMin + c * da;
			for (let i = 0; i < d; i++) x[i] = origin[i]! + a * u[i]! + b * v[i]!;
			values[r * nx + c] = loss.value(x);
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
