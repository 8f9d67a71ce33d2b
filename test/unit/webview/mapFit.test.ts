/** What Fit frames on the map: the run and its next step, and the racing runs that are shown (hidden ones are not). */
import { describe, expect, it } from 'vitest';

import type { InitMessage, RunInfo } from '../../../src/shared/messages';
import { mapFitBox } from '../../../src/webview/mapFit';
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

	it('has nothing to frame before the first snapshot', () => {
		expect(mapFitBox(new PanelModel(), [0, 1])).toBeUndefined();
	});
});
