/** What Fit frames on the map: the run and its next step, and the racing runs that are shown (hidden ones are not). */
import { describe, expect, it } from 'vitest';

import type { InitMessage, RunInfo } from '../../../src/shared/messages';
import { blowUpStep, mapFitBox } from '../../../src/webview/mapFit';
import { PanelModel } from '../../../src/webview/panelModel';

const settings = { optimizer: 'sgd', options: { lr: 0.1 }, schedule: 'constant', batchSize: 0, stepsPerSecond: 30, colorMap: 'viridis' as const };

/** A session of three records (0, 0), (1, 1), (2, 1) heading for (3, 2). */
function init(): InitMessage {
	return {
		type: 'init',
		snapshot: {
			loss: { name: 'f', language: 'math', params: ['x', 'y'], start: [0, 0], fileName: 'f.md', sampleCount: 0 },
			settings,
			current: { step: 2, historyLength: 3, x: [2, 1], loss: 1, gradient: [1, 1], gradientNorm: Math.SQRT2, learningRate: 0.1, next: [3, 2], optimizerState: { step: 2, buffers: {} } },
			trajectory: { points: Float64Array.of(0, 0, 1, 1, 2, 1), losses: Float64Array.of(3, 2, 1), gradientNorms: Float64Array.of(1, 1, 1) },
			stop: { kind: 'step', message: '' },
			optimizers: [{ name: 'sgd', defaults: { lr: 0.001 } }],
			running: false,
			strings: {},
		},
	};
}

function run(id: number, hidden: boolean, points: number[]): RunInfo {
	return { id, optimizer: 'adam', options: { lr: 0.1 }, hidden, stop: { kind: 'step', message: '' }, step: points.length / 2 - 1, loss: 1, from: 0, points: Float64Array.from(points), losses: new Float64Array(points.length / 2) };
}

describe('mapFitBox', () => {
	it('frames the run and its next step', () => {
		const model = new PanelModel();
		model.applyInit(init());
		expect(mapFitBox(model, [0, 1])).toEqual({ xMin: 0, xMax: 3, yMin: 0, yMax: 2 });
	});

	it('frames the racing runs that are shown, not the hidden ones', () => {
		const model = new PanelModel();
		model.applyInit(init());
		model.runs.apply({ type: 'runs', runs: [run(1, false, [0, 0, -4, 5]), run(2, true, [0, 0, 50, -50])] }, 2);
		expect(mapFitBox(model, [0, 1])).toEqual({ xMin: -4, xMax: 3, yMin: 0, yMax: 5 });
	});

	it('after a divergence frames the path before the blow-up, not the ±1e150 records or the next step', () => {
		const diverged = init();
		const snapshot = {
			...diverged.snapshot,
			current: { ...diverged.snapshot.current, step: 4, historyLength: 5, x: [1e150, -1e150], loss: 1e300, next: [-1e152, 1e152] },
			// Loss 2 at the start: a blow-up is past 2 + 1000·2 = 2002, so step 3 (L = 3e5) is where the path leaves.
			trajectory: { points: Float64Array.of(0, 0, 1, 1, -3, -3, 40, 40, 1e150, -1e150), losses: Float64Array.of(2, 3, 30, 3e5, 1e300), gradientNorms: new Float64Array(5) },
		};
		const model = new PanelModel();
		model.applyInit({ ...diverged, snapshot });
		expect(mapFitBox(model, [0, 1])).toEqual({ xMin: -3, xMax: 1, yMin: -3, yMax: 1 });
		expect(blowUpStep(model.store!)).toBe(3);
	});

	it('a descent that never blows up has no blow-up step', () => {
		const model = new PanelModel();
		model.applyInit(init());
		expect(blowUpStep(model.store!)).toBeUndefined();
	});

	it('has nothing to frame before the first snapshot', () => {
		expect(mapFitBox(new PanelModel(), [0, 1])).toBeUndefined();
	});
});
