/**
 * The optimizers against trajectories PyTorch itself produced (test/fixtures/torch/optimTrajectories.py, torch 1.13
 * in float64): 100 steps each on a quadratic, Rosenbrock and a least-squares loss over data, to 1e-10 relative.
 * Adadelta, Rprop, ASGD and L-BFGS (with and without the strong-Wolfe line search, every point the closure was
 * evaluated at included), and `maximize` for every optimizer that has it. The gradients are the same closed forms
 * the script writes, in the same order, so both sides feed the update rules identical numbers.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { OptimizerName, OptionValue } from '../../../src/engine/optim/optimizer';
import { createOptimizer } from '../../../src/engine/optim/optimizers';
import { maxRelativeDifference } from './harness';
import { torchLosses, type TorchLoss, type TorchLossName } from './torchLosses';

interface TorchCase {
	readonly optimizer: OptimizerName;
	readonly options: Record<string, OptionValue>;
	readonly function: TorchLossName;
	readonly maximize: boolean;
	readonly points: number[][];
	/** L-BFGS: per step, every point the closure was called at (the first is the step's start). */
	readonly evaluations?: number[][][];
	readonly ax?: number[];
	readonly step_size?: number[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/torch/optimTrajectories.json'), 'utf8')) as {
	data: { x: number[]; y: number[] };
	cases: TorchCase[];
};

type Fn = TorchLoss;

const functions = torchLosses(fixture.data);

const negated = (fn: Fn): Fn => (x, y) => {
	const { value, gradient } = fn(x, y);
	return { value: -value, gradient: [-gradient[0], -gradient[1]] };
};

/** Runs the case through the engine; returns its points, the probes of each step and the final state. */
function run(c: TorchCase) {
	// A maximize case maximizes −f (which has a maximum); see the script.
	const fn = c.maximize ? negated(functions[c.function]) : functions[c.function];
	const optimizer = createOptimizer(c.optimizer, c.maximize ? { ...c.options, maximize: true } : c.options);
	const params = Float64Array.from(c.points[0]!);
	const state = optimizer.init(2);
	const points = [Array.from(params)];
	const probes: number[][][] = [];
	for (let k = 0; k < c.points.length - 1; k++) {
		const here = fn(params[0]!, params[1]!);
		const stepProbes: number[][] = [Array.from(params)];
		const objective = {
			loss: here.value,
			evaluate(x: Float64Array, gradient: Float64Array) {
				stepProbes.push(Array.from(x));
				const { value, gradient: g } = fn(x[0]!, x[1]!);
				gradient.set(g);
				return value;
			},
		};
		optimizer.step(state, params, Float64Array.from(here.gradient), optimizer.options.lr as number, objective);
		points.push(Array.from(params));
		probes.push(stepProbes);
	}
	return { points, probes, state };
}

const label = (c: TorchCase): string => `${c.optimizer}${c.maximize ? '[maximize]' : ''} ${JSON.stringify(c.options)} on ${c.function}`;

describe('trajectories against PyTorch (100 steps, float64)', () => {
	it('has the cases the issue asks for', () => {
		const names = new Set(fixture.cases.map((c) => c.optimizer));
		for (const name of ['adadelta', 'rprop', 'asgd', 'lbfgs']) expect(names.has(name as OptimizerName), name).toBe(true);
		const lineSearches = fixture.cases.filter((c) => c.optimizer === 'lbfgs').map((c) => c.options.line_search_fn ?? 'none');
		expect(new Set(lineSearches)).toEqual(new Set(['none', 'strong_wolfe']));
		expect(fixture.cases.every((c) => c.points.length === 101)).toBe(true);
	});

	it.each(fixture.cases.map((c) => [label(c), c] as const))('%s', (name, c) => {
		const { points, probes, state } = run(c);
		expect(maxRelativeDifference(points, c.points, name)).toBeLessThanOrEqual(1e-10);
		if (c.evaluations) {
			expect(probes.map((p) => p.length), `${name}: evaluations per step`).toEqual(c.evaluations.map((p) => p.length));
			expect(maxRelativeDifference(probes.flat(), c.evaluations.flat(), `${name}: probes`)).toBeLessThanOrEqual(1e-10);
		}
		if (c.ax) expect(maxRelativeDifference([Array.from(state.buffers['ax']!)], [c.ax], `${name}: ax`)).toBeLessThanOrEqual(1e-10);
		if (c.step_size) {
			expect(maxRelativeDifference([Array.from(state.buffers['step_size']!)], [c.step_size], `${name}: step_size`)).toBeLessThanOrEqual(1e-10);
		}
	});
});
