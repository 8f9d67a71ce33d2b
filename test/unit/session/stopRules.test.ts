// The stop rules: a non-finite point, loss or gradient is a divergence and never a convergence; a rise that stays
// moderate is not a divergence (optimizers with momentum climb and recover); an explosive blow-up is.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { blowUpFactor } from '../../../src/engine/session/stopRules';
import { quadratic } from './sessionFixtures';
import { describeStop } from '../../../src/engine/session/stopReason';

const js = (source: string) => compileLoss(source, { language: 'javascript' });

describe('non-finite values', () => {
	it('diverge when the point goes to infinity, even where the loss and gradient there are 0', () => {
		// From x = 0: L = 1/0 = ∞ and ∂L/∂x = −∞, so the update sends x to +∞, where 1/x = 0 and −1/x² = −0.
		const s = new OptimizationSession(js('function loss(x = 0) { return 1 / x; }'), { optimizerOptions: { lr: 0.1 } });
		const r = s.continue(100);
		expect(r.reason.kind).toBe('diverged');
		expect(r.step).toBe(1);
		expect(describeStop(r.reason)).toMatch(/the point became Infinity/);
	});

	it('diverge on a NaN point', () => {
		const s = new OptimizationSession(js('function loss(x = -1) { return Math.sqrt(x) + x * x; }'), { optimizerOptions: { lr: 0.1 } });
		expect(s.continue(100).reason.kind).toBe('diverged');
	});
});

describe('a rising loss', () => {
	it('that recovers is not a divergence: NAdam lr 0.3 on Rosenbrock from (−1.5, 2) matches PyTorch to step 200', () => {
		// Numbers from oracles/nadamRosenbrock.py (PyTorch's NAdam in float64): the loss rises from 5.6 to 22.9 between
		// steps 30 and 47, above the start's 12.5, then falls to 1.37 at step 200.
		const loss = js('function loss(x = -1.5, y = 2) { return (1 - x) ** 2 + 100 * (y - x * x) ** 2; }');
		const s = new OptimizationSession(loss, { optimizer: 'nadam', optimizerOptions: { lr: 0.3 } });
		const r = s.continue(200);
		expect(r.reason.kind).toBe('steps');
		expect(r.step).toBe(200);
		expect(s.history.loss(44)).toBeCloseTo(14.96622217828818, 8);
		expect(s.history.loss(200)).toBeCloseTo(1.3719625286740817, 8);
		expect(s.snapshot().x[0]).toBeCloseTo(-0.17124869029928214, 8);
		expect(s.snapshot().x[1]).toBeCloseTo(0.030505241345143687, 8);
	});

	it('that blows up is a divergence, at the first step past the blow-up factor', () => {
		// SGD on (x − 1)² + 1 from x = 5 with lr 1.05: x − 1 = 4·(−1.1)^k, so L_k = 1 + 16·1.21^k, rising from step 1.
		const lossAt = (k: number) => 1 + 16 * 1.21 ** k;
		let expected = 1;
		while (lossAt(expected) - lossAt(0) <= blowUpFactor * lossAt(0)) expected++;
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 1.05 }, divergenceSteps: 5 });
		const r = s.continue();
		expect(r.reason.kind).toBe('diverged');
		expect(r.step).toBe(expected);
		expect(r.reason.kind === 'diverged' && r.reason.since).toBe(1);
	});

	it('is only a hint when divergenceSteps is 0: the run goes on until the loss is not finite', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 1.05 }, divergenceSteps: 0 });
		const r = s.continue();
		expect(r.reason.kind).toBe('diverged');
		expect(describeStop(r.reason)).toMatch(/^Diverged at step \d+: the (loss|gradient) became Infinity/);
		expect(s.history.loss(r.step - 1)).toBeGreaterThan(1e300);
	});
});
