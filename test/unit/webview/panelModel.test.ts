/** Message handling: defensive parsing of host messages, init, appended updates, and `from` truncation after a step back. */
import { describe, expect, it } from 'vitest';

import type { InitMessage, PointState, UpdateMessage } from '../../../src/shared/messages';
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
