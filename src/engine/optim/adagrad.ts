/**
 * Adagrad: one of the update rules behind `createOptimizer` (optimizers.ts). Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.Adagrad.html and `_single_tensor_adagrad` in
 * torch/optim/adagrad.py (PyTorch 2.x); Duchi, Hazan & Singer, JMLR 12 (2011). Per step:
 * `clr = lr / (1 + (step - 1) * lr_decay)`, `sum += g * g`, `param -= clr * g / (sqrt(sum) + eps)`.
 */

import { checkedSize, createState, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.Adagrad` hyper-parameters. */
export interface AdagradOptions {
	readonly lr: number;
	readonly lr_decay: number;
	readonly weight_decay: number;
	readonly initial_accumulator_value: number;
	readonly eps: number;
}

/** An Adagrad optimizer with `options` bound. State: `sum`, filled with `initial_accumulator_value`. */
export function createAdagrad(options: AdagradOptions): Optimizer {
	const { lr_decay: lrDecay, weight_decay: weightDecay, initial_accumulator_value: initial, eps } = options;
	return {
		name: 'adagrad',
		options: Object.freeze({ ...options }),
		init(size: number): OptimizerState {
			const state = createState(size, ['sum']);
			state.buffers['sum']!.fill(initial);
			return state;
		},
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const sum = stateBuffer(state.buffers['sum'], 'sum', n);
			state.step += 1;
			const clr = lr / (1 + (state.step - 1) * lrDecay);
			for (let i = 0; i < n; i++) {
				const p = params[i]!;
				let g = gradient[i]!;
				if (weightDecay !== 0) {
					g = g + weightDecay * p;
				}
				const s = sum[i]! + g * g;
				sum[i] = s;
				params[i] = p + (-clr * g) / (Math.sqrt(s) + eps);
			}
		},
	};
}
