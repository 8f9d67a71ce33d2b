/**
 * NAdam (Adam with Nesterov momentum and PyTorch's momentum-decay schedule): one of the update rules behind
 * `createOptimizer` (optimizers.ts). Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.NAdam.html and `_single_tensor_nadam` in
 * torch/optim/nadam.py (PyTorch 2.x); Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop
 * (https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ). Per step t:
 * `mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))`, `mu_product *= mu_t`, `denom = sqrt(v / (1 - beta2^t)) +
 * eps`, then two updates, `-lr (1 - mu_t) / (1 - mu_product) * g / denom` and
 * `-lr mu_{t+1} / (1 - mu_product * mu_{t+1}) * m / denom`.
 */

import { adamMoments, checkedSize, createState, stateBuffer, stateScalar, type MomentStep } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';
import { betaPowers } from './betaPower';

/** Resolved `torch.optim.NAdam` hyper-parameters. */
export interface NadamOptions {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly momentum_decay: number;
	/** `param *= 1 - lr * weight_decay` (NAdamW) instead of adding `weight_decay * param` to the gradient. */
	readonly decoupled_weight_decay: boolean;
}

/** A NAdam optimizer with `options` bound. State: `exp_avg`, `exp_avg_sq` and the scalar `mu_product` (starts 1). */
export function createNadam(options: NadamOptions): Optimizer {
	const { betas, eps, weight_decay: weightDecay, momentum_decay: momentumDecay } = options;
	const decoupled = options.decoupled_weight_decay;
	const [beta1, beta2] = betas;
	const beta2Power = betaPowers(beta2);
	const coefficients = { beta1, beta2, weightDecay, decoupled };
	const at: MomentStep = { p: 0, g: 0, m: 0, v: 0 };
	return {
		name: 'nadam',
		options: Object.freeze({ ...options, betas: Object.freeze([beta1, beta2]) }),
		init: (size) => createState(size, ['exp_avg', 'exp_avg_sq'], { mu_product: 1 }),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const expAvg = stateBuffer(state.buffers['exp_avg'], 'exp_avg', n);
			const expAvgSq = stateBuffer(state.buffers['exp_avg_sq'], 'exp_avg_sq', n);
			state.step += 1;
			const t = state.step;
			const biasCorrection2 = 1 - beta2Power(t);
			const mu = beta1 * (1 - 0.5 * 0.96 ** (t * momentumDecay));
			const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentumDecay));
			const muProduct = stateScalar(state, 'mu_product') * mu;
			state.scalars['mu_product'] = muProduct;
			const gradScale = (-lr * (1 - mu)) / (1 - muProduct);
			const avgScale = (-lr * muNext) / (1 - muProduct * muNext);
			const decay = 1 - lr * weightDecay;
			for (let i = 0; i < n; i++) {
				adamMoments(at, i, params, gradient, expAvg, expAvgSq, coefficients, decay);
				const { p, g, m, v } = at;
				const denom = Math.sqrt(v / biasCorrection2) + eps;
				params[i] = p + (gradScale * g) / denom + (avgScale * m) / denom;
			}
		},
	};
}
