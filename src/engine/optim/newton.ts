/**
 * Damped Newton's method with the exact Hessian: one of the update rules behind `createOptimizer` (optimizers.ts),
 * and the one that is NOT a `torch.optim` optimizer (PyTorch has none; menus label it so). Takes resolved options.
 *
 * Each step builds the Hessian H at the current point from Hessian-vector products (`Objective.hessianVector`, one
 * per parameter), decomposes it H = Q·diag(λ)·Qᵀ, and moves by
 *
 *     w ← w − lr · Q·diag(1 / max(|λᵢ|, eps))·Qᵀ·∇L
 *
 * With lr = 1 on a quadratic with a positive definite Hessian this is the exact minimizer, in one step. Where H is
 * not positive definite, each eigenvalue is replaced by its absolute value (at least `eps`): the eigenvalue
 * modification of Nocedal & Wright, "Numerical Optimization" (2nd ed.), §3.4, in the absolute-value form of the
 * saddle-free Newton method (Dauphin et al., "Identifying and attacking the saddle point problem", NeurIPS 2014).
 * Plain Newton would step onto a saddle point (it solves ∇L = 0); this one moves away from it along directions of
 * negative curvature, downhill. `lr` < 1 damps the step. State (Downhill's names): `lambda_min`, `lambda_max` of
 * the unmodified Hessian and `modified`, how many eigenvalues were replaced, at the last step's point.
 */
import { hessianMatrix } from '../curvature/curvature';
import { symmetricEigen } from '../landscape/symmetricEigen';
import { checkedSize, createState } from './elementwise';
import type { Objective, Optimizer, OptimizerState } from './optimizer';

/** Most parameters a Newton step takes on: it costs d Hessian-vector products and a d×d eigendecomposition. */
export const newtonLimit = 100;

/** Resolved options of the `newton` method. */
export interface NewtonOptions {
	readonly lr: number;
	/** The smallest eigenvalue magnitude the step divides by. */
	readonly eps: number;
}

/** A damped Newton optimizer with `options` bound. Its `step` needs the `Objective`'s Hessian-vector products. */
export function createNewton(options: NewtonOptions): Optimizer {
	return {
		name: 'newton',
		options: Object.freeze({ ...options }),
		evaluates: true,
		init: (size) => createState(size, [], { lambda_min: Number.NaN, lambda_max: Number.NaN, modified: 0 }),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number, objective?: Objective): void {
			const product = objective?.hessianVector;
			if (product === undefined) throw new RangeError('newton needs the Hessian: step needs the objective with Hessian-vector products');
			const d = checkedSize(params, gradient);
			if (d > newtonLimit) throw new RangeError(`newton builds the full Hessian: at most ${newtonLimit} parameters, this loss has ${d}`);
			state.step += 1;
			const at = Float64Array.from(params);
			const { values, vectors } = symmetricEigen(hessianMatrix((v, out) => product(at, v, out), d), d);
			let modified = 0;
			for (let k = 0; k < d; k++) {
				const lambda = values[k]!;
				const scale = Math.max(Math.abs(lambda), options.eps);
				if (scale !== lambda) modified++;
				const q = vectors[k]!;
				let along = 0;
				for (let i = 0; i < d; i++) along += q[i]! * gradient[i]!;
				const move = (lr * along) / scale;
				for (let i = 0; i < d; i++) params[i] = params[i]! - move * q[i]!;
			}
			state.scalars['lambda_max'] = values[0]!;
			state.scalars['lambda_min'] = values[d - 1]!;
			state.scalars['modified'] = modified;
		},
	};
}
