/**
 * Shared pieces of the optimizer kernels: ATen's scalar `lerp`, state construction and the checks every `step`
 * makes before its loop. Internal to `optim/`; the registry and the per-algorithm files import it.
 *
 * The kernels reproduce the order of floating-point operations of PyTorch's CPU kernels so results match in float64:
 * `a.add(b, alpha=s)` is `a + s * b`, `a.addcmul(t1, t2, value=s)` is `a + s * t1 * t2` and
 * `a.addcdiv(t1, t2, value=s)` is `a + s * t1 / t2`, evaluated left to right
 * (aten/src/ATen/native/cpu/PointwiseOpsKernel.cpp), and `lerp` is below.
 */

import type { OptimizerState } from './optimizer';

/**
 * `torch.lerp(start, end, weight)` for one element, with ATen's two-sided formula for accuracy
 * (aten/src/ATen/native/Lerp.h, https://github.com/pytorch/pytorch/pull/18871). PyTorch's `exp_avg.lerp_(grad,
 * 1 - beta1)` is this, not `beta1 * m + (1 - beta1) * g`; the two differ in the last bit.
 */
export function lerp(start: number, end: number, weight: number): number {
	return Math.abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
}

/** A state with `step` 0, zero-filled buffers of `size` under `names`, and the given scalars. */
export function createState(
	size: number,
	names: readonly string[],
	scalars: Record<string, number> = {},
): OptimizerState {
	if (!Number.isInteger(size) || size < 0) {
		throw new RangeError(`optimizer state size must be a non-negative integer, got ${size}`);
	}
	const buffers: Record<string, Float64Array> = {};
	for (const name of names) {
		buffers[name] = new Float64Array(size);
	}
	return { step: 0, buffers, scalars: { ...scalars } };
}

/**
 * `buffer`, the state buffer called `name`, checked against the parameter count. Callers look it up themselves
 * (`state.buffers['exp_avg']`): a lookup by a literal name stays fast in the hot loop, one by a variable name here
 * would not.
 */
export function stateBuffer(buffer: Float64Array | undefined, name: string, size: number): Float64Array {
	if (buffer === undefined) {
		throw new RangeError(`optimizer state has no '${name}' buffer; was it made by this optimizer's init()?`);
	}
	if (buffer.length !== size) {
		throw new RangeError(`optimizer state buffer '${name}' has ${buffer.length} entries, expected ${size}`);
	}
	return buffer;
}

/** The scalar `name` of `state`. */
export function stateScalar(state: OptimizerState, name: string): number {
	const value = state.scalars[name];
	if (value === undefined) {
		throw new RangeError(`optimizer state has no '${name}' scalar; was it made by this optimizer's init()?`);
	}
	return value;
}

/** Throws unless `params` and `gradient` have the same length; returns it. */
export function checkedSize(params: Float64Array, gradient: Float64Array): number {
	if (params.length !== gradient.length) {
		throw new RangeError(`params has ${params.length} entries but gradient has ${gradient.length}`);
	}
	return params.length;
}

/** The Adam family's coefficients `adamMoments` needs, with `decay = 1 - lr * weight_decay` for this update. */
export interface MomentCoefficients {
	readonly beta1: number;
	readonly beta2: number;
	readonly weightDecay: number;
	/** AdamW-style: scale the parameter by `decay` instead of adding `weightDecay · param` to the gradient. */
	readonly decoupled: boolean;
}

/** One coordinate after `adamMoments`: the (decayed) parameter and gradient, and the new moments. */
export interface MomentStep {
	p: number;
	g: number;
	m: number;
	v: number;
}

/**
 * The start every Adam-family update shares for coordinate `i` (`_single_tensor_adam`, `_single_tensor_nadam`,
 * `_single_tensor_radam` in torch/optim): the weight decay, then `exp_avg.lerp_(grad, 1 - beta1)` and
 * `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)`. Writes the moments back and fills `out`.
 */
export function adamMoments(out: MomentStep, i: number, params: Float64Array, gradient: Float64Array, expAvg: Float64Array, expAvgSq: Float64Array, c: MomentCoefficients, decay: number): void {
	let p = params[i]!;
	let g = gradient[i]!;
	if (c.weightDecay !== 0) {
		if (c.decoupled) p = p * decay;
		else g = g + c.weightDecay * p;
	}
	const m = lerp(expAvg[i]!, g, 1 - c.beta1);
	expAvg[i] = m;
	const v = expAvgSq[i]! * c.beta2 + (1 - c.beta2) * g * g;
	expAvgSq[i] = v;
	out.p = p;
	out.g = g;
	out.m = m;
	out.v = v;
}

const splitter = 134217729; // 2^27 + 1, Veltkamp's splitting constant for float64

/**
 * `a·b + c` rounded once, as a fused multiply-add: Dekker's exact product and Knuth's two-sum (Dekker, "A
 * floating-point technique for extending the available precision", Numer. Math. 1971). PyTorch's CPU kernels for
 * `x.add_(y, alpha=s)` evaluate `x + s·y` with the processor's FMA on AVX2 machines, which L-BFGS's updates need to
 * match; this agrees with a hardware FMA except in rare double-rounding ties.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
	const p = a * b;
	if (!Number.isFinite(p) || p === 0) return p + c;
	const aHigh = a * splitter - (a * splitter - a);
	const bHigh = b * splitter - (b * splitter - b);
	const aLow = a - aHigh;
	const bLow = b - bHigh;
	const productError = aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
	const s = p + c;
	const z = s - p;
	const sumError = p - (s - z) + (c - z);
	return s + (sumError + productError);
}
