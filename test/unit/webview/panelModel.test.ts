/** Message handling: defensive parsing of host messages, init, appended updates, and `from` truncation after a step back. */
import { describe, expect, it } from 'vitest';

import type { InitMessage, PointState, UpdateMessage } from '../../../src/shared/messages';
import { parseHostMessage, toFloat64 } from '../../../src/webview/hostMessages';
import { PanelModel } from '../../../src/webview/panelModel';


/** Records k = 0..n-1 of a made-up run: x = (k, -k), loss = 100 - k, gradient norm = 1/(k+1). */
function records(from: number, to: number, shift = 0) {
	const ks = Array.from({ length: to - from }, (_, i) => from + i);
	return {
		points: Float64Array.from(ks.flatMap((k) => [k + shift, -k])),
		losses: Float64Array.from(ks.map((k) => 100 - k + shift)),
		gradientNorms: Float64Array.from(ks.map((k) => 1 / (k + 1))),
	};
}

function point(step: number, historyLength: number): PointState {
	return { step, historyLength, x: [step, -step], loss: 100 - step, gradient: [1, 1], gradientNorm: Math.SQRT2, learningRate: 0.1, next: [step + 1, -step - 1], optimizerState: { step, buffers: {} } };
}

const settings = { optimizer: 'sgd', options: { lr: 0.1 }, schedule: 'constant', batchSize: 0, stepsPerSecond: 30, colorMap: 'viridis' as const };

function init(n: number): InitMessage {
	return {
		type: 'init',
		snapshot: {
			loss: { name: 'rosenbrock', language: 'math', params: ['x', 'y'], start: [0, 0], fileName: 'r.md', sampleCount: 0 },
			settings,
			current: point(n - 1, n),
			trajectory: records(0, n),
			stop: { kind: 'entry', message: 'Ready.' },
			optimizers: [{ name: 'sgd', defaults: { lr: 0.001 } }],
			running: false,
			strings: {},
		},
	};
}

function update(from: number, to: number, step: number, historyLength: number, shift = 0, running = false): UpdateMessage {
	return { type: 'update', from, appended: records(from, to, shift), current: point(step, historyLength), stop: { kind: 'step', message: `Step ${step}.` }, running, settings };
}

describe('PanelModel', () => {
	it('takes a snapshot on init and appends updates', () => {
		const model = new PanelModel();
		expect(model.ready).toBe(false);
		expect(model.applyUpdate(update(0, 1, 0, 1))).toEqual({ kind: 'ignored' });
		expect(model.applyInit(init(3))).toEqual({ kind: 'init', sameLoss: false });
		expect(model.store!.count).toBe(3);
		const change = model.applyUpdate(update(3, 5, 4, 5, 0, true));
		expect(change).toMatchObject({ kind: 'update', stopChanged: true, settingsChanged: false });
		expect(model.store!.count).toBe(5);
		expect(model.running).toBe(true);
		expect(Array.from(model.store!.losses.subarray(0, 5))).toEqual([100, 99, 98, 97, 96]);
		expect(model.store!.coordinate(4, 1)).toBe(-4);
	});

	it('replaces records from `from` on after a step back and a new step', () => {
		const model = new PanelModel();
		model.applyInit(init(6));
		const rewrites = model.store!.rewrites;
		// Stepped back to 3 (nothing appended), then forward with another learning rate: record 4 onward is new.
		model.applyUpdate(update(6, 6, 3, 6));
		expect(model.store!.count).toBe(6);
		model.applyUpdate(update(4, 5, 4, 5, 0.5));
		expect(model.store!.count).toBe(5);
		expect(model.store!.rewrites).toBe(rewrites + 1);
		expect(Array.from(model.store!.losses.subarray(0, 5))).toEqual([100, 99, 98, 97, 96.5]);
		expect(model.store!.coordinate(4, 0)).toBe(4.5);
		expect(model.current!.step).toBe(4);
	});

	it('grows its arrays by doubling and keeps every record', () => {
		const model = new PanelModel();
		model.applyInit(init(1));
		for (let n = 1; n < 5000; n += 100) model.applyUpdate(update(n, n + 100, n + 99, n + 100, 0, true));
		expect(model.store!.count).toBe(5001);
		expect(model.store!.capacity).toBeGreaterThanOrEqual(5001);
		expect(model.store!.capacity).toBeLessThan(2 * 5001 + 1024);
		expect(model.store!.losses[5000]).toBe(100 - 5000);
	});

	it('asks for a resync when an update leaves a gap, and knows the same loss on re-init', () => {
		const model = new PanelModel();
		model.applyInit(init(3));
		expect(model.applyUpdate(update(7, 8, 7, 8))).toEqual({ kind: 'resync' });
		expect(model.store!.count).toBe(3);
		expect(model.applyInit(init(1))).toEqual({ kind: 'init', sameLoss: true });
		expect(model.store!.count).toBe(1);
	});
});

