/**
 * SGD with momentum, dampening, Nesterov momentum and L2 weight decay: one of the update rules behind
 * `createOptimizer` (optimizers.ts). Takes already resolved and validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.SGD.html and `_single_tensor_sgd` in
 * torch/optim/sgd.py (PyTorch 2.x). As there, the momentum buffer is a copy of the gradient on the first step (no
 * dampening), then `buf = momentum * buf + (1 - dampening) * g`; Nesterov uses `g + momentum * buf`.
 */

import { checkedSize, createState, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.SGD` hyper-parameters. */
export interface SgdOptions {
	readonly lr: number;
	readonly momentum: number;
	readonly dampening: number;
	readonly weight_decay: number;
	readonly nesterov: boolean;
}

/** An SGD optimizer with `options` bound. State: `momentum_buffer` when `momentum != 0`. */
export function createSgd(options: SgdOptions): Optimizer {
	const { momentum, dampening, weight_decay: weightDecay, nesterov } = options;
	const hasMomentum = momentum !== 0;
	return {
		name: 'sgd',
		options: Object.freeze({ ...options }),
		init: (size) => createState(size, hasMomentum ? ['momentum_buffer'] : []),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const buf = hasMomentum ? stateBuffer(state.buffers['momentum_buffer'], 'momentum_buffer', n) : undefined;
			// PyTorch's buffer is None until the first step; our step count says the same thing.
			const first = state.step === 0;
			state.step += 1;
			for (let i = 0; i < n; i++) {
				const p = params[i]!;
				let g = gradient[i]!;
				if (weightDecay !== 0) {
					g = g + weightDecay * p;
				}
				if (buf !== undefined) {
					const b = first ? g : buf[i]! * momentum + (1 - dampening) * g;
					buf[i] = b;
					g = nesterov ? g + momentum * b : b;
				}
				params[i] = p + -lr * g;
			}
		},
	};
}
