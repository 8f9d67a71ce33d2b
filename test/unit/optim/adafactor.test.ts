/**
 * Adafactor (PyTorch 2.5+'s `torch.optim.Adafactor`; Debian's torch 1.13 lacks it) against an independent numpy
 * transcription of its documented algorithm (test/fixtures/numpy/adafactorTrajectories.py): 100 steps on a
 * quadratic, Rosenbrock and a least-squares loss over data with the two parameters as one vector, as two scalars and
 * as a 1×2 matrix (factored second moments), plus a 2×3 matrix, a vector and a scalar together, to 1e-10 relative,
 * the final `variance`, `row_var` and `col_var` included. And the checks PyTorch's constructor makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { OptionValue } from '../../../src/engine/optim/optimizer';
import { createOptimizer, optimizerDefaults } from '../../../src/engine/optim/optimizers';
import { maxRelativeDifference } from './harness';
import { torchLosses } from './torchLosses';

interface AdafactorCase {
	readonly function: 'quadratic' | 'rosenbrock' | 'regression' | 'tensors';
	readonly layout: string;
	readonly shapes: number[][];
	readonly options: Record<string, OptionValue | (number | null)[]>;
	readonly points: number[][];
	readonly state: Record<string, number[]>;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/numpy/adafactorTrajectories.json'), 'utf8')) as {
	data: { x: number[]; y: number[] };
	cases: AdafactorCase[];
};
const losses = torchLosses(fixture.data);

// The script's separable quadratic over a 2×3 matrix, a vector of 3 and a scalar.
const k = [1.0, 2.0, 0.5, 3.0, 1.5, 0.25, 4.0, 0.75, 2.5, 1.25];
const target = [0.5, -1.0, 2.0, 0.0, 1.5, -0.5, 1.0, -2.0, 0.25, 3.0];
const gradientOf = (c: AdafactorCase, x: Float64Array): number[] =>
	c.function === 'tensors' ? Array.from(x, (v, i) => k[i]! * 2 * (v - target[i]!)) : losses[c.function](x[0]!, x[1]!).gradient;

function run(c: AdafactorCase) {
	const eps = c.options['eps'] as (number | null)[] | undefined;
	const options = { ...c.options, ...(eps ? { eps: [eps[0] ?? Number.EPSILON, eps[1]!] } : {}) } as Record<string, OptionValue>;
	const optimizer = createOptimizer('adafactor', options);
	const x = Float64Array.from(c.points[0]!);
	const state = optimizer.init(x.length, c.shapes);
	const points = [Array.from(x)];
	for (let t = 0; t < c.points.length - 1; t++) {
		optimizer.step(state, x, Float64Array.from(gradientOf(c, x)), optimizer.options.lr as number);
		points.push(Array.from(x));
	}
	return { points, state };
}

describe('adafactor against the numpy transcription (100 steps, float64)', () => {
	it('covers scalar, vector and matrix parameters on the three losses', () => {
		expect(new Set(fixture.cases.map((c) => c.layout))).toEqual(new Set(['vector', 'scalars', 'matrix', 'tensors']));
		expect(new Set(fixture.cases.map((c) => c.function))).toEqual(new Set(['quadratic', 'rosenbrock', 'regression', 'tensors']));
	});

	it.each(fixture.cases.map((c) => [`${c.layout} ${JSON.stringify(c.options)} on ${c.function}`, c] as const))('%s', (name, c) => {
		const { points, state } = run(c);
		expect(maxRelativeDifference(points, c.points, name)).toBeLessThanOrEqual(1e-10);
		expect(Object.keys(state.buffers).sort(), `${name}: state names`).toEqual(Object.keys(c.state).sort());
		for (const [key, values] of Object.entries(c.state)) {
			expect(maxRelativeDifference([Array.from(state.buffers[key]!)], [values], `${name}: ${key}`)).toBeLessThanOrEqual(1e-10);
		}
	});

	it("has PyTorch's defaults, with eps1 None as float64's machine epsilon", () => {
		expect(optimizerDefaults('adafactor')).toEqual({
			lr: 1e-2, beta2_decay: -0.8, eps: [Number.EPSILON, 1e-3], d: 1, weight_decay: 0, foreach: false, maximize: false,
		});
	});

	it.each([
		[{ lr: -1 }, /lr must be a finite number >= 0/],
		[{ beta2_decay: 0.1 }, /beta2_decay must be a finite number <= 0/],
		[{ eps: [-1, 1e-3] }, /epsilon1 should be >= 0 but is: -1/],
		[{ eps: [1e-30, -1] }, /epsilon2 should be >= 0 but is: -1/],
		[{ d: 0.5 }, /d must be a finite number >= 1/],
		[{ weight_decay: -0.1 }, /weight_decay must be a finite number >= 0/],
		[{ betas: [0.9, 0.99] }, /unknown option 'betas'; adafactor accepts lr, beta2_decay, eps, d, weight_decay, foreach, maximize/],
	])('rejects %j', (options, message) => {
		expect(() => createOptimizer('adafactor', options as Record<string, OptionValue>)).toThrow(message);
	});

	it('refuses a state laid out for other shapes', () => {
		const optimizer = createOptimizer('adafactor');
		const state = optimizer.init(3, [[3]]);
		expect(() => optimizer.step(state, new Float64Array(4), new Float64Array(4), 0.01)).toThrow(RangeError);
	});
});
