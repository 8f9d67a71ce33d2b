/**
 * Adamax, Adam's infinity-norm variant: one of the update rules behind `createOptimizer` (optimizers.ts). Takes
 * resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.Adamax.html and `_single_tensor_adamax` in
 * torch/optim/adamax.py (PyTorch 2.x); Kingma & Ba, arXiv:1412.6980, section 7.1 (Algorithm 2). As in PyTorch, eps
 * goes inside the max: `exp_inf = max(beta2 * exp_inf, |g| + eps)`, then
 * `param -= lr / (1 - beta1^t) * exp_avg / exp_inf`.
 */

import { checkedSize, createState, lerp, stateBuffer } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';
import { betaPowers } from './betaPower';

/** Resolved `torch.optim.Adamax` hyper-parameters. */
export interface AdamaxOptions {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
}

/** An Adamax optimizer with `options` bound. State: `exp_avg`, `exp_inf`. */
export function createAdamax(options: AdamaxOptions): Optimizer {
	const { betas, eps, weight_decay: weightDecay } = options;
	const [beta1, beta2] = betas;
	const beta1Power = betaPowers(beta1);
	return {
		name: 'adamax',
		options: Object.freeze({ ...options, betas: Object.freeze([beta1, beta2]) }),
		init: (size) => createState(size, ['exp_avg', 'exp_inf']),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const expAvg = stateBuffer(state.buffers['exp_avg'], 'exp_avg', n);
			const expInf = stateBuffer(state.buffers['exp_inf'], 'exp_inf', n);
			state.step += 1;
			const clr = lr / (1 - beta1Power(state.step));
			const w1 = 1 - beta1;
			for (let i = 0; i < n; i++) {
				const p = params[i]!;
				let g = gradient[i]!;
				if (weightDecay !== 0) {
					g = g + weightDecay * p;
				}
				const m = lerp(expAvg[i]!, g, w1);
				expAvg[i] = m;
				// torch.maximum propagates NaN, as Math.max does.
				const u = Math.max(expInf[i]! * beta2, Math.abs(g) + eps);
				expInf[i] = u;
				params[i] = p + (-clr * m) / u;
			}
		},
	};
}
