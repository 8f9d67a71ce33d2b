/**
 * Rprop (resilient backpropagation): one of the update rules behind `createOptimizer` (optimizers.ts). Takes
 * resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.Rprop.html and `_single_tensor_rprop` in
 * torch/optim/rprop.py (PyTorch 2.x, the same as 1.13); Riedmiller & Braun, "A direct adaptive method for faster
 * backpropagation learning: the RPROP algorithm" (ICNN 1993). Each parameter has its own step size: it grows by
 * `etaplus` while the gradient keeps its sign, shrinks by `etaminus` on a sign flip (and that step is skipped), and
 * stays within `step_sizes`; the update is `w −= sign(g) · step_size`. The learning rate only seeds the step sizes.
 */

import { checkedSize, createState, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.Rprop` hyper-parameters (`maximize` is applied by the registry). */
export interface RpropOptions {
	readonly lr: number;
	/** `(etaminus, etaplus)`. */
	readonly etas: readonly [number, number];
	/** `(step_size_min, step_size_max)`. */
	readonly step_sizes: readonly [number, number];
}

/** An Rprop optimizer with `options` bound. State: `prev` (the last gradient used), `step_size`. */
export function createRprop(options: RpropOptions): Optimizer {
	const [etaminus, etaplus] = options.etas;
	const [stepSizeMin, stepSizeMax] = options.step_sizes;
	return {
		name: 'rprop',
		options: Object.freeze({ ...options }),
		init: (size) => createState(size, ['prev', 'step_size']),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const prev = stateBuffer(state.buffers['prev'], 'prev', n);
			const stepSize = stateBuffer(state.buffers['step_size'], 'step_size', n);
			// PyTorch creates step_size = full_like(grad, lr) with the state, on the first step.
			if (state.step === 0) stepSize.fill(lr);
			state.step += 1;
			for (let i = 0; i < n; i++) {
				let g = gradient[i]!;
				const factor = signFactor(g * prev[i]!, etaminus, etaplus);
				const size = Math.min(Math.max(stepSize[i]! * factor, stepSizeMin), stepSizeMax);
				stepSize[i] = size;
				if (factor === etaminus) g = 0;
				params[i] = params[i]! + -1 * Math.sign(g) * size;
				prev[i] = g;
			}
		},
	};
}

/** `sign(g · prev)` mapped to etaplus, etaminus or 1, as PyTorch's masked assignments do (NaN stays NaN). */
function signFactor(product: number, etaminus: number, etaplus: number): number {
	if (product > 0) return etaplus;
	if (product < 0) return etaminus;
	return product === 0 ? 1 : NaN;
}
