/**
 * PyTorch's `maximize` flag, for every optimizer that has it: PyTorch 2.x negates the gradient before anything
 * else in each `_single_tensor_*` update (`grad = grad if not maximize else -grad`), so ascent is the same kernel
 * fed `−∇L`. Negation is exact in floating point, so this matches PyTorch bit for bit.
 */

import type { Optimizer, OptimizerOptions } from './optimizer';

/** `optimizer` with its full resolved `options`; when `maximize` is true, each step follows `−gradient`. */
export function withMaximize(optimizer: Optimizer, options: OptimizerOptions): Optimizer {
	const bound = { ...optimizer, options: Object.freeze({ ...options }) };
	if (options.maximize !== true) return bound;
	let negated = new Float64Array(0);
	return {
		...bound,
		step(state, params, gradient, lr, objective) {
			if (negated.length !== gradient.length) negated = new Float64Array(gradient.length);
			for (let i = 0; i < gradient.length; i++) negated[i] = -gradient[i]!;
			optimizer.step(state, params, negated, lr, objective);
		},
	};
}
