/**
 * RAdam (rectified Adam): one of the update rules behind `createOptimizer` (optimizers.ts). Takes resolved,
 * validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.RAdam.html and `_single_tensor_radam` in
 * torch/optim/radam.py (PyTorch 2.x); Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond",
 * ICLR 2020 (arXiv:1908.03265), Algorithm 2. With `rho_inf = 2 / (1 - beta2) - 1` and
 * `rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)`: when `rho_t > 5` the step is
 * `lr * m_hat * sqrt(1 - beta2^t) / (sqrt(v) + eps) * r_t` with the rectification `r_t`, otherwise the un-adapted
 * `lr * m_hat` (SGD with bias-corrected momentum), which is what the first few steps do.
 */

import { adamMoments, checkedSize, createState, stateBuffer, type MomentStep } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';
import { betaPowers } from './betaPower';

/** Resolved `torch.optim.RAdam` hyper-parameters. */
export interface RadamOptions {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	/** `param *= 1 - lr * weight_decay` (RAdamW) instead of adding `weight_decay * param` to the gradient. */
	readonly decoupled_weight_decay: boolean;
}

/** The rectification term `r_t` of RAdam, or `undefined` on steps where PyTorch skips the adaptive update. */
export function radamRectification(beta2: number, step: number): number | undefined {
	const rhoInf = 2 / (1 - beta2) - 1;
	const power = betaPowers(beta2)(step);
	const rhoT = rhoInf - (2 * step * power) / (1 - power);
	if (!(rhoT > 5)) {
		return undefined;
	}
	return Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
}

/** A RAdam optimizer with `options` bound. State: `exp_avg`, `exp_avg_sq`. */
export function createRadam(options: RadamOptions): Optimizer {
	const { betas, eps, weight_decay: weightDecay } = options;
	const decoupled = options.decoupled_weight_decay;
	const [beta1, beta2] = betas;
	const beta1Power = betaPowers(beta1);
	const beta2Power = betaPowers(beta2);
	const coefficients = { beta1, beta2, weightDecay, decoupled };
	const at: MomentStep = { p: 0, g: 0, m: 0, v: 0 };
	return {
		name: 'radam',
		options: Object.freeze({ ...options, betas: Object.freeze([beta1, beta2]) }),
		init: (size) => createState(size, ['exp_avg', 'exp_avg_sq']),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const expAvg = stateBuffer(state.buffers['exp_avg'], 'exp_avg', n);
			const expAvgSq = stateBuffer(state.buffers['exp_avg_sq'], 'exp_avg_sq', n);
			state.step += 1;
			const t = state.step;
			const biasCorrection1 = 1 - beta1Power(t);
			const biasCorrection2Sqrt = Math.sqrt(1 - beta2Power(t));
			const rect = radamRectification(beta2, t);
			const decay = 1 - lr * weightDecay;
			for (let i = 0; i < n; i++) {
				adamMoments(at, i, params, gradient, expAvg, expAvgSq, coefficients, decay);
				const { p, m, v } = at;
				const step = (m / biasCorrection1) * lr;
				params[i] = rect === undefined ? p - step : p - step * (biasCorrection2Sqrt / (Math.sqrt(v) + eps)) * rect;
			}
		},
	};
}
