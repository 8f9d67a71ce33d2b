/**
 * How the contour map places n-D points on its two axes: either two parameters (the point's own coordinates) or a
 * plane from the host (`origin + a·u + b·v`, the path's principal directions), where a point goes to
 * `((x − origin)·u, (x − origin)·v)`. The plane projection of a whole trajectory is cached per store and extended
 * as records are appended, so drawing during continue costs d multiplications per new record.
 */
import type { SlicePlaneInfo } from '../shared/messages';
import type { Strided } from './decimate';
import type { TrajectoryStore } from './trajectoryStore';

/** A store's records on the map's axes, with a version that changes whenever they do (for cached decimation). */
export interface ProjectedSeries {
	readonly xs: Strided;
	readonly ys: Strided;
	readonly version: number;
}

export interface SliceProjector {
	/** The map coordinates of the point `x[offset …]`. */
	point(x: ArrayLike<number>, offset?: number): [number, number];
	/** The components of a direction (a vector, not a point) on the map's axes. */
	direction(g: ArrayLike<number>): [number, number];
	series(store: TrajectoryStore): ProjectedSeries;
	/** The parameter vector at map coordinates (a, b), the other coordinates from `at`. */
	unproject(a: number, b: number, at: readonly number[]): number[];
}

/** Two parameters on the axes. */
export function axesProjector(axes: readonly [number, number]): SliceProjector {
	const [ax, ay] = axes;
	return {
		point: (x, offset = 0) => [x[offset + ax]!, x[offset + ay]!],
		direction: (g) => [g[ax]!, g[ay]!],
		series: (store) => ({ xs: { data: store.points, offset: ax, stride: store.dimension }, ys: { data: store.points, offset: ay, stride: store.dimension }, version: store.version }),
		unproject: (a, b, at) => {
			const x = [...at];
			x[ax] = a;
			x[ay] = b;
			return x;
		},
	};
}

interface Cached {
	plane: SlicePlaneInfo;
	rewrites: number;
	count: number;
	data: Float64Array;
	version: number;
}

let projections = 0;

/** A plane on the axes; projections of each store are cached until the plane or the store's history changes. */
export function planeProjector(plane: SlicePlaneInfo): SliceProjector {
	const { origin, u, v } = plane;
	const d = origin.length;
	const cache = new WeakMap<TrajectoryStore, Cached>();
	const point = (x: ArrayLike<number>, offset = 0): [number, number] => {
		let a = 0;
		let b = 0;
		for (let i = 0; i < d; i++) {
			const dx = x[offset + i]! - origin[i]!;
			a += dx * u[i]!;
			b += dx * v[i]!;
		}
		return [a, b];
	};
	const series = (store: TrajectoryStore): ProjectedSeries => {
		let c = cache.get(store);
		if (!c || c.rewrites !== store.rewrites || c.count > store.count) c = { plane, rewrites: store.rewrites, count: 0, data: new Float64Array(0), version: 0 };
		if (c.count < store.count) {
			const data = c.data.length >= store.count * 2 ? c.data : new Float64Array(Math.max(64, store.count * 4));
			data.set(c.data.subarray(0, c.count * 2));
			for (let k = c.count; k < store.count; k++) [data[2 * k], data[2 * k + 1]] = point(store.points, k * d);
			c = { ...c, count: store.count, data, version: ++projections };
		}
		cache.set(store, c);
		return { xs: { data: c.data, offset: 0, stride: 2 }, ys: { data: c.data, offset: 1, stride: 2 }, version: c.version };
	};
	return {
		point,
		direction: (g) => {
			let a = 0;
			let b = 0;
			for (let i = 0; i < d; i++) [a, b] = [a + g[i]! * u[i]!, b + g[i]! * v[i]!];
			return [a, b];
		},
		series,
		unproject: (a, b) => origin.map((o, i) => o + a * u[i]! + b * v[i]!),
	};
}
