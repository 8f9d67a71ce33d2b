/** Grid requests: debounced, superseding (only the newest answer arrives); plus the −∇L arrow scale and store helpers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Endpoint, type Responder } from '../../../src/shared/endpoint';
import type { HostContract, Landscape, PanelContract, RequestLandscapeMessage } from '../../../src/shared/messages';
import { LandscapeRequests } from '../../../src/webview/landscapeRequests';
import { downhillScale } from '../../../src/webview/mapMarkers';
import { TrajectoryStore } from '../../../src/webview/trajectoryStore';

const query = (xMax: number) => ({ range: { xMin: 0, xMax, yMin: 0, yMax: 1 }, axes: [0, 1] as const, nx: 120, ny: 2000 });
const answer = (m: RequestLandscapeMessage): Landscape => ({ kind: 'grid', range: m.range, axes: m.axes, nx: m.nx, ny: m.ny, values: new Float64Array(m.nx * m.ny) });

/** The panel's endpoint joined to a host endpoint that keeps each request until the test answers it. */
function connected() {
	const asked: { body: RequestLandscapeMessage; responder: Responder<Landscape> }[] = [];
	const host: Endpoint<HostContract, PanelContract> = new Endpoint({ post: (e) => panel.receive(structuredClone(e)) });
	const panel = new Endpoint<PanelContract, HostContract>({ post: (e) => host.receive(structuredClone(e)) });
	host.onRequest('requestLandscape', (body, responder) => void asked.push({ body, responder }));
	const received: Landscape[] = [];
	const requests = new LandscapeRequests((body, onReply) => panel.request(body, onReply), (landscape) => received.push(landscape), 100);
	return { asked, received, requests };
}

describe('LandscapeRequests', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('sends one request for a burst of views, after the delay', () => {
		const { asked, requests } = connected();
		for (let i = 1; i <= 10; i++) requests.request(query(i));
		expect(asked).toHaveLength(0);
		expect(requests.pending).toBe(true);
		vi.advanceTimersByTime(100);
		expect(asked).toHaveLength(1);
		expect(asked[0]!.body.range.xMax).toBe(10);
		// Sizes are clamped to what the host accepts.
		expect(asked[0]!.body.ny).toBe(1000);
	});

	it('cancels the older request, so only the answer to the newest arrives', async () => {
		const { asked, received, requests } = connected();
		requests.request(query(1), true);
		requests.request(query(2), true);
		expect(asked.map((a) => a.responder.done)).toEqual([true, false]);
		for (const { body, responder } of asked) responder.reply(answer(body));
		expect(received.map((l) => l.range.xMax)).toEqual([2]);
		await vi.runAllTimersAsync();
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
