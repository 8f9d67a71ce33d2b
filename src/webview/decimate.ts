/**
 * Decimation: what is drawn, never what is kept. The trajectory store keeps every record; these functions pick the
 * indices worth drawing so a 100,000-point run costs about as much as a 1,000-point one.
 *
 * `decimateSeries` is min-max decimation (one bucket per pixel column, keep the lowest and highest value of each,
 * in order), the scheme Chart.js's own decimation plugin calls 'min-max'; it keeps spikes that averaging or LTTB
 * can hide. `decimatePath` is radial-distance simplification in pixel space (skip a point closer than a tolerance
 * to the last kept one), doubling the tolerance until the budget holds, and it always keeps the first and last
 * points and the points at the path's extremes in x and y so the drawn bounding box matches the data.
 */

/** A strided view into a Float64Array: value k is `data[offset + k * stride]`. */
export interface Strided {
	readonly data: ArrayLike<number>;
	readonly offset: number;
	readonly stride: number;
}

/** An affine map to pixels per axis: px = x * sx + ox, py = y * sy + oy. */
export interface AxisMaps {
	readonly sx: number;
	readonly ox: number;
	readonly sy: number;
	readonly oy: number;
}

/**
 * Indices (ascending) of at most `budget` values of the first `count` in `series` that keep its shape: first, last,
 * and each bucket's minimum and maximum. Non-finite values count as extremes (+∞ as a maximum, NaN is skipped unless
 * a whole bucket is NaN) so divergence stays visible. Returns every index when `count <= budget`.
 */
export function decimateSeries(series: Strided, count: number, budget: number): Int32Array {
	if (count <= Math.max(2, budget)) return Int32Array.from({ length: count }, (_, k) => k);
	const buckets = Math.max(1, Math.floor((budget - 2) / 2));
	const kept = new Int32Array(2 * buckets + 2);
	let n = 0;
	kept[n++] = 0;
	const { data, offset, stride } = series;
	for (let b = 0; b < buckets; b++) {
		const start = 1 + Math.floor((b * (count - 2)) / buckets);
		const end = 1 + Math.floor(((b + 1) * (count - 2)) / buckets);
		let lo = -1;
		let hi = -1;
		for (let k = start; k < end; k++) {
			const v = data[offset + k * stride]!;
			if (Number.isNaN(v)) continue;
			if (lo < 0 || v < data[offset + lo * stride]!) lo = k;
			if (hi < 0 || v > data[offset + hi * stride]!) hi = k;
		}
		if (lo < 0 && end > start) lo = hi = start;
		if (lo < 0) continue;
		kept[n++] = Math.min(lo, hi);
		if (hi !== lo) kept[n++] = Math.max(lo, hi);
	}
	kept[n++] = count - 1;
	return kept.slice(0, n);
}

/**
 * Indices (ascending) of at most `budget` (+4 extremes) points of a 2-D path to draw, chosen in pixel space with a
 * start tolerance of `tolerance` pixels. Points with a non-finite coordinate are never kept (the path is drawn
 * through the finite ones).
 */
export function decimatePath(xs: Strided, ys: Strided, count: number, maps: AxisMaps, budget: number, tolerance = 1): Int32Array {
	if (count <= 0) return new Int32Array(0);
	const extremes = pathExtremes(xs, ys, count);
	let tol = Math.max(tolerance, 1e-3);
	for (let attempt = 0; attempt < 40; attempt++) {
		const kept = radialPass(xs, ys, count, maps, tol, budget);
		if (kept) return mergeSorted(kept, extremes);
		tol *= 2;
	}
	return mergeSorted(Int32Array.of(0, count - 1), extremes);
}

/** One radial-distance pass; undefined as soon as more than `budget` points would be kept. */
function radialPass(xs: Strided, ys: Strided, count: number, m: AxisMaps, tol: number, budget: number): Int32Array | undefined {
	const kept = new Int32Array(Math.min(count, budget + 1));
	const tol2 = tol * tol;
	let n = 0;
	let lastX = NaN;
	let lastY = NaN;
	let lastFinite = -1;
	for (let k = 0; k < count; k++) {
		const px = xs.data[xs.offset + k * xs.stride]! * m.sx + m.ox;
		const py = ys.data[ys.offset + k * ys.stride]! * m.sy + m.oy;
		if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
		lastFinite = k;
		const dx = px - lastX;
		const dy = py - lastY;
		// The first finite point has NaN distance and is kept.
		if (!(dx * dx + dy * dy < tol2)) {
			if (n === budget) return undefined;
			kept[n++] = k;
			lastX = px;
			lastY = py;
		}
	}
	if (lastFinite >= 0 && kept[n - 1] !== lastFinite) {
		// The path must end where the data ends, even if the last point is within tolerance of a kept one.
		if (n === budget) return undefined;
		kept[n++] = lastFinite;
	}
	return kept.slice(0, n);
}

/** Indices of the finite points with the least and greatest x and y (up to 4, ascending, distinct). */
function pathExtremes(xs: Strided, ys: Strided, count: number): Int32Array {
	const best = [-1, -1, -1, -1];
	for (let k = 0; k < count; k++) {
		const x = xs.data[xs.offset + k * xs.stride]!;
		const y = ys.data[ys.offset + k * ys.stride]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		if (best[0]! < 0 || x < xs.data[xs.offset + best[0]! * xs.stride]!) best[0] = k;
		if (best[1]! < 0 || x > xs.data[xs.offset + best[1]! * xs.stride]!) best[1] = k;
		if (best[2]! < 0 || y < ys.data[ys.offset + best[2]! * ys.stride]!) best[2] = k;
		if (best[3]! < 0 || y > ys.data[ys.offset + best[3]! * ys.stride]!) best[3] = k;
	}
	return Int32Array.from(new Set(best.filter((k) => k >= 0))).sort();
}

/** The sorted union of two ascending index lists. */
export function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
	const out = new Int32Array(a.length + b.length);
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.length || j < b.length) {
		const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
		if (n === 0 || out[n - 1] !== next) out[n++] = next;
	}
	return out.slice(0, n);
}
