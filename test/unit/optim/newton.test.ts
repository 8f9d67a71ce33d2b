/**
 * The `newton` method (damped Newton with the exact Hessian, eigenvalues replaced by max(|λ|, eps)): one step to
 * the minimum of a quadratic (the minimizer solved by hand), the move away from a saddle (computed by hand for
 * x² − y²), Rosenbrock's quadratic convergence, and its place in the registry, sessions and the update-rule card.
 */
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { explainUpdate } from '../../../src/engine/optim/explainUpdate';
import { createOptimizer, optimizerDefaults, optimizerNames } from '../../../src/engine/optim/optimizers';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { descend } from '../../../src/engine/session/descend';

const math = (source: string) => compileLoss(source, { language: 'math' });

function newtonSession(source: string, start: number[], options: Record<string, number> = {}) {
	return new OptimizationSession(math(source), { optimizer: 'newton', optimizerOptions: options, divergenceSteps: 0 }, start);
}

describe('the newton method', () => {
	it('is offered beside torch.optim, with its own defaults', () => {
		expect(optimizerNames).toContain('newton');
		expect(optimizerDefaults('newton')).toEqual({ lr: 1, eps: 1e-8 });
		expect(() => createOptimizer('newton', { eps: 0 })).toThrow(/eps/);
	});

	it('lands on the minimum of a quadratic in one step', () => {
		// f = 2x² + xy + 3y² − 4x + y: ∇f = 0 at A·w = b, A = [[4, 1], [1, 6]], b = [4, −1] → w = (25, −8)/23.
		const session = newtonSession('f(x, y) = 2 x^2 + x y + 3 y^2 - 4 x + y', [7, -3]);
		session.step(1);
		const [x, y] = session.snapshot().x;
		expect(x).toBeCloseTo(25 / 23, 13);
		expect(y).toBeCloseTo(-8 / 23, 13);
	});

	it('with lr < 1 takes that fraction of the Newton step', () => {
		const session = newtonSession('f(x, y) = 2 x^2 + x y + 3 y^2 - 4 x + y', [7, -3], { lr: 0.5 });
		session.step(1);
		const [x, y] = session.snapshot().x;
		expect(x).toBeCloseTo((7 + 25 / 23) / 2, 13);
		expect(y).toBeCloseTo((-3 - 8 / 23) / 2, 13);
	});

	it('leaves a saddle downhill instead of stepping onto it', () => {
		// f = x² − y², H = diag(2, −2). Plain Newton goes to the saddle (0, 0); with |λ| the step is
		// −diag(1/2, 1/2)·(2x, −2y) = (−x, y): from (1, 0.5) to (0, 1), and f falls from 0.75 to −1.
		const session = newtonSession('f(x, y) = x^2 - y^2', [1, 0.5]);
		session.step(1);
		const snapshot = session.snapshot();
		expect(snapshot.x[0]).toBeCloseTo(0, 14);
		expect(snapshot.x[1]).toBeCloseTo(1, 14);
		expect(snapshot.loss).toBeCloseTo(-1, 14);
		expect(snapshot.optimizer.state.scalars).toMatchObject({ lambda_min: -2, lambda_max: 2, modified: 1 });
	});

	it('converges quadratically on Rosenbrock from (−1.2, 1)', () => {
		const session = newtonSession('f(x, y) = (1 - x)^2 + 100 (y - x^2)^2', [-1.2, 1]);
		session.step(12);
		const [x, y] = session.snapshot().x;
		expect(Math.hypot(x! - 1, y! - 1)).toBeLessThan(1e-10);
	});

	it('runs in the lean descent loop too (sweeps, restarts, basin maps)', () => {
		const loss = math('f(x, y) = 2 x^2 + x y + 3 y^2 - 4 x + y');
		const run = descend(loss, [7, -3], { optimizer: createOptimizer('newton'), schedule: { kind: 'constant' }, rules: { gradientTolerance: 1e-9, lossTolerance: 0, divergenceSteps: 0 }, maxSteps: 3 });
		expect(run.x[0]).toBeCloseTo(25 / 23, 12);
	});

	it('writes its update out with the Hessian’s extreme eigenvalues', () => {
		const session = newtonSession('f(x, y) = x^2 - y^2', [1, 0.5]);
		const next = session.nextUpdate();
		const card = explainUpdate(next.optimizer, next.state, next.x, next.gradient, next.learningRate, 6, next.objective);
		expect(card.kind).toBe('newton');
		expect(card.constants).toMatchObject({ lambdaMin: -2, lambdaMax: 2, modified: 1 });
		expect(card.rows.map((r) => r.next)).toEqual([0, 1]);
	});
});
