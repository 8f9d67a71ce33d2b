// The learning-rate explorer's engine and protocol sides: the sliced sweep gives the one-call sweep's answer, and
// the panel's requests are checked.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { LearningRateSweepRun, logSpaced, sweepLearningRates } from '../../../src/engine/landscape/learningRateSweep';
import { resolveSessionSettings } from '../../../src/engine/session/sessionSettings';
import { validateFromWebview } from '../../../src/shared/validateMessage';
import { sweepCeiling, sweepY } from '../../../src/webview/sweepChart';

const quadratic = compileLoss('function loss(x = 5) { return (x - 1) ** 2 + 1; }', { language: 'javascript' });

describe('learning-rate sweep in slices', () => {
	it('yields after each rate and ends with the one-call sweep, divergence from lr > 1', () => {
		const settings = resolveSessionSettings({ optimizer: 'sgd', optimizerOptions: { lr: 0.1 } });
		const rates = logSpaced(1e-4, 10, 25);
		const run = new LearningRateSweepRun(quadratic, [5], settings, rates, 300);
		expect(run.advance(() => true)).toBeUndefined();
		expect(run.partial().points.length).toBe(1);
		let sweep = run.advance(() => true);
		while (!sweep) sweep = run.advance(() => true);
		expect(sweep).toEqual(sweepLearningRates(quadratic, [5], settings, rates, 300));
		// (x - 1)^2 with SGD: the factor 1 - 2η leaves the unit circle at η = 1.
		expect(sweep.divergesFrom).toBeGreaterThan(1);
		expect(sweep.points.filter((p) => p.learningRate < 1).every((p) => p.outcome !== 'diverged')).toBe(true);
		expect(sweep.points[0]!.outcome).toBe('slow');
		expect(sweep.fastest).toBeCloseTo(0.5623, 3);
	});
});

describe('the explorer chart and requests', () => {
	it('puts diverged runs a decade above the largest final loss', () => {
		const points = [
			{ learningRate: 0.1, finalLoss: 1, steps: 10, outcome: 'converged' as const },
			{ learningRate: 0.01, finalLoss: 37, steps: 300, outcome: 'slow' as const },
			{ learningRate: 2, finalLoss: Infinity, steps: 12, outcome: 'diverged' as const },
		];
		expect(sweepCeiling(points)).toBe(1000);
		expect(points.map((p) => sweepY(p, 1000))).toEqual([1, 37, 1000]);
		expect(sweepCeiling([points[2]!])).toBe(10);
	});

	it('checks requestSweep and tryLearningRate', () => {
		expect(validateFromWebview({ type: 'requestSweep', requestId: 4 })).toEqual({ type: 'requestSweep', requestId: 4 });
		expect(validateFromWebview({ type: 'tryLearningRate', learningRate: 0.5 })).toEqual({ type: 'tryLearningRate', learningRate: 0.5 });
		for (const learningRate of [0, -1, Infinity, '0.5']) expect(validateFromWebview({ type: 'tryLearningRate', learningRate })).toBeUndefined();
	});
});
