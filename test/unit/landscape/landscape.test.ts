import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { BasinMapRun } from '../../../src/engine/landscape/basinMap';
import { logSpaced, sweepLearningRates } from '../../../src/engine/landscape/learningRateSweep';
import { sampleLandscape, viewAround } from '../../../src/engine/landscape/sampleLandscape';
import { resolveSessionSettings } from '../../../src/engine/session/sessionSettings';

const himmelblau = compileLoss('function loss(x = 0, y = 0) { return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2; }', {
	language: 'javascript',
});
const quadratic = compileLoss('function loss(x = 5) { return (x - 1) ** 2 + 1; }', { language: 'javascript' });

describe('landscape grids', () => {
	it('samples a curve and a 2-D slice with the ends of the range included', () => {
		const curve = sampleLandscape(quadratic, { at: [5], axes: [0, -1], xMin: -1, xMax: 3, yMin: 0, yMax: 0, nx: 5, ny: 1 });
		expect(Array.from(curve)).toEqual([5, 2, 1, 2, 5]);
		const grid = sampleLandscape(himmelblau, { at: [0, 0], axes: [0, 1], xMin: 0, xMax: 3, yMin: 0, yMax: 2, nx: 4, ny: 3 });
		expect(grid.length).toBe(12);
		expect(grid[11]).toBe(0);
		expect(grid[0]).toBe(170);
	});

	it('frames a trajectory with padding', () => {
		const view = viewAround([0, 0, 4, -2], 2, [0, 1]);
		expect(view.xMin).toBeLessThan(0);
		expect(view.xMax).toBeGreaterThan(4);
		expect(view.yMin).toBeLessThan(-2);
		expect(view.yMax).toBeGreaterThan(0);
	});
});

describe('basin map', () => {
	it('finds the four minima of Himmelblau and labels every cell', () => {
		const settings = resolveSessionSettings({ optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const run = new BasinMapRun(himmelblau, settings, { xMin: -5, xMax: 5, yMin: -5, yMax: 5, nx: 16, ny: 16, steps: 400 });
		let map = run.advance(() => true);
		expect(map).toBeUndefined();
		expect(run.progress).toBeCloseTo(1 / 16);
		while (!map) map = run.advance(() => false);
		expect(map.minima.length).toBe(4);
		for (const m of map.minima) {
			expect(m.loss).toBeLessThan(1e-6);
			expect(m.kind).toBe('global');
		}
		expect(map.labels.length).toBe(256);
		expect([...map.labels].every((l) => l >= 0 && l < 4)).toBe(true);
		const corner = (c: number, r: number) => map!.minima[map!.labels[r * 16 + c]!]!.x;
		expect(corner(15, 15)[0]).toBeCloseTo(3, 2);
		expect(corner(0, 0)[0]).toBeLessThan(0);
	});
});

describe('learning-rate sweep', () => {
	it('finds where SGD on (x − 1)² + 1 starts to diverge: lr > 1', () => {
		const settings = resolveSessionSettings({ divergenceSteps: 5 });
		const sweep = sweepLearningRates(quadratic, [5], settings, logSpaced(1e-3, 10, 13), 300);
		expect(sweep.points.map((p) => p.learningRate)).toEqual(logSpaced(1e-3, 10, 13));
		const first = sweep.points.find((p) => p.outcome === 'diverged')!;
		expect(first.learningRate).toBeGreaterThan(1);
		expect(sweep.points.filter((p) => p.learningRate < 1).every((p) => p.outcome !== 'diverged')).toBe(true);
		expect(sweep.points[0]!.outcome).toBe('slow');
		expect(sweep.fastest).toBeCloseTo(0.464, 2);
	});
});
