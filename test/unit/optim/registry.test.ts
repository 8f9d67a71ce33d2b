/**
 * The registry and the state contract: PyTorch's defaults, validation like PyTorch's constructors (errors name the
 * option and its range), PyTorch's state names, `cloneState`, and that `step` never writes the gradient.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { cloneState, type OptionValue, OptimizerOptionError } from '../../../src/engine/optim/optimizer';
import {
	createOptimizer,
	isOptimizerName,
	optimizerDefaults,
	optimizerNames,
} from '../../../src/engine/optim/optimizers';
import { documentedDefaults, documentedOtherDefaults } from './documented';

function documentedFor(name: (typeof optimizerNames)[number]): Record<string, unknown> {
	if (Object.hasOwn(documentedOtherDefaults, name)) return documentedOtherDefaults[name as keyof typeof documentedOtherDefaults];
	const { name: _name, ...documented } = documentedDefaults[name as keyof typeof documentedDefaults];
	// Since PyTorch 2.x, Adam itself takes decoupled_weight_decay (AdamW is Adam with it set); all eight take maximize.
	return name === 'adam' ? { ...documented, decoupled_weight_decay: false, maximize: false } : { ...documented, maximize: false };
}

describe('defaults', () => {
	// newton is not a torch.optim optimizer: its defaults are checked in newton.test.ts.
	it.each(optimizerNames.filter((name) => name !== 'newton').map((name) => [name]))('%s has PyTorch 2.x defaults', (name) => {
		const expected = documentedFor(name);
		expect(optimizerDefaults(name)).toEqual(expected);
		expect(createOptimizer(name).options).toEqual(expected);
		expect(createOptimizer(name).name).toBe(name);
	});

	it('keeps an explicit 0 instead of the default (?? not ||)', () => {
		expect(createOptimizer('adamw', { weight_decay: 0 }).options['weight_decay']).toBe(0);
		expect(createOptimizer('rmsprop', { alpha: 0 }).options['alpha']).toBe(0);
	});

	it('knows its names', () => {
		expect(optimizerNames).toEqual(['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'adadelta', 'rprop', 'asgd', 'lbfgs', 'adafactor', 'newton']);
		expect(isOptimizerName('lbfgs')).toBe(true);
		expect(isOptimizerName('adafactor')).toBe(true);
		expect(isOptimizerName('lamb')).toBe(false);
	});
});

describe('validation', () => {
	const rejects: [string, Parameters<typeof createOptimizer>[0], Record<string, OptionValue>, string, RegExp][] = [
		['negative lr', 'sgd', { lr: -0.1 }, 'lr', /lr must be a finite number >= 0, got -0.1/],
		['NaN lr', 'adam', { lr: Number.NaN }, 'lr', /lr must be a finite number >= 0/],
		['infinite eps', 'adam', { eps: Number.POSITIVE_INFINITY }, 'eps', /eps must be a finite number >= 0/],
		['negative momentum', 'sgd', { momentum: -1 }, 'momentum', /momentum must be a finite number >= 0/],
		['negative weight_decay', 'adamw', { weight_decay: -1e-2 }, 'weight_decay', />= 0/],
		['beta1 = 1', 'adam', { betas: [1, 0.999] }, 'betas', /betas\[0\] must be in \[0, 1\), got 1/],
		['negative beta2', 'nadam', { betas: [0.9, -0.1] }, 'betas', /betas\[1\] must be in \[0, 1\)/],
		['one beta', 'radam', { betas: [0.9] }, 'betas', /betas must be a pair/],
		['lr_decay < 0', 'adagrad', { lr_decay: -1 }, 'lr_decay', />= 0/],
		['initial_accumulator_value < 0', 'adagrad', { initial_accumulator_value: -1 }, 'initial_accumulator_value', />= 0/],
		['alpha < 0', 'rmsprop', { alpha: -0.5 }, 'alpha', /alpha must be a finite number >= 0/],
		['momentum_decay < 0', 'nadam', { momentum_decay: -1 }, 'momentum_decay', />= 0/],
		['boolean as number', 'adam', { amsgrad: 1 }, 'amsgrad', /amsgrad must be true or false, got 1/],
		['number as boolean', 'sgd', { lr: true }, 'lr', /lr must be a finite number/],
		['unknown option', 'adam', { momentum: 0.9 }, 'momentum', /unknown option 'momentum'; adam accepts lr, betas/],
		['AdamW has no switch', 'adamw', { decoupled_weight_decay: false }, 'decoupled_weight_decay', /unknown option/],
		['nesterov without momentum', 'sgd', { nesterov: true }, 'nesterov', /requires momentum > 0 and dampening = 0/],
		['nesterov with dampening', 'sgd', { nesterov: true, momentum: 0.9, dampening: 0.1 }, 'nesterov', /dampening = 0/],
		['prototype key', 'sgd', { constructor: 1 }, 'constructor', /unknown option 'constructor'/],
		['rho > 1', 'adadelta', { rho: 1.5 }, 'rho', /rho must be a finite number \[0, 1\], got 1.5/],
		['negative adadelta eps', 'adadelta', { eps: -1 }, 'eps', />= 0/],
		['etaminus >= 1', 'rprop', { etas: [1, 1.2] }, 'etas', /0 < etaminus < 1 < etaplus, got \[1, 1.2\]/],
		['etaplus <= 1', 'rprop', { etas: [0.5, 1] }, 'etas', /0 < etaminus < 1 < etaplus/],
		['one step size', 'rprop', { step_sizes: [1e-6] }, 'step_sizes', /step_sizes must be a pair of finite numbers/],
		['negative asgd weight_decay', 'asgd', { weight_decay: -1 }, 'weight_decay', />= 0/],
		['unknown line search', 'lbfgs', { line_search_fn: 'backtracking' }, 'line_search_fn', /line_search_fn must be one of none, strong_wolfe, got 'backtracking'/],
		['fractional max_iter', 'lbfgs', { max_iter: 2.5 }, 'max_iter', /max_iter must be a whole number >= 1, got 2.5/],
		['lbfgs has no maximize', 'lbfgs', { maximize: true }, 'maximize', /unknown option 'maximize'/],
		['maximize as a number', 'adadelta', { maximize: 1 }, 'maximize', /maximize must be true or false/],
		['infinite dampening', 'sgd', { dampening: -Infinity }, 'dampening', /dampening must be a finite number, got -Inf/],
	];

	it.each(rejects)('%s throws OptimizerOptionError naming the option', (_label, name, options, option, message) => {
		let error: unknown;
		try {
			createOptimizer(name, options);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(OptimizerOptionError);
		const optionError = error as OptimizerOptionError;
		expect(optionError.name).toBe('OptimizerOptionError');
		expect(optionError.option).toBe(option);
		expect(optionError.optimizer).toBe(name);
		expect(optionError.message).toMatch(message);
		expect(optionError.message.startsWith(`${name}: `)).toBe(true);
	});

	it('accepts the edges of PyTorch ranges', () => {
		expect(() => createOptimizer('adam', { lr: 0, eps: 0, betas: [0, 0] })).not.toThrow();
		expect(() => createOptimizer('sgd', { momentum: 0.9, nesterov: true })).not.toThrow();
		expect(() => createOptimizer('sgd', { dampening: -0.5, momentum: 0.5 })).not.toThrow();
		expect(() => createOptimizer('adam', { lr: undefined })).not.toThrow();
	});

	it('rejects an unknown optimizer name', () => {
		expect(() => createOptimizer('lamb' as 'sgd')).toThrow(/unknown optimizer 'lamb'/);
	});

	it('freezes the resolved options', () => {
		const adam = createOptimizer('adam', { betas: [0.8, 0.9] });
		expect(Object.isFrozen(adam.options)).toBe(true);
		expect(Object.isFrozen(adam.options['betas'])).toBe(true);
		expect(adam.options['betas']).toEqual([0.8, 0.9]);
	});
});

describe('state', () => {
	const expectedBuffers: [string, Parameters<typeof createOptimizer>[0], Record<string, OptionValue>, string[]][] = [
		['sgd', 'sgd', {}, []],
		['sgd momentum', 'sgd', { momentum: 0.9 }, ['momentum_buffer']],
		['adagrad', 'adagrad', {}, ['sum']],
		['rmsprop', 'rmsprop', {}, ['square_avg']],
		['rmsprop all', 'rmsprop', { momentum: 0.5, centered: true }, ['square_avg', 'momentum_buffer', 'grad_avg']],
		['adam', 'adam', {}, ['exp_avg', 'exp_avg_sq']],
		['adamw amsgrad', 'adamw', { amsgrad: true }, ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']],
		['adamax', 'adamax', {}, ['exp_avg', 'exp_inf']],
		['nadam', 'nadam', {}, ['exp_avg', 'exp_avg_sq']],
		['radam', 'radam', {}, ['exp_avg', 'exp_avg_sq']],
		['adadelta', 'adadelta', {}, ['square_avg', 'acc_delta']],
		['rprop', 'rprop', {}, ['prev', 'step_size']],
		['asgd', 'asgd', {}, ['ax']],
		// L-BFGS has no state until its first step, as in PyTorch.
		['lbfgs', 'lbfgs', {}, []],
	];

	it.each(expectedBuffers)('%s starts at step 0 with PyTorch buffer names', (_label, name, options, buffers) => {
		const state = createOptimizer(name, options).init(3);
		expect(state.step).toBe(0);
		expect(Object.keys(state.buffers).sort()).toEqual([...buffers].sort());
		for (const buffer of Object.values(state.buffers)) {
			expect(buffer).toHaveLength(3);
		}
	});

	it('starts adagrad sum at initial_accumulator_value and nadam mu_product at 1', () => {
		expect(Array.from(createOptimizer('adagrad', { initial_accumulator_value: 0.1 }).init(2).buffers['sum']!)).toEqual([
			0.1, 0.1,
		]);
		expect(createOptimizer('nadam').init(2).scalars).toEqual({ mu_product: 1 });
	});

	it('counts steps and updates buffers in place', () => {
		const adam = createOptimizer('adam', { amsgrad: true });
		const state = adam.init(2);
		const buffers = { ...state.buffers };
		const params = new Float64Array([1, 2]);
		adam.step(state, params, new Float64Array([0.5, -0.5]), 0.1);
		adam.step(state, params, new Float64Array([0.5, -0.5]), 0.1);
		expect(state.step).toBe(2);
		for (const [key, buffer] of Object.entries(buffers)) {
			expect(state.buffers[key]).toBe(buffer);
		}
	});

	it('cloneState copies deeply', () => {
		const nadam = createOptimizer('nadam');
		const state = nadam.init(2);
		const params = new Float64Array([1, 2]);
		nadam.step(state, params, new Float64Array([1, 1]), 0.01);
		const copy = cloneState(state);
		expect(copy).toEqual(state);
		nadam.step(state, params, new Float64Array([1, 1]), 0.01);
		expect(copy.step).toBe(1);
		expect(copy.buffers['exp_avg']).not.toBe(state.buffers['exp_avg']);
		expect(copy.buffers['exp_avg']![0]).not.toBe(state.buffers['exp_avg']![0]);
		expect(copy.scalars['mu_product']).not.toBe(state.scalars['mu_product']);
	});

	it('restoring a clone replays the same steps (step back)', () => {
		const rmsprop = createOptimizer('rmsprop', { momentum: 0.9, centered: true });
		const state = rmsprop.init(1);
		const params = new Float64Array([3]);
		rmsprop.step(state, params, new Float64Array([1]), 0.01);
		const saved = { state: cloneState(state), params: params.slice() };
		rmsprop.step(state, params, new Float64Array([2]), 0.01);
		const replayed = saved.params.slice();
		rmsprop.step(saved.state, replayed, new Float64Array([2]), 0.01);
		expect(replayed).toEqual(params);
		expect(saved.state).toEqual(state);
	});

	it('lbfgs asks for the objective and keeps its state under PyTorch names after a step', () => {
		const lbfgs = createOptimizer('lbfgs');
		const state = lbfgs.init(2);
		expect(lbfgs.evaluates).toBe(true);
		expect(() => lbfgs.step(state, new Float64Array([1, 2]), new Float64Array([2, 4]), 1)).toThrow(/needs the objective/);
		const params = new Float64Array([1, 2]);
		const after = lbfgs.init(2);
		const bowl = { loss: 5, evaluate: (x: Float64Array, g: Float64Array) => (g.set([2 * x[0]!, 2 * x[1]!]), x[0]! ** 2 + x[1]! ** 2) };
		lbfgs.step(after, params, new Float64Array([2, 4]), 1, bowl);
		expect(Object.keys(after.buffers).sort()).toEqual(['al', 'd', 'old_dirs', 'old_stps', 'prev_flat_grad', 'ro']);
		expect(Object.keys(after.scalars).sort()).toEqual(['H_diag', 'func_evals', 'n_iter', 'prev_loss', 't']);
		// On a round bowl the first quasi-Newton step lands on the minimum.
		expect(Math.hypot(params[0]!, params[1]!)).toBeLessThan(1e-9);
	});

	it('throws RangeError for mismatched sizes', () => {
		const sgd = createOptimizer('sgd', { momentum: 0.9 });
		expect(() => sgd.step(sgd.init(2), new Float64Array(2), new Float64Array(3), 0.1)).toThrow(RangeError);
		expect(() => sgd.step(sgd.init(3), new Float64Array(2), new Float64Array(2), 0.1)).toThrow(/momentum_buffer/);
		expect(() => sgd.init(-1)).toThrow(RangeError);
	});
});

describe('the gradient is read, never written', () => {
	const configurations: [Parameters<typeof createOptimizer>[0], Record<string, OptionValue>][] = [
		['sgd', { momentum: 0.9, nesterov: true, weight_decay: 0.1 }],
		['sgd', {}],
		['adagrad', { weight_decay: 0.1, lr_decay: 0.1 }],
		['rmsprop', { momentum: 0.9, centered: true, weight_decay: 0.1 }],
		['adam', { amsgrad: true, weight_decay: 0.1 }],
		['adamw', { amsgrad: true }],
		['adamax', { weight_decay: 0.1 }],
		['nadam', { weight_decay: 0.1 }],
		['nadam', { weight_decay: 0.1, decoupled_weight_decay: true }],
		['radam', { weight_decay: 0.1 }],
		['radam', { weight_decay: 0.1, decoupled_weight_decay: true }],
		['adadelta', { weight_decay: 0.1, maximize: true }],
		['rprop', { maximize: true }],
		['asgd', { weight_decay: 0.1, t0: 2 }],
		['lbfgs', {}],
		['lbfgs', { line_search_fn: 'strong_wolfe' }],
		['sgd', { momentum: 0.9, maximize: true }],
	];
	// A bowl for L-BFGS's closure: L = Σ x², ∇L = 2x.
	const objectiveAt = (params: Float64Array) => ({
		loss: params.reduce((sum, x) => sum + x * x, 0),
		evaluate: (x: Float64Array, g: Float64Array) => {
			x.forEach((xi, i) => (g[i] = 2 * xi));
			return x.reduce((sum, xi) => sum + xi * xi, 0);
		},
	});
	const vector = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 5 });

	it.each(configurations)('%s %j', (name, options) => {
		fc.assert(
			fc.property(vector, vector, fc.integer({ min: 1, max: 8 }), (start, raw, steps) => {
				const n = Math.min(start.length, raw.length);
				const optimizer = createOptimizer(name, options);
				const state = optimizer.init(n);
				const params = Float64Array.from(start.slice(0, n));
				const gradient = Float64Array.from(raw.slice(0, n));
				const before = gradient.slice();
				for (let t = 0; t < steps; t++) {
					optimizer.step(state, params, gradient, 0.01, objectiveAt(params));
				}
				expect(gradient).toEqual(before);
			}),
			{ numRuns: 50 },
		);
	});
});
