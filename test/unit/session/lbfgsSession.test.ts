/**
 * L-BFGS in the session: one Step is PyTorch's `step(closure)`, every function evaluation of it is kept as a probe,
 * and the path matches PyTorch's own (test/fixtures/torch/optimTrajectories.json) with the loss compiled from a graph.
 * The compiled gradient rounds differently from the fixture's closed form in the last bits, which L-BFGS's inner
 * iterations amplify a little, so the tolerances here are looser than the optimizer tests' 1e-10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { rosenbrock } from './sessionFixtures';

interface TorchCase {
	optimizer: string;
	options: Record<string, unknown>;
	function: string;
	maximize: boolean;
	points: number[][];
	evaluations: number[][][];
}
const cases = (JSON.parse(readFileSync(join(__dirname, '../../fixtures/torch/optimTrajectories.json'), 'utf8')) as { cases: TorchCase[] }).cases;
const torchCase = (lineSearch: boolean) =>
	cases.find((c) => c.optimizer === 'lbfgs' && c.function === 'rosenbrock' && Object.keys(c.options).length === (lineSearch ? 1 : 0) && !c.maximize)!;

describe('L-BFGS sessions', () => {
	it.each([false, true])('follows PyTorch on Rosenbrock, probes included (strong_wolfe: %s)', (lineSearch) => {
		const expected = torchCase(lineSearch);
		const s = new OptimizationSession(rosenbrock(), { optimizer: 'lbfgs', optimizerOptions: lineSearch ? { line_search_fn: 'strong_wolfe' } : {}, maxSteps: 100 });
		s.step(30);
		for (let k = 1; k <= 30; k++) {
			const x = s.history.readPoint(k, new Float64Array(2));
			expect(Math.abs(x[0]! - expected.points[k]![0]!), `step ${k}`).toBeLessThan(1e-7);
			expect(Math.abs(x[1]! - expected.points[k]![1]!), `step ${k}`).toBeLessThan(1e-7);
			// The fixture lists the start of each step (PyTorch's first closure call) and then the probes.
			const probes = s.probesAt(k);
			const torchProbes = expected.evaluations[k - 1]!.slice(1);
			expect(probes.length / 3, `step ${k}`).toBe(torchProbes.length);
			torchProbes.forEach((p, j) => expect(Math.abs(probes[3 * j]! - p[0]!) + Math.abs(probes[3 * j + 1]! - p[1]!)).toBeLessThan(1e-6));
		}
		expect(s.snapshot().optimizer.state.step).toBe(30);
	});

	it('replays its state through the closure after stepping back, bit for bit, and previews the next step', () => {
		const s = new OptimizationSession(rosenbrock(), { optimizer: 'lbfgs', optimizerOptions: { history_size: 3, max_iter: 4 } });
		s.step(12);
		const original = s.history.slice(0, 13);
		const probes = s.probesAt(9).slice();
		s.goTo(5);
		const next = s.peekNext();
		s.step(7);
		expect(s.history.slice(0, 13)).toEqual(original);
		expect(Array.from(s.history.readPoint(6, new Float64Array(2)))).toEqual(Array.from(next));
		expect(s.probesAt(9)).toEqual(probes);
	});

	it('keeps no probes for optimizers that only read the gradient', () => {
		const s = new OptimizationSession(rosenbrock(), { optimizer: 'adam' });
		s.step(3);
		expect(s.probesAt(2)).toHaveLength(0);
	});
});
