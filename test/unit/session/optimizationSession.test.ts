import { describe, expect, it } from 'vitest';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { History } from '../../../src/engine/session/history';
import { describeStop } from '../../../src/engine/session/stopReason';
import { doubleWell, quadratic, regression, rosenbrock } from './sessionFixtures';

describe('stepping', () => {
	it('takes the study note step w_new = w − η·∇L', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		expect(s.snapshot().loss).toBe(17);
		expect(Array.from(s.snapshot().gradient)).toEqual([8]);
		const r = s.step();
		expect(r.reason.kind).toBe('step');
		const snap = s.snapshot();
		expect(snap.step).toBe(1);
		expect(snap.x[0]).toBeCloseTo(5 - 0.1 * 8, 15);
		expect(snap.loss).toBeCloseTo((4.2 - 1) ** 2 + 1, 12);
	});

	it('previews the next point without taking it', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		const next = s.peekNext();
		expect(s.position).toBe(0);
		s.step();
		expect(s.snapshot().x[0]).toBe(next[0]);
	});

	it('replays bit for bit after stepping back and forward again (Adam keeps its state)', () => {
		const s = new OptimizationSession(rosenbrock(), { optimizer: 'adam', optimizerOptions: { lr: 0.05 } });
		s.step(200);
		const original = s.history.slice(0, 201);
		s.stepBack(137);
		expect(s.position).toBe(63);
		s.step(137);
		const replayed = s.history.slice(0, 201);
		expect(Array.from(replayed.points)).toEqual(Array.from(original.points));
		expect(Array.from(replayed.losses)).toEqual(Array.from(original.losses));
		expect(s.snapshot().optimizer.state.step).toBe(200);
	});

	it('drops the abandoned future when stepping forward from an earlier point with new settings', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		s.step(10);
		s.stepBack(5);
		s.updateSettings({ optimizerOptions: { lr: 0.5 } });
		s.step();
		expect(s.history.length).toBe(7);
		expect(s.history.learningRate(5)).toBe(0.5);
		const x5 = s.history.coordinate(5, 0);
		expect(s.history.coordinate(6, 0)).toBeCloseTo(x5 - 0.5 * 2 * (x5 - 1), 14);
	});

	it('reports the start of history when stepping back past it', () => {
		const s = new OptimizationSession(quadratic());
		s.step(2);
		expect(s.stepBack(5).reason.kind).toBe('historyStart');
		expect(s.position).toBe(0);
	});

	it('restart keeps the settings and clears the history', () => {
		const s = new OptimizationSession(quadratic(), { optimizer: 'adam', optimizerOptions: { lr: 0.3 } });
		s.step(5);
		const r = s.restart();
		expect(r.reason.kind).toBe('entry');
		expect(s.history.length).toBe(1);
		expect(s.settings.optimizer).toBe('adam');
		expect(s.currentOptimizer.options.lr).toBe(0.3);
	});

	it('edits a coordinate and continues from it', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		s.step(3);
		s.variables.assign('x', 2);
		expect(s.snapshot().x[0]).toBe(2);
		expect(s.snapshot().loss).toBe(2);
		s.step();
		expect(s.snapshot().x[0]).toBeCloseTo(2 - 0.1 * 2, 15);
	});
});