describe('parseHostMessage', () => {
	it('accepts well-formed messages and returns Float64Arrays', () => {
		const parsed = parseHostMessage(init(4));
		expect(parsed?.type).toBe('init');
		if (parsed?.type !== 'init') return;
		expect(parsed.snapshot.trajectory.points).toBeInstanceOf(Float64Array);
		expect(parsed.snapshot.loss.params).toEqual(['x', 'y']);
	});

	it('accepts JSON-encoded arrays, with null for non-finite numbers', () => {
		const json = JSON.parse(JSON.stringify({ ...update(0, 2, 1, 2), appended: { points: [0, 0, 1, -1], losses: [100, null], gradientNorms: { 0: 1, 1: 0.5 } } }));
		const parsed = parseHostMessage(json);
		expect(parsed?.type).toBe('update');
		if (parsed?.type !== 'update') return;
		expect(Array.from(parsed.appended.losses)).toEqual([100, NaN]);
		expect(Array.from(parsed.appended.gradientNorms)).toEqual([1, 0.5]);
	});

	it('rejects unknown types and malformed shapes', () => {
		expect(parseHostMessage({ type: 'explode' })).toBeUndefined();
		expect(parseHostMessage(null)).toBeUndefined();
		expect(parseHostMessage('init')).toBeUndefined();
		expect(parseHostMessage({ type: 'init', snapshot: { ...init(2).snapshot, loss: { params: [] } } })).toBeUndefined();
		// Points and losses disagree on the number of records.
		expect(parseHostMessage({ ...update(0, 2, 1, 2), appended: { points: new Float64Array(3), losses: new Float64Array(2), gradientNorms: new Float64Array(2) } })).toBeUndefined();
		expect(parseHostMessage({ type: 'update', from: -1 })).toBeUndefined();
		expect(parseHostMessage({ type: 'landscape', landscape: { requestId: 1, kind: 'grid', range: { xMin: 1, xMax: 0, yMin: 0, yMax: 1 }, axes: [0, 1], nx: 2, ny: 2, values: [1, 2, 3, 4] } })).toBeUndefined();
		expect(parseHostMessage({ type: 'landscape', landscape: { requestId: 1, kind: 'grid', range: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, axes: [0, 1], nx: 2, ny: 2, values: [1, 2, 3] } })).toBeUndefined();
		expect(parseHostMessage({ type: 'error', message: 42 })).toBeUndefined();
	});

	it('keeps a landscape and an error as sent', () => {
		const landscape = parseHostMessage({ type: 'landscape', landscape: { requestId: 7, kind: 'curve', range: { xMin: 0, xMax: 1, yMin: 0, yMax: 0 }, axes: [0, -1], nx: 3, ny: 1, values: new Float64Array([1, 2, 3]) } });
		expect(landscape).toMatchObject({ type: 'landscape', landscape: { requestId: 7, nx: 3, ny: 1, axes: [0, -1] } });
		expect(parseHostMessage({ type: 'error', message: 'bad lr' })).toEqual({ type: 'error', message: 'bad lr' });
		expect(toFloat64({ 0: 1, 2: 3 })).toBeUndefined();
	});

	it('keeps the loss at the next point for the surface view (NaN when JSON sent null; absent from older hosts)', () => {
		const message = (nextLoss: unknown) => ({ type: 'init', snapshot: { ...init(2).snapshot, current: { ...point(1, 2), nextLoss } } });
		const current = (raw: unknown) => (parseHostMessage(raw) as InitMessage | undefined)?.snapshot.current;
		expect(current(message(98.5))?.nextLoss).toBe(98.5);
		expect(current(message(null))?.nextLoss).toBeNaN();
		expect(current({ type: 'init', snapshot: { ...init(2).snapshot, current: point(1, 2) } })).not.toHaveProperty('nextLoss');
	});
});
