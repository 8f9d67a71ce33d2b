/**
 * NAdam's `maximize`, the one `maximize` torchTrajectories.test.ts cannot check against torch 1.13 (its NAdam has no
 * `maximize` and a `mu_product` bug PyTorch 2.0 fixed). PyTorch 2.x's `_single_tensor_nadam` starts with
 * `grad = grads[i] if not maximize else -grads[i]`, so maximizing −f is minimizing f: the engine's NAdam with
 * `maximize` on −f must follow the independent transcription of NAdam (reference.ts) on f, 100 steps, to 1e-12
 * relative, with L2 and with decoupled weight decay.
 */
import { describe, expect, it } from 'vitest';

import { createOptimizer } from '../../../src/engine/optim/optimizers';
import { documentedDefaults } from './documented';
import { maxRelativeDifference } from './harness';
import { type ReferenceOptions, referenceTrajectory } from './reference';
import { testFunctions, type TestFunction } from './testFunctions';

const STEPS = 100;

function maximizedTrajectory(options: Extract<ReferenceOptions, { name: 'nadam' }>, fn: TestFunction): number[][] {
	const { name, ...rest } = options;
	const optimizer = createOptimizer(name, { ...rest, maximize: true });
	const params = Float64Array.from(fn.start);
	const state = optimizer.init(params.length);
	const points = [Array.from(params)];
	for (let t = 0; t < STEPS; t++) {
		// The gradient of −f.
		const gradient = Float64Array.from(fn.gradient(params[0]!, params[1]!), (g) => -g);
		optimizer.step(state, params, gradient, options.lr);
		points.push(Array.from(params));
	}
	return points;
}

describe('nadam maximize (PyTorch 2.x: the gradient negated first)', () => {
	const variants = [
		{ lr: 0.02, weight_decay: 0, decoupled_weight_decay: false },
		{ lr: 0.02, weight_decay: 0.1, decoupled_weight_decay: false },
		{ lr: 0.02, weight_decay: 0.1, decoupled_weight_decay: true },
	];
	const cases = variants.flatMap((variant) => testFunctions.map((fn) => [`${JSON.stringify(variant)} on −${fn.name}`, variant, fn] as const));

	it.each(cases)('%s follows minimizing f', (label, variant, fn) => {
		const options = { ...documentedDefaults.nadam, ...variant };
		const expected = referenceTrajectory(options, fn, STEPS);
		const actual = maximizedTrajectory(options, fn);
		expect(maxRelativeDifference(actual, expected, label)).toBeLessThanOrEqual(1e-12);
		// The run moves: maximize is not a no-op on this path.
		expect(Math.hypot(actual[STEPS]![0]! - fn.start[0], actual[STEPS]![1]! - fn.start[1])).toBeGreaterThan(1e-3);
	});
});
