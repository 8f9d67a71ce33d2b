// The learning-rate explorer's engine and protocol sides: the sliced sweep gives the one-call sweep's answer, and
// the panel's requests are checked.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { LearningRateSweepRun, logSpaced, oscillationShare, sweepLearningRates } from '../../../src/engine/landscape/learningRateSweep';
import { resolveSessionSettings } from '../../../src/engine/session/sessionSettings';
import { validateFromWebview } from '../../../src/shared/validatePanelMessage';
import { sweepCeiling, sweepY } from '../../../src/webview/sweepChart';
import { rosenbrock } from '../session/sessionFixtures';

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

describe('what a rate that does not converge does', () => {
	it('labels a bouncing loss oscillating and a falling one slow', () => {
		// Plain SGD on Rosenbrock from (−1.2, 1) at lr 0.005, by hand with the closed-form gradient: the loss goes up in
		// more than 5% of 500 updates (it bounces across the valley) and ends far from the minimum.
		let [x, y] = [-1.2, 1];
		const f = (a: number, b: number) => (1 - a) ** 2 + 100 * (b - a * a) ** 2;
		let rises = 0;
		for (let k = 0; k < 500; k++) {
			const before = f(x, y);
			[x, y] = [x - 0.005 * (-2 * (1 - x) - 400 * x * (y - x * x)), y - 0.005 * 200 * (y - x * x)];
			if (f(x, y) > before) rises++;
		}
		expect(rises).toBeGreaterThanOrEqual(oscillationShare * 500);
		const settings = resolveSessionSettings({});
		const [bouncing] = sweepLearningRates(rosenbrock(), [-1.2, 1], settings, [0.005], 500).points;
		expect(bouncing).toMatchObject({ outcome: 'oscillating', steps: 500 });
		expect(bouncing!.finalLoss).toBeCloseTo(f(x, y), 6);
		// On (x − 1)² + 1 at lr 1e-4 the loss 1 + 16·(1 − 2e-4)^(2k) falls at every step: not converged, not oscillating.
		const [falling] = sweepLearningRates(quadratic, [5], settings, [1e-4], 500).points;
		expect(falling).toMatchObject({ outcome: 'slow', steps: 500 });
		expect(falling!.finalLoss).toBeCloseTo(1 + 16 * (1 - 2e-4) ** 1000, 9);
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
		expect(validateFromWebview({ type: 'requestSweep' })).toEqual({ type: 'requestSweep' });
		expect(validateFromWebview({ type: 'tryLearningRate', learningRate: 0.5 })).toEqual({ type: 'tryLearningRate', learningRate: 0.5 });
		for (const learningRate of [0, -1, Infinity, '0.5']) expect(validateFromWebview({ type: 'tryLearningRate', learningRate })).toBeUndefined();
	});
});
