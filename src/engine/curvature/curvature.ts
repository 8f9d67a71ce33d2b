/**
 * The curvature of a loss at a point, from Hessian-vector products: the full Hessian for small losses, and the
 * extreme eigenvalues λ_max and λ_min (Lanczos, symmetricEigen.ts), the condition number and gradient descent's
 * stability threshold 2/λ_max. Near a minimum, gradient descent with learning rate η contracts along an eigenvector
 * of eigenvalue λ when |1 − ηλ| < 1, so it diverges once η > 2/λ_max (Nocedal & Wright, "Numerical Optimization",
 * 2nd ed., §3.3; Goodfellow, Bengio & Courville, "Deep Learning", §4.3.1).
 */
import type { Loss } from '../compileLoss';
import { lanczosRitzValues, type MatrixVectorProduct } from './lanczos';

/** Up to this many parameters the Hessian is built and its spectrum computed in full. */
export const fullHessianLimit = 300;

export interface Curvature {
	readonly lambdaMax: number;
	readonly lambdaMin: number;
	/** |λ_max| / |λ_min|: how much faster the loss bends one way than another (Infinity at a flat direction). */
	readonly conditionNumber: number;
	/** 2/λ_max, the largest stable learning rate of gradient descent here; Infinity where λ_max ≤ 0. */
	readonly stabilityThreshold: number;
	/** True when the eigenvalues are exact (Lanczos ran d steps), false when they are Ritz estimates. */
	readonly exact: boolean;
}

/** λ_max, λ_min and what follows from them, for the Hessian that `product` multiplies by, in `d` dimensions. */
export function curvatureOf(product: MatrixVectorProduct, d: number, steps = 60): Curvature {
	const ritz = lanczosRitzValues(product, d, steps);
	const lambdaMin = ritz[0]!;
	const lambdaMax = ritz[ritz.length - 1]!;
	const smallest = Math.min(...ritz.map(Math.abs));
	const largest = Math.max(Math.abs(lambdaMin), Math.abs(lambdaMax));
	return {
		lambdaMax,
		lambdaMin,
		conditionNumber: smallest === 0 ? Infinity : largest / smallest,
		stabilityThreshold: lambdaMax > 0 ? 2 / lambdaMax : Infinity,
		exact: d <= steps,
	};
}

/**
 * Parameter × sample pairs up to which the readout that follows every step is computed: up to 60 products, each
 * about 1.3 compiled gradients with generated code (`npm run bench`), or a walk of the interpreter's tape.
 */
export const curvatureWork = { compiled: 200_000, interpreted: 20_000 } as const;

/**
 * The curvature of `loss` at `x`, or undefined when it would cost too much for a readout that follows every step:
 * more than `fullHessianLimit` parameters, or more than `maxWork` parameter × sample pairs.
 */
export function curvatureAt(loss: Loss, x: ArrayLike<number>, maxWork = loss.compiled ? curvatureWork.compiled : curvatureWork.interpreted): Curvature | undefined {
	const d = loss.params.length;
	if (d > fullHessianLimit || d * Math.max(1, loss.sampleCount) > maxWork) return undefined;
	const at = Array.from(x);
	return curvatureOf((v, out) => void loss.hessianVector(at, v, out), d);
}

/** The full d×d Hessian (row-major), one product per unit vector; symmetrized to hide rounding asymmetry. */
export function hessianMatrix(product: MatrixVectorProduct, d: number): Float64Array {
	const h = new Float64Array(d * d);
	const e = new Float64Array(d);
	const column = new Float64Array(d);
	for (let j = 0; j < d; j++) {
		e.fill(0);
		e[j] = 1;
		product(e, column);
		for (let i = 0; i < d; i++) h[i * d + j] = column[i]!;
	}
	for (let i = 0; i < d; i++) {
		for (let j = i + 1; j < d; j++) h[i * d + j] = h[j * d + i] = (h[i * d + j]! + h[j * d + i]!) / 2;
	}
	return h;
}
