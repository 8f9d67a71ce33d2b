// After a divergence, a new learning rate is tried from the last point before the trouble, not the blown-up one.
import { describe, expect, it } from 'vitest';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { describeStop } from '../../../src/engine/session/stopReason';
import { quadratic } from './sessionFixtures';

describe('recoveryPoint', () => {
	it('is the record before the rise that ended in the divergence', () => {
		// SGD on (x − 1)² + 1 from x = 5: 20 steps with lr 0.1, then lr 1.5 doubles x − 1 each step (the loss rises from
		// step 21 on) until the blow-up rule stops it.
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		s.step(20);
		s.updateSettings({ optimizerOptions: { lr: 1.5 } });
		const r = s.continue();
		expect(r.reason.kind).toBe('diverged');
		expect(s.recoveryPoint()).toBe(20);
		expect(s.history.loss(20)).toBeCloseTo(1 + 16 * 0.64 ** 20, 12);
	});

	it('is the start when the loss rose from the first step, even past non-finite values', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 1.05 }, divergenceSteps: 0 });
		const r = s.continue();
		expect(describeStop(r.reason)).toMatch(/Infinity/);
		expect(s.recoveryPoint()).toBe(0);
	});

	it('is undefined when the session did not diverge or has moved', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 1.5 } });
		expect(s.recoveryPoint()).toBeUndefined();
		s.continue();
		s.stepBack();
		expect(s.recoveryPoint()).toBeUndefined();
	});
});
