/**
 * Adam and AdamW (with AMSGrad): the update rules behind `createOptimizer('adam' | 'adamw')` (optimizers.ts). Since
 * PyTorch 2.x `AdamW` is `Adam` with `decoupled_weight_decay=True`, so both share this kernel.
 *
 * Sources: https://pytorch.org/docs/stable/generated/torch.optim.Adam.html,
 * https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html and `_single_tensor_adam` in torch/optim/adam.py;
 * Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015 (arXiv:1412.6980), Algorithm 1; Loshchilov &
 * Hutter, arXiv:1711.05101 (decoupled weight decay); Reddi, Kale & Kumar, ICLR 2018 (AMSGrad). As in PyTorch, eps is
 * added after the bias correction of the root: `denom = sqrt(v) / sqrt(1 - beta2^t) + eps`, and AMSGrad keeps the
 * running maximum of `exp_avg_sq` in `max_exp_avg_sq`.
 */

import { adamMoments, checkedSize, createState, stateBuffer, type MomentStep } from './elementwise';
import type { OptionValue, Optimizer, OptimizerState } from './optimizer';
import { betaPowers } from './betaPower';

/** Resolved `torch.optim.Adam` / `AdamW` hyper-parameters. */
export interface AdamOptions {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly amsgrad: boolean;
	/** `param *= 1 - lr * weight_decay` before the update (AdamW) instead of adding `weight_decay * param` to g. */
	readonly decoupled_weight_decay: boolean;
}

/**
 * An Adam optimizer with `options` bound; named `adamw` when `name` says so (AdamW's options carry
 * `decoupled_weight_decay: true`). State: `exp_avg`, `exp_avg_sq`, and `max_exp_avg_sq` with AMSGrad.
 */
export function createAdam(options: AdamOptions, name: 'adam' | 'adamw' = 'adam'): Optimizer {
	const { betas, eps, weight_decay: weightDecay, amsgrad, decoupled_weight_decay: decoupled } = options;
	const [beta1, beta2] = betas;
	const beta1Power = betaPowers(beta1);
	const beta2Power = betaPowers(beta2);
	const coefficients = { beta1, beta2, weightDecay, decoupled };
	const at: MomentStep = { p: 0, g: 0, m: 0, v: 0 };
	const names = amsgrad ? ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] : ['exp_avg', 'exp_avg_sq'];
	const shownOptions: Record<string, OptionValue> = { ...options, betas: Object.freeze([beta1, beta2]) };
	if (name === 'adamw') {
		// torch.optim.AdamW has no decoupled_weight_decay argument: it is always on.
		delete shownOptions['decoupled_weight_decay'];
	}
	return {
		name,
		options: Object.freeze(shownOptions),
		init: (size) => createState(size, names),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			const expAvg = stateBuffer(state.buffers['exp_avg'], 'exp_avg', n);
			const expAvgSq = stateBuffer(state.buffers['exp_avg_sq'], 'exp_avg_sq', n);
			const maxExpAvgSq = amsgrad ? stateBuffer(state.buffers['max_exp_avg_sq'], 'max_exp_avg_sq', n) : undefined;
			state.step += 1;
			const t = state.step;
			const stepSize = lr / (1 - beta1Power(t));
			const biasCorrection2Sqrt = Math.sqrt(1 - beta2Power(t));
			const decay = 1 - lr * weightDecay;
			for (let i = 0; i < n; i++) {
				adamMoments(at, i, params, gradient, expAvg, expAvgSq, coefficients, decay);
				const { p, m } = at;
				let v = at.v;
				if (maxExpAvgSq !== undefined) {
					v = Math.max(maxExpAvgSq[i]!, v);
					maxExpAvgSq[i] = v;
				}
				const denom = Math.sqrt(v) / biasCorrection2Sqrt + eps;
				params[i] = p + (-stepSize * m) / denom;
			}
		},
	};
}
