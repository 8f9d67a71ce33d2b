import { describe, expect, it } from 'vitest';
import { RandomRestarts } from '../../../src/engine/session/randomRestarts';
import { resolveSessionSettings } from '../../../src/engine/session/sessionSettings';
import { batchForStep } from '../../../src/engine/session/miniBatch';
import { doubleWell } from './sessionFixtures';

// Minima of x⁴ − 3x² + x: roots of 4x³ − 6x + 1 = 0 (solved by Newton's method here, independently of the engine).
function root(x: number): number {
	for (let i = 0; i < 50; i++) x -= (4 * x ** 3 - 6 * x + 1) / (12 * x ** 2 - 6);
	return x;
}

describe('random restarts', () => {
	it('find both minima of the double well and label the global one', () => {
		const settings = resolveSessionSettings({ optimizerOptions: { lr: 0.01 } });
		const result = new RandomRestarts(doubleWell(), settings, { count: 20, seed: 7 }).advance(() => false)!;
		expect(result.minima.length).toBe(2);
		const [global, local] = result.minima;
		expect(global!.kind).toBe('global');
		expect(local!.kind).toBe('local');
		expect(global!.x[0]).toBeCloseTo(root(-1.3), 4);
		expect(local!.x[0]).toBeCloseTo(root(1.1), 4);
		expect(global!.count + local!.count + result.runs.filter((r) => r.minimum < 0).length).toBe(20);
		expect(result.runs.every((r) => r.minimum < 0 || Math.abs(r.end[0]! - result.minima[r.minimum]!.x[0]!) < 0.01)).toBe(true);
	});

	it('are reproducible with the same seed and yield between runs', () => {
		const settings = resolveSessionSettings({ optimizerOptions: { lr: 0.01 } });
		const a = new RandomRestarts(doubleWell(), settings, { count: 6, seed: 3 });
		let partial = a.advance(() => true);
		expect(partial).toBeUndefined();
		expect(a.progress).toBeCloseTo(1 / 6);
		while (!partial) partial = a.advance(() => true);
		const b = new RandomRestarts(doubleWell(), settings, { count: 6, seed: 3 }).advance(() => false)!;
		expect(partial.runs.map((r) => r.start)).toEqual(b.runs.map((r) => r.start));
	});
});

describe('mini-batch sampling', () => {
	it('covers every sample once per epoch without replacement', () => {
		const plan = { batchSize: 4, sampleCount: 12, seed: 9, withReplacement: false };
		const epoch = [0, 1, 2].flatMap((k) => Array.from(batchForStep(plan, k)));
		expect([...epoch].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
		const next = [3, 4, 5].flatMap((k) => Array.from(batchForStep(plan, k)));
		expect(next).not.toEqual(epoch);
	});

	it('draws indices in range with replacement, the same for the same seed and step', () => {
		const plan = { batchSize: 50, sampleCount: 10, seed: 1, withReplacement: true };
		const batch = Array.from(batchForStep({ ...plan, batchSize: 10 }, 4));
		expect(batch.every((i) => i >= 0 && i < 10)).toBe(true);
		expect(Array.from(batchForStep({ ...plan, batchSize: 10 }, 4))).toEqual(batch);
	});
});
