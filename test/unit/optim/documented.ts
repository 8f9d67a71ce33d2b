/**
 * PyTorch's documented defaults, copied by hand from the signatures on https://pytorch.org/docs/stable/optim.html
 * (one page per optimizer), so tests can check the registry against them instead of against itself.
 */

import type { ReferenceOptions } from './reference';

type Name = ReferenceOptions['name'];

export const documentedDefaults: { readonly [N in Name]: Extract<ReferenceOptions, { name: N }> } = {
	sgd: { name: 'sgd', lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false },
	adagrad: { name: 'adagrad', lr: 1e-2, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10 },
	rmsprop: { name: 'rmsprop', lr: 1e-2, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false },
	adam: { name: 'adam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false },
	adamw: { name: 'adamw', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 1e-2, amsgrad: false },
	adamax: { name: 'adamax', lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 },
	nadam: {
		name: 'nadam',
		lr: 2e-3,
		betas: [0.9, 0.999],
		eps: 1e-8,
		weight_decay: 0,
		momentum_decay: 4e-3,
		decoupled_weight_decay: false,
	},
	radam: { name: 'radam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, decoupled_weight_decay: false },
};

/**
 * The constructors' defaults of the optimizers that have no transcription in reference.ts (their oracle is PyTorch's
 * own trajectories, torchTrajectories.test.ts), from the same pages. L-BFGS's `max_eval` is PyTorch's
 * `max_iter * 5 // 4` and its `line_search_fn` None is written 'none'; Adafactor's (2.5+,
 * https://pytorch.org/docs/stable/generated/torch.optim.Adafactor.html) `eps` = (None, 1e-3) has None written as
 * float64's machine epsilon and `foreach` None as false.
 */
export const documentedOtherDefaults: Readonly<Record<'adadelta' | 'rprop' | 'asgd' | 'lbfgs' | 'adafactor', Readonly<Record<string, unknown>>>> = {
	adadelta: { lr: 1, rho: 0.9, eps: 1e-6, weight_decay: 0, maximize: false },
	rprop: { lr: 1e-2, etas: [0.5, 1.2], step_sizes: [1e-6, 50], maximize: false },
	asgd: { lr: 1e-2, lambd: 1e-4, alpha: 0.75, t0: 1e6, weight_decay: 0, maximize: false },
	lbfgs: { lr: 1, max_iter: 20, max_eval: 25, tolerance_grad: 1e-7, tolerance_change: 1e-9, history_size: 100, line_search_fn: 'none' },
	adafactor: { lr: 1e-2, beta2_decay: -0.8, eps: [2.220446049250313e-16, 1e-3], d: 1, weight_decay: 0, foreach: false, maximize: false },
};

/** `documentedDefaults[name]` with some options replaced. */
export function withOptions<N extends Name>(
	name: N,
	overrides: Partial<Omit<Extract<ReferenceOptions, { name: N }>, 'name'>>,
): Extract<ReferenceOptions, { name: N }> {
	return { ...documentedDefaults[name], ...overrides };
}
