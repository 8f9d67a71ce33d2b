import { describe, expect, it } from 'vitest';
import { parseHostMessage } from '../../../src/webview/hostMessages';
import { PanelModel } from '../../../src/webview/panelModel';

const minimum = { x: [1, 2], loss: 0, count: 3, kind: 'global' };

describe('restarts and basins from the host', () => {
	it('parses restarts (typed or plain arrays) and a clear', () => {
		const m = parseHostMessage({ type: 'restarts', restarts: { starts: [0, 0, 4, 4], ends: new Float64Array([1, 2, 1, 2]), runMinimum: [0, 0], minima: [minimum] } });
		expect(m?.type === 'restarts' && m.restarts?.ends).toEqual(new Float64Array([1, 2, 1, 2]));
		expect(parseHostMessage({ type: 'restarts' })).toEqual({ type: 'restarts', restarts: undefined });
		expect(parseHostMessage({ type: 'restarts', restarts: { starts: [0], ends: [0, 1], runMinimum: [0], minima: [] } })).toBeUndefined();
		expect(parseHostMessage({ type: 'restarts', restarts: { starts: [0], ends: [1], runMinimum: [0], minima: [{ ...minimum, kind: 'best' }] } })).toBeUndefined();
	});

	it('parses a partial basin map and rejects one whose labels do not fill the grid', () => {
		const basins = { requestId: 2, range: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, nx: 2, ny: 2, labels: new Int32Array([0, 0, -2, -2]), minima: [minimum], progress: 0.5 };
		const m = parseHostMessage({ type: 'basins', basins });
		expect(m?.type === 'basins' && Array.from(m.basins.labels)).toEqual([0, 0, -2, -2]);
		expect(parseHostMessage({ type: 'basins', basins: { ...basins, labels: [0, 0, 0] } })).toBeUndefined();
		expect(parseHostMessage({ type: 'basins', basins: { ...basins, nx: 1000, ny: 1000 } })).toBeUndefined();
	});

	it('the model keeps restarts of its loss only', () => {
		const model = new PanelModel();
		const restarts = { starts: new Float64Array([0, 0]), ends: new Float64Array([1, 2]), runMinimum: [0], minima: [] };
		expect(model.applyRestarts(restarts)).toBe(false);
		model.applyInit({
			type: 'init',
			snapshot: {
				loss: { name: 'f', language: 'math', params: ['x', 'y'], start: [0, 0], fileName: 'f.md', sampleCount: 0 },
				settings: { optimizer: 'sgd', options: {}, schedule: 'constant', batchSize: 0, stepsPerSecond: 0, colorMap: 'viridis' },
				current: { step: 0, historyLength: 1, x: [0, 0], loss: 1, gradient: [0, 0], gradientNorm: 0, learningRate: 0.1, next: [0, 0], optimizerState: { step: 0, buffers: {} } },
				trajectory: { points: new Float64Array(2), losses: new Float64Array(1), gradientNorms: new Float64Array(1) },
				stop: { kind: 'entry', message: '' }, optimizers: [], running: false, strings: {},
			},
		});
		expect(model.applyRestarts(restarts)).toBe(true);
		expect(model.restarts).toBe(restarts);
		expect(model.applyRestarts({ ...restarts, starts: new Float64Array(3) })).toBe(false);
	});
});

describe('sweeps from the host', () => {
	it('parses a sweep with a diverged point (loss sent as null) and rejects unknown outcomes', () => {
		const sweep = { requestId: 1, optimizer: 'sgd', rates: [0.1, 2], steps: 300, progress: 1, divergesFrom: 2, points: [{ learningRate: 0.1, finalLoss: 1, steps: 20, outcome: 'converged' }, { learningRate: 2, finalLoss: null, steps: 9, outcome: 'diverged' }] };
		const m = parseHostMessage({ type: 'sweep', sweep });
		expect(m?.type === 'sweep' && m.sweep.points[1]!.finalLoss).toBeNaN();
		expect(m?.type === 'sweep' && m.sweep.divergesFrom).toBe(2);
		expect(parseHostMessage({ type: 'sweep', sweep: { ...sweep, points: [{ learningRate: 1, outcome: 'great' }] } })).toBeUndefined();
	});
});