describe('stops', () => {
	it('converges on the gradient norm', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 }, lossTolerance: 0 });
		const r = s.continue();
		expect(r.reason.kind).toBe('converged');
		expect(r.reason.kind === 'converged' && r.reason.criterion).toBe('gradientNorm');
		expect(s.snapshot().gradientNorm).toBeLessThanOrEqual(1e-6);
		expect(s.snapshot().x[0]).toBeCloseTo(1, 6);
	});

	it('converges on the change in loss', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.01 }, gradientTolerance: 0, lossTolerance: 1e-6 });
		const r = s.continue();
		expect(r.reason.kind === 'converged' && r.reason.criterion).toBe('lossChange');
	});

	it('stops at the step limit', () => {
		const s = new OptimizationSession(rosenbrock(), { optimizerOptions: { lr: 1e-4 } });
		const r = s.continue(25);
		expect(r.reason).toEqual({ kind: 'steps', limit: 25 });
		expect(s.position).toBe(25);
	});

	it('diverges with a non-finite loss and suggests a learning rate that does not diverge', () => {
		const s = new OptimizationSession(doubleWell(), { optimizerOptions: { lr: 1.5 } });
		const r = s.continue();
		expect(r.reason.kind).toBe('diverged');
		if (r.reason.kind !== 'diverged') return;
		expect(r.reason.suggestedLearningRate).toBeDefined();
		expect(r.reason.suggestedLearningRate!).toBeLessThan(1.5);
		expect(describeStop(r.reason)).toMatch(/Try a learning rate of [\d.e-]+ or less\.$/);
		const again = new OptimizationSession(doubleWell(), { optimizerOptions: { lr: r.reason.suggestedLearningRate! } });
		expect(again.continue(500).reason.kind).not.toBe('diverged');
	});

	it('stops at a breakpoint condition, with hit counts and logpoints', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		const status = s.setBreakpoints([{ id: 7, condition: 'loss < 1.5 && x > 1' }, { id: 8, logMessage: 'step {step}: x = {x}', hitCondition: '% 2' }]);
		expect(status.every((b) => b.verified)).toBe(true);
		const r = s.continue();
		expect(r.reason.kind).toBe('breakpoint');
		expect(s.snapshot().loss).toBeLessThan(1.5);
		expect(s.history.loss(s.position - 1)).toBeGreaterThanOrEqual(1.5);
		expect(r.logs[0]).toMatch(/^step 2: x = /);
		expect(r.logs.length).toBe(Math.floor(r.step / 2));
	});

	it('counts hits before stopping', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		s.setBreakpoints([{ id: 1, condition: 'step > 0', hitCondition: '3' }]);
		expect(s.continue().step).toBe(3);
	});

	it('reports a condition over an unknown name as unverified', () => {
		const s = new OptimizationSession(quadratic());
		const [status] = s.setBreakpoints([{ id: 1, condition: 'z < 1' }]);
		expect(status!.verified).toBe(false);
		expect(status!.message).toMatch(/z/);
	});

	it('reverse continue goes back to a breakpoint or the start', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 } });
		s.step(30);
		s.setBreakpoints([{ id: 1, condition: 'step == 12' }]);
		const back = s.startContinue('reverse').advance(() => false)!;
		expect(back.reason.kind).toBe('breakpoint');
		expect(s.position).toBe(12);
		s.setBreakpoints([]);
		expect(s.startContinue('reverse').advance(() => false)!.reason.kind).toBe('historyStart');
	});

	it('runs a continue in slices that yield and can be paused', () => {
		const s = new OptimizationSession(rosenbrock(), { optimizerOptions: { lr: 1e-4 }, maxSteps: 100_000 });
		const run = s.startContinue();
		let calls = 0;
		expect(run.advance(() => ++calls >= 2)).toBeUndefined();
		expect(s.position).toBeGreaterThan(0);
		expect(run.pause().reason.kind).toBe('paused');
	});
});

describe('mini-batches and history', () => {
	it('are reproducible with a seed and differ across seeds', () => {
		const run = (seed: number) => {
			const s = new OptimizationSession(regression(), { optimizerOptions: { lr: 0.05 }, batchSize: 8, seed });
			s.step(30);
			return Array.from(s.history.slice(0, 31).points);
		};
		expect(run(3)).toEqual(run(3));
		expect(run(3)).not.toEqual(run(4));
	});

	it('uses noisy batch gradients but records the full loss', () => {
		const loss = regression();
		const s = new OptimizationSession(loss, { optimizerOptions: { lr: 0.05 }, batchSize: 8, seed: 1 });
		const full = new Float64Array(3);
		loss.valueAndGradient(s.start, full);
		expect(Array.from(s.snapshot().gradient)).not.toEqual(Array.from(full));
		expect(s.snapshot().loss).toBe(loss.value(s.start));
		s.continue(2000);
		expect(s.snapshot().loss).toBeLessThan(0.01);
	});

	it('stores a million records of a 2-parameter loss in under 64 MB', () => {
		const h = new History(2);
		const x = new Float64Array(2);
		for (let k = 0; k < 1_000_000; k++) h.push(x, k, x, 0.1);
		expect(h.length).toBe(1_000_000);
		expect(h.bytesPerRecord * h.length).toBeLessThan(64 * 1024 * 1024);
		expect(h.loss(999_999)).toBe(999_999);
	});
});
