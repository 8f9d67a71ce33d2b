/** Decimation keeps first, last and extremes within the budget, and never drops data from the store. */
import { describe, expect, it } from 'vitest';

import { decimatePath, decimateSeries, mergeSorted, type Strided } from '../../../src/webview/decimate';

const strided = (data: ArrayLike<number>, offset = 0, stride = 1): Strided => ({ data, offset, stride });
const identity = { sx: 1, ox: 0, sy: 1, oy: 0 };

function noisySeries(n: number): Float64Array {
	const values = new Float64Array(n);
	let seed = 7;
	for (let k = 0; k < n; k++) {
		seed = (seed * 16807) % 2147483647;
		values[k] = Math.exp(-k / 5000) + (seed / 2147483647) * 0.01;
	}
	return values;
}

function expectAscending(indices: Int32Array): void {
	for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
}

describe('decimateSeries', () => {
	it('returns every index when under budget', () => {
		expect(Array.from(decimateSeries(strided([3, 1, 2]), 3, 10))).toEqual([0, 1, 2]);
	});

	it('keeps first, last, the global min and max, and stays within budget', () => {
		const values = noisySeries(100_000);
		values[54_321] = 50;
		values[70_000] = -3;
		const kept = decimateSeries(strided(values), values.length, 800);
		expect(kept.length).toBeLessThanOrEqual(800);
		expect(kept.length).toBeGreaterThan(700);
		expectAscending(kept);
		expect(kept[0]).toBe(0);
		expect(kept.at(-1)).toBe(values.length - 1);
		expect(Array.from(kept)).toContain(54_321);
		expect(Array.from(kept)).toContain(70_000);
	});

	it('reads strided data (one parameter of many) and keeps infinities as extremes', () => {
		const d = 3;
		const points = new Float64Array(5000 * d).map((_, i) => Math.sin(i));
		points[1234 * d + 2] = Infinity;
		const kept = decimateSeries(strided(points, 2, d), 5000, 100);
		expect(kept.length).toBeLessThanOrEqual(100);
		expect(Array.from(kept)).toContain(1234);
	});
});

describe('decimatePath', () => {
	/** A spiral of n points into (0, 0), d numbers per point with x, y at offsets 0, 1. */
	function spiral(n: number, d = 2): Float64Array {
		const points = new Float64Array(n * d);
		for (let k = 0; k < n; k++) {
			const r = 200 * Math.exp(-k / (n / 6));
			points[k * d] = r * Math.cos(k / 50);
			points[k * d + 1] = r * Math.sin(k / 50);
		}
		return points;
	}

	it('keeps first, last and the extremes of a 100,000-point path within budget', () => {
		const n = 100_000;
		const points = spiral(n);
		const kept = decimatePath(strided(points, 0, 2), strided(points, 1, 2), n, identity, 1200);
		expect(kept.length).toBeLessThanOrEqual(1204);
		expectAscending(kept);
		expect(kept[0]).toBe(0);
		expect(kept.at(-1)).toBe(n - 1);
		const xs = Array.from({ length: n }, (_, k) => points[2 * k]!);
		const ys = Array.from({ length: n }, (_, k) => points[2 * k + 1]!);
		for (const extreme of [xs.indexOf(Math.min(...xs)), xs.indexOf(Math.max(...xs)), ys.indexOf(Math.min(...ys)), ys.indexOf(Math.max(...ys))]) {
			expect(Array.from(kept)).toContain(extreme);
		}
	});

	it('keeps consecutive kept points at least the tolerance apart (except the forced ones)', () => {
		const n = 20_000;
		const points = spiral(n);
		const kept = decimatePath(strided(points, 0, 2), strided(points, 1, 2), n, identity, 100_000, 1);
		let close = 0;
		for (let i = 1; i < kept.length; i++) {
			const a = kept[i - 1]! * 2;
			const b = kept[i]! * 2;
			if (Math.hypot(points[a]! - points[b]!, points[a + 1]! - points[b + 1]!) < 1) close++;
		}
		expect(close).toBeLessThanOrEqual(5);
	});

	it('skips non-finite points and ends at the last finite one', () => {
		const xs = [0, 10, NaN, 20, Infinity];
		const ys = [0, 0, 0, 0, 0];
		expect(Array.from(decimatePath(strided(xs), strided(ys), 5, identity, 10))).toEqual([0, 1, 3]);
	});

	it('handles empty and single-point paths', () => {
		expect(decimatePath(strided([]), strided([]), 0, identity, 10).length).toBe(0);
		expect(Array.from(decimatePath(strided([1]), strided([2]), 1, identity, 10))).toEqual([0]);
	});
});

describe('mergeSorted', () => {
	it('merges without duplicates', () => {
		expect(Array.from(mergeSorted(Int32Array.of(0, 3, 9), Int32Array.of(3, 4, 10)))).toEqual([0, 3, 4, 9, 10]);
	});
});
