/**
 * RMSprop, plain or centered, with optional momentum: one of the update rules behind `createOptimizer`
 * (optimizers.ts). Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html and `_single_tensor_rmsprop` in
 * torch/optim/rmsprop.py (PyTorch 2.x); Hinton, Neural Networks for Machine Learning, lecture 6e; Graves,
 * arXiv:1308.0850 for the centered form. eps is added after the square root: `avg = sqrt(v - g_avg^2) + eps`.
 */

import { checkedSize, createState, lerp, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.RMSprop` hyper-parameters. */
export interface RmspropOptions {
	readonly lr: number;
	readonly alpha: number;
	readonly eps: number;
	readonly weight_decay: number;
	readonly momentum: number;
	readonly centered: boolean;
}

/** An RMSprop optimizer. State: `square_avg`, plus `momentum_buffer` if `momentum > 0`, `grad_avg` if centered. */
export function createRmsprop(options: RmspropOptions): Optimizer {
	const { alpha, eps, weight_decay: weightDecay, momentum, centered } = options;
	const names = ['square_avg'];
	if (momentum > 0) {
		names.push('momentum_buffer');
	}
	if (centered) {
		names.push('grad_avg');
	}
	return {
		name: 'rmsprop',
		options: Object.freeze({ ...options }),
		init: (size) => createState(size, names),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const squareAvg = stateBuffer(state.buffers['square_avg'], 'square_avg', n);
			const buf = momentum > 0 ? stateBuffer(state.buffers['momentum_buffer'], 'momentum_buffer', n) : undefined;
			const gradAvg = centered ? stateBuffer(state.buffers['grad_avg'], 'grad_avg', n) : undefined;
			state.step += 1;
			const w = 1 - alpha;
			for (let i = 0; i < n; i++) {
				const p = params[i]!;
				let g = gradient[i]!;
				if (weightDecay !== 0) {
					g = g + weightDecay * p;
				}
				const v = squareAvg[i]! * alpha + w * g * g;
				squareAvg[i] = v;
				let variance = v;
				if (gradAvg !== undefined) {
					const ga = lerp(gradAvg[i]!, g, w);
					gradAvg[i] = ga;
					variance = v + -1 * ga * ga;
				}
				const avg = Math.sqrt(variance) + eps;
				if (buf !== undefined) {
					const b = buf[i]! * momentum + g / avg;
					buf[i] = b;
					params[i] = p + -lr * b;
				} else {
					params[i] = p + (-lr * g) / avg;
				}
			}
		},
	};
}
