/**
 * Optimizer × test function × learning rate: the implementation against the independent transcription of PyTorch's
 * documented update rules (reference.ts), 50 steps each, to 1e-12 relative. Includes settings that diverge, where
 * both must blow up identically, and every option variant on a function where it changes the path.
 */

import { describe, expect, it } from 'vitest';

import { documentedDefaults, withOptions } from './documented';
import { diverged, implementationTrajectory, maxRelativeDifference } from './harness';
import { type ReferenceOptions, referenceTrajectory } from './reference';
import { himmelblau, quadratic, rosenbrock, type TestFunction, testFunctions } from './testFunctions';

const STEPS = 50;
const TOLERANCE = 1e-12;

interface Case {
	readonly label: string;
	readonly options: ReferenceOptions;
	readonly fn: TestFunction;
}

function label(options: ReferenceOptions, fn: TestFunction, variant = ''): string {
	return `${options.name}${variant}/${fn.name}/lr=${options.lr}`;
}

const learningRates: Readonly<Record<ReferenceOptions['name'], readonly number[]>> = {
	sgd: [1e-3, 1e-2, 0.1, 1.5],
	adagrad: [1e-2, 0.1, 0.5],
	rmsprop: [1e-3, 1e-2, 0.1],
	adam: [1e-3, 1e-2, 0.1],
	adamw: [1e-3, 1e-2, 0.1],
	adamax: [2e-3, 2e-2, 0.2],
	nadam: [2e-3, 2e-2, 0.2],
	radam: [1e-3, 1e-2, 0.1],
};

const tableCases: Case[] = Object.values(documentedDefaults).flatMap((defaults) =>
	learningRates[defaults.name].flatMap((lr) =>
		testFunctions.map((fn) => {
			const options = { ...defaults, lr };
			return { label: label(options, fn), options, fn };
		}),
	),
);

const variant = (options: ReferenceOptions, fn: TestFunction, name: string): Case => ({
	label: label(options, fn, `[${name}]`),
	options,
	fn,
});

const variantCases: Case[] = [
	variant(withOptions('sgd', { lr: 1e-3, momentum: 0.9 }), rosenbrock, 'momentum'),
	variant(withOptions('sgd', { lr: 1e-3, momentum: 0.9, nesterov: true }), rosenbrock, 'nesterov'),
	variant(withOptions('sgd', { lr: 1e-2, momentum: 0.8, dampening: 0.3 }), himmelblau, 'dampening'),
	variant(withOptions('sgd', { lr: 0.05, momentum: 0.5, weight_decay: 0.1 }), quadratic, 'weight_decay'),
	variant(withOptions('adagrad', { lr: 0.5, lr_decay: 0.05 }), himmelblau, 'lr_decay'),
	variant(withOptions('adagrad', { lr: 0.1, initial_accumulator_value: 0.5 }), rosenbrock, 'initial_accumulator'),
	variant(withOptions('adagrad', { lr: 0.1, weight_decay: 0.2 }), quadratic, 'weight_decay'),
	variant(withOptions('rmsprop', { lr: 1e-2, centered: true }), himmelblau, 'centered'),
	variant(withOptions('rmsprop', { lr: 1e-3, momentum: 0.9 }), rosenbrock, 'momentum'),
	variant(withOptions('rmsprop', { lr: 1e-3, momentum: 0.9, centered: true, alpha: 0.9 }), rosenbrock, 'centered+m'),
	variant(withOptions('rmsprop', { lr: 1e-2, weight_decay: 0.1 }), quadratic, 'weight_decay'),
	variant(withOptions('adam', { lr: 0.05, amsgrad: true }), himmelblau, 'amsgrad'),
	variant(withOptions('adam', { lr: 0.05, weight_decay: 0.1 }), quadratic, 'weight_decay'),
	variant(withOptions('adam', { lr: 0.05, betas: [0, 0.5], eps: 1e-3 }), rosenbrock, 'betas'),
	variant(withOptions('adamw', { lr: 0.05, weight_decay: 0.3, amsgrad: true }), himmelblau, 'amsgrad'),
	variant(withOptions('adamax', { lr: 0.05, weight_decay: 0.1, betas: [0.6, 0.9] }), himmelblau, 'weight_decay'),
	variant(withOptions('nadam', { lr: 0.05, weight_decay: 0.1 }), quadratic, 'weight_decay'),
	variant(withOptions('nadam', { lr: 0.05, weight_decay: 0.1, decoupled_weight_decay: true }), quadratic, 'decoupled'),
	variant(withOptions('nadam', { lr: 0.02, momentum_decay: 0.5 }), rosenbrock, 'momentum_decay'),
	variant(withOptions('radam', { lr: 0.05, weight_decay: 0.1 }), himmelblau, 'weight_decay'),
	variant(withOptions('radam', { lr: 0.05, weight_decay: 0.1, decoupled_weight_decay: true }), himmelblau, 'decoupled'),
	variant(withOptions('radam', { lr: 0.05, betas: [0.9, 0.9] }), rosenbrock, 'rectified early'),
];

describe('trajectories against the documented update rules', () => {
	it.each([...tableCases, ...variantCases].map((c) => [c.label, c] as const))('%s', (name, c) => {
		const expected = referenceTrajectory(c.options, c.fn, STEPS);
		const actual = implementationTrajectory(c.options, c.fn, STEPS);
		expect(maxRelativeDifference(actual, expected, name), name).toBeLessThanOrEqual(TOLERANCE);
	});

	it('follows a learning rate that changes every step', () => {
		const lrAt = (t: number): number => 0.05 * 0.9 ** t;
		for (const defaults of Object.values(documentedDefaults)) {
			const name = `${defaults.name}/himmelblau/decaying lr`;
			const expected = referenceTrajectory(defaults, himmelblau, STEPS, lrAt);
			const actual = implementationTrajectory(defaults, himmelblau, STEPS, lrAt);
			expect(maxRelativeDifference(actual, expected, name), name).toBeLessThanOrEqual(TOLERANCE);
		}
	});
});

describe('divergence', () => {
	it.each([
		['sgd/quadratic/lr=1.5', withOptions('sgd', { lr: 1.5 }), quadratic],
		['sgd/rosenbrock/lr=0.01', withOptions('sgd', { lr: 0.01 }), rosenbrock],
		['sgd[momentum]/quadratic/lr=0.7', withOptions('sgd', { lr: 0.7, momentum: 0.9 }), quadratic],
	] as const)('%s diverges, in the implementation and the reference alike', (name, options, fn) => {
		const actual = implementationTrajectory(options, fn, STEPS);
		expect(diverged(actual), name).toBe(true);
		expect(diverged(referenceTrajectory(options, fn, STEPS)), name).toBe(true);
	});

	it('sgd/quadratic/lr=1.5 doubles |x| every step: x_t = 2 (-2)^t', () => {
		const xs = implementationTrajectory(withOptions('sgd', { lr: 1.5 }), quadratic, 10).map((p) => p[0]);
		expect(xs).toEqual(Array.from({ length: 11 }, (_, t) => 2 * (-2) ** t));
	});

	it.each([
		['adam/quadratic/lr=0.01', withOptions('adam', { lr: 0.01 }), quadratic],
		['sgd/quadratic/lr=0.1', withOptions('sgd', { lr: 0.1 }), quadratic],
		['rmsprop/himmelblau/lr=0.01', withOptions('rmsprop', { lr: 0.01 }), himmelblau],
	] as const)('%s does not diverge', (name, options, fn) => {
		expect(diverged(implementationTrajectory(options, fn, STEPS)), name).toBe(false);
	});
});
