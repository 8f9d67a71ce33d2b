/**
 * ASGD (averaged stochastic gradient descent): one of the update rules behind `createOptimizer` (optimizers.ts).
 * Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.ASGD.html and `_single_tensor_asgd` in
 * torch/optim/asgd.py (PyTorch 2.x, the same as 1.13); Polyak & Juditsky, "Acceleration of stochastic approximation
 * by averaging" (SIAM J. Control Optim. 1992). The step size `eta` decays as `lr / (1 + lambd·lr·t)^alpha`, the
 * weight shrinks by `1 − lambd·eta`, and `ax` averages the iterates once `t > t0` (`mu = 1 / max(1, t − t0)`).
 * The parameters follow the SGD iterate; `ax` is the average PyTorch keeps in its state.
 */

import { checkedSize, createState, stateBuffer, stateScalar } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.ASGD` hyper-parameters (`maximize` is applied by the registry). */
export interface AsgdOptions {
	readonly lr: number;
	readonly lambd: number;
	readonly alpha: number;
	readonly t0: number;
	readonly weight_decay: number;
}

/** An ASGD optimizer with `options` bound. State: `ax` and the scalars `eta`, `mu`. */
export function createAsgd(options: AsgdOptions): Optimizer {
	const { lambd, alpha, t0, weight_decay: weightDecay } = options;
	return {
		name: 'asgd',
		options: Object.freeze({ ...options }),
		init: (size) => createState(size, ['ax'], { eta: options.lr, mu: 1 }),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const ax = stateBuffer(state.buffers['ax'], 'ax', n);
			// PyTorch creates eta = lr with the state, on the first step.
			const eta = state.step === 0 ? lr : stateScalar(state, 'eta');
			const mu = stateScalar(state, 'mu');
			state.step += 1;
			const t = state.step;
			for (let i = 0; i < n; i++) {
				let p = params[i]!;
				const g = weightDecay !== 0 ? gradient[i]! + weightDecay * p : gradient[i]!;
				p = p * (1 - lambd * eta);
				p = p + -eta * g;
				params[i] = p;
				ax[i] = mu !== 1 ? ax[i]! + (p - ax[i]!) * mu : p;
			}
			state.scalars['eta'] = lr / (1 + lambd * lr * t) ** alpha;
			state.scalars['mu'] = 1 / Math.max(1, t - t0);
		},
	};
}
