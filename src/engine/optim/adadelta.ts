/**
 * Adadelta: one of the update rules behind `createOptimizer` (optimizers.ts). Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.Adadelta.html and `_single_tensor_adadelta` in
 * torch/optim/adadelta.py (PyTorch 2.x, the same as 1.13); Zeiler, "ADADELTA: An Adaptive Learning Rate Method"
 * (arXiv:1212.5701), Algorithm 1. `square_avg` is the running average of g², `acc_delta` that of the updates Δ²;
 * `Δ = √(acc_delta + eps) / √(square_avg + eps) · g`, `w −= lr · Δ`.
 */

import { checkedSize, createState, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.Adadelta` hyper-parameters (`maximize` is applied by the registry). */
export interface AdadeltaOptions {
	readonly lr: number;
	readonly rho: number;
	readonly eps: number;
	readonly weight_decay: number;
}

/** An Adadelta optimizer with `options` bound. State: `square_avg`, `acc_delta`. */
export function createAdadelta(options: AdadeltaOptions): Optimizer {
	const { rho, eps, weight_decay: weightDecay } = options;
	return {
		name: 'adadelta',
		options: Object.freeze({ ...options }),
		init: (size) => createState(size, ['square_avg', 'acc_delta']),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const squareAvg = stateBuffer(state.buffers['square_avg'], 'square_avg', n);
			const accDelta = stateBuffer(state.buffers['acc_delta'], 'acc_delta', n);
			state.step += 1;
			for (let i = 0; i < n; i++) {
				const p = params[i]!;
				const g = weightDecay !== 0 ? gradient[i]! + weightDecay * p : gradient[i]!;
				const v = squareAvg[i]! * rho + (1 - rho) * g * g;
				squareAvg[i] = v;
				const delta = (Math.sqrt(accDelta[i]! + eps) / Math.sqrt(v + eps)) * g;
				accDelta[i] = accDelta[i]! * rho + (1 - rho) * delta * delta;
				params[i] = p + -lr * delta;
			}
		},
	};
}