describe('racing runs from the host', () => {
	const run = { id: 1, optimizer: 'adam', options: { lr: 0.1 }, hidden: false, stop: { kind: 'step', message: '' }, step: 1, loss: 2, from: 0, points: [0, 0, 1, 1], losses: [3, 2] };

	it('parses runs and keeps each run’s records across messages', async () => {
		const { RunsModel } = await import('../../../src/webview/runsModel');
		const model = new RunsModel();
		const first = parseHostMessage({ type: 'runs', runs: [run] });
		expect(first?.type === 'runs' && model.apply(first, 2)).toBe(true);
		expect(model.all[0]!.store.count).toBe(2);
		const next = parseHostMessage({ type: 'runs', runs: [{ ...run, step: 2, from: 2, points: [2, 2], losses: [1] }, { ...run, id: 2, optimizer: 'sgd' }] });
		expect(next?.type === 'runs' && model.apply(next, 2)).toBe(true);
		expect(model.all.map((r) => [r.info.id, r.store.count])).toEqual([[1, 3], [2, 2]]);
		expect(new Set(model.all.map((r) => r.color)).size).toBe(2);
		const gap = parseHostMessage({ type: 'runs', runs: [{ ...run, id: 3, from: 5 }] });
		expect(gap?.type === 'runs' && model.apply(gap, 2)).toBe(false);
		expect(parseHostMessage({ type: 'runs', runs: [{ ...run, from: -1 }] })).toBeUndefined();
	});
});

describe('brute force from the host', () => {
	it('parses the comparison and rejects axes outside the point', () => {
		const bruteForce = { requestId: 1, axes: [0, 1], k: 100, evaluations: 10000, best: [1, 2], bestLoss: 0, descentEvaluations: 31, descentLoss: 1e-9, log10AllParameters: 4, log10NoteExample: 1500000 };
		const m = parseHostMessage({ type: 'bruteForce', bruteForce });
		expect(m?.type === 'bruteForce' && m.bruteForce.best).toEqual([1, 2]);
		expect(parseHostMessage({ type: 'bruteForce', bruteForce: { ...bruteForce, axes: [0, 2] } })).toBeUndefined();
	});
});

describe('mini-batch noise from the host', () => {
	it('parses the gradients and rejects batches that do not fit the dimension', () => {
		const batchNoise = { requestId: 2, step: 3, full: [1, 2], batches: new Float64Array([1, 1, 2, 3]), batchSize: 4, sampleCount: 32 };
		const m = parseHostMessage({ type: 'batchNoise', batchNoise });
		expect(m?.type === 'batchNoise' && m.batchNoise.batches.length).toBe(4);
		expect(parseHostMessage({ type: 'batchNoise', batchNoise: { ...batchNoise, batches: [1, 2, 3] } })).toBeUndefined();
	});
});

describe('drawing helpers of restarts and basins', () => {
	it('bounds every start and end on the shown axes, and colours basins from a colour-blind-safe palette', async () => {
		const { restartsBounds } = await import('../../../src/webview/restartsPainter');
		const { basinColor, basinPalette } = await import('../../../src/webview/basinOverlay');
		const restarts = { starts: new Float64Array([-4, 1, 2, 5]), ends: new Float64Array([3, -2, NaN, 0]), runMinimum: [0, -1], minima: [] };
		expect(restartsBounds(restarts, 0, 1)).toEqual({ xMin: -4, xMax: 3, yMin: -2, yMax: 5 });
		expect(restartsBounds(restarts, 1, -1)).toMatchObject({ xMin: -2, xMax: 5 });
		expect(basinColor(0)).toBe('#E69F00');
		expect(basinColor(basinPalette.length)).toBe(basinColor(0));
		expect(basinColor(-1)).toBe('#000000');
	});
});
