/** Grid requests: debounced, numbered, and only the newest answer is accepted; plus the −∇L arrow scale and store helpers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Landscape, RequestLandscapeMessage } from '../../../src/shared/messages';
import { LandscapeRequests } from '../../../src/webview/landscapeRequests';
import { downhillScale } from '../../../src/webview/mapMarkers';
import { TrajectoryStore } from '../../../src/webview/trajectoryStore';

const query = (xMax: number) => ({ range: { xMin: 0, xMax, yMin: 0, yMax: 1 }, axes: [0, 1] as const, nx: 120, ny: 2000 });
const answer = (m: RequestLandscapeMessage): Landscape => ({ requestId: m.requestId, kind: 'grid', range: m.range, axes: m.axes, nx: m.nx, ny: m.ny, values: new Float64Array(m.nx * m.ny) });

describe('LandscapeRequests', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('sends one request for a burst of views, after the delay', () => {
		const sent: RequestLandscapeMessage[] = [];
		const requests = new LandscapeRequests((m) => sent.push(m), 100);
		for (let i = 1; i <= 10; i++) requests.request(query(i));
		expect(sent).toHaveLength(0);
		expect(requests.pending).toBe(true);
		vi.advanceTimersByTime(100);
		expect(sent).toHaveLength(1);
		expect(sent[0]!.range.xMax).toBe(10);
		// Sizes are clamped to what the host accepts.
		expect(sent[0]!.ny).toBe(1000);
	});

	it('accepts only the answer to the newest request', () => {
		const sent: RequestLandscapeMessage[] = [];
		const requests = new LandscapeRequests((m) => sent.push(m));
		requests.request(query(1), true);
		requests.request(query(2), true);
		expect(sent.map((m) => m.requestId)).toEqual([1, 2]);
		expect(requests.accepts(answer(sent[0]!))).toBe(false);
		expect(requests.accepts(answer(sent[1]!))).toBe(true);
		requests.answered();
		expect(requests.pending).toBe(false);
	});
});

describe('downhillScale', () => {
	it('shrinks with log |∇L| and hides the arrow below a millionth of the largest norm', () => {
		expect(downhillScale(100, 100)).toBe(1);
		expect(downhillScale(0.1, 100)).toBeCloseTo(0.5, 12);
		expect(downhillScale(1e-3, 100)).toBe(0.25);
		expect(downhillScale(1e-5, 100)).toBe(0);
		expect(downhillScale(0, 100)).toBe(0);
		expect(downhillScale(NaN, 100)).toBe(0);
	});
});

describe('TrajectoryStore helpers', () => {
	it('finds the box of the finite points and the largest finite gradient norm', () => {
		const store = new TrajectoryStore(3, 2);
		store.append({ points: Float64Array.from([0, 5, 1, 2, -1, 1, Infinity, 9, 1]), losses: Float64Array.from([1, 2, 3]), gradientNorms: Float64Array.from([3, Infinity, 7]) });
		expect(store.bounds(0, 1)).toEqual({ xMin: 0, xMax: 2, yMin: -1, yMax: 5 });
		expect(store.bounds(1, 2)).toEqual({ xMin: -1, xMax: 9, yMin: 1, yMax: 1 });
		expect(store.largestGradientNorm()).toBe(7);
		store.truncate(1);
		expect(store.largestGradientNorm()).toBe(3);
		expect(new TrajectoryStore(2).bounds(0, 1)).toBeUndefined();
	});
});
