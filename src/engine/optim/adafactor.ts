/**
 * Adafactor, PyTorch 2.5+'s `torch.optim.Adafactor`: one of the update rules behind `createOptimizer`
 * (optimizers.ts). Debian's torch 1.13 lacks it, so this transcribes the documented algorithm of
 * https://pytorch.org/docs/stable/generated/torch.optim.Adafactor.html (its `_single_tensor_adafactor`); Shazeer &
 * Stern, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", ICML 2018 (arXiv:1804.04235).
 *
 * Per parameter tensor, at step t: `β̂2 = 1 − t^τ` (τ = `beta2_decay`), `ρ = min(lr, 1/√t)`,
 * `α = max(ε2, RMS(θ))·ρ`, decoupled weight decay `θ *= 1 − lr·λ`; a matrix (rank ≥ 2, factored over its last two
 * dimensions) keeps the row and column means of g² (`row_var`, `col_var`) and estimates
 * `V̂ = row_var·col_var / max(mean(row_var), ε1)`; a scalar or vector keeps `variance`, the running mean of g². Then
 * `U = g / √max(V̂, ε1²)`, clipped to `Û = U / max(1, RMS(U)/d)`, and `θ −= α·Û`. As in PyTorch the running means are
 * `lerp`s with weight `1 − β̂2 = t^τ`, and `eps1` None is float64's machine epsilon.
 */
import { checkedSize, lerp } from './elementwise';
import type { Optimizer, OptimizerState } from './optimizer';

/** Resolved `torch.optim.Adafactor` hyper-parameters; `eps` is (eps1, eps2) with PyTorch's None as machine epsilon. */
export interface AdafactorOptions {
	readonly lr: number;
	readonly beta2_decay: number;
	readonly eps: readonly [number, number];
	readonly d: number;
	readonly weight_decay: number;
	readonly foreach: boolean;
}

/** One tensor of the flat parameter vector and where its second-moment state lives. */
export interface AdafactorTensor {
	readonly offset: number;
	readonly size: number;
	/** Matrices: rows and columns of the last two dimensions and the batch before them; 0 rows for others. */
	readonly rows: number;
	readonly cols: number;
	readonly batch: number;
	/** Start of its entries in `variance` (others) or in `row_var` and `col_var` (matrices). */
	readonly at: number;
	readonly colAt: number;
}

/**
 * An Adafactor optimizer. State: `variance` for the scalar and vector tensors, `row_var` and `col_var` for the
 * matrices, each concatenated in parameter order (only the buffers some tensor needs). `init(size, shapes)` takes
 * the tensors' shapes; without them the parameters are one vector.
 */
export function createAdafactor(options: AdafactorOptions): Optimizer {
	const { beta2_decay: beta2Decay, weight_decay: weightDecay, d } = options;
	const [eps1, eps2] = options.eps;
	let scratch = new Float64Array(0);
	return {
		name: 'adafactor',
		options: Object.freeze({ ...options, eps: Object.freeze([eps1, eps2]) }),
		init: (size, shapes) => adafactorState(size, shapes ?? [[size]]),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number): void {
			const n = checkedSize(params, gradient);
			if (scratch.length < n) scratch = new Float64Array(n);
			state.step += 1;
			const t = state.step;
			const weight = t ** beta2Decay;
			const rho = Math.min(lr, 1 / t ** 0.5);
			for (const tensor of adafactorLayout(state.shapes ?? [[n]], n)) {
				const end = tensor.offset + tensor.size;
				const alpha = Math.max(eps2, rootMeanSquare(params, tensor.offset, end)) * rho;
				if (weightDecay !== 0) for (let i = tensor.offset; i < end; i++) params[i] = params[i]! * (1 - lr * weightDecay);
				if (tensor.rows > 0) factoredEstimate(state, tensor, gradient, weight, eps1, scratch);
				else {
					const variance = state.buffers['variance']!;
					for (let i = tensor.offset, j = tensor.at; i < end; i++, j++) {
						variance[j] = lerp(variance[j]!, gradient[i]! * gradient[i]!, weight);
						scratch[i] = variance[j]!;
					}
				}
				for (let i = tensor.offset; i < end; i++) scratch[i] = (1 / Math.sqrt(Math.max(scratch[i]!, eps1 * eps1))) * gradient[i]!;
				const denom = Math.max(1, rootMeanSquare(scratch, tensor.offset, end) / d);
				const a = -alpha / denom;
				for (let i = tensor.offset; i < end; i++) params[i] = params[i]! + a * scratch[i]!;
			}
		},
	};
}

/** √(Σ x²) / √n over `x[from..to)`: PyTorch's `x.norm(2) / numel ** 0.5`. */
function rootMeanSquare(x: Float64Array, from: number, to: number): number {
	let squares = 0;
	for (let i = from; i < to; i++) squares += x[i]! * x[i]!;
	return Math.sqrt(squares) / Math.sqrt(to - from);
}

/** A matrix's row and column running means of g², and `V̂` written into `out` over its positions. */
function factoredEstimate(state: OptimizerState, m: AdafactorTensor, g: Float64Array, weight: number, eps1: number, out: Float64Array): void {
	const rowVar = state.buffers['row_var']!;
	const colVar = state.buffers['col_var']!;
	const { rows, cols } = m;
	for (let b = 0; b < m.batch; b++) {
		const base = m.offset + b * rows * cols;
		const r0 = m.at + b * rows;
		const c0 = m.colAt + b * cols;
		for (let i = 0; i < rows; i++) {
			let squares = 0;
			for (let j = 0; j < cols; j++) squares += g[base + i * cols + j]! ** 2;
			rowVar[r0 + i] = lerp(rowVar[r0 + i]!, Math.sqrt(squares) ** 2 / cols, weight);
		}
		for (let j = 0; j < cols; j++) {
			let squares = 0;
			for (let i = 0; i < rows; i++) squares += g[base + i * cols + j]! ** 2;
			colVar[c0 + j] = lerp(colVar[c0 + j]!, Math.sqrt(squares) ** 2 / rows, weight);
		}
		let rowSum = 0;
		for (let i = 0; i < rows; i++) rowSum += rowVar[r0 + i]!;
		const rowMean = Math.max(rowSum / rows, eps1);
		for (let i = 0; i < rows; i++) {
			for (let j = 0; j < cols; j++) out[base + i * cols + j] = (rowVar[r0 + i]! * colVar[c0 + j]!) / rowMean;
		}
	}
}

const layouts = new WeakMap<readonly (readonly number[])[], readonly AdafactorTensor[]>();

/** The tensors of `shapes`, checked to cover `n` parameters (memoized per shapes array). */
export function adafactorLayout(shapes: readonly (readonly number[])[], n: number): readonly AdafactorTensor[] {
	let tensors = layouts.get(shapes);
	if (tensors === undefined) {
		tensors = tensorsOf(shapes);
		layouts.set(shapes, tensors);
	}
	const last = tensors[tensors.length - 1];
	if ((last === undefined ? 0 : last.offset + last.size) !== n) {
		throw new RangeError(`Adafactor's parameter shapes hold ${last === undefined ? 0 : last.offset + last.size} numbers, got ${n}`);
	}
	return tensors;
}

function tensorsOf(shapes: readonly (readonly number[])[]): AdafactorTensor[] {
	const tensors: AdafactorTensor[] = [];
	let offset = 0;
	let variance = 0;
	let rowAt = 0;
	let colAt = 0;
	for (const shape of shapes) {
		const size = shape.reduce((a, b) => a * b, 1);
		if (shape.length > 1) {
			const rows = shape[shape.length - 2]!;
			const cols = shape[shape.length - 1]!;
			const batch = size / (rows * cols);
			tensors.push({ offset, size, rows, cols, batch, at: rowAt, colAt });
			rowAt += batch * rows;
			colAt += batch * cols;
		} else {
			tensors.push({ offset, size, rows: 0, cols: 0, batch: 0, at: variance, colAt: 0 });
			variance += size;
		}
		offset += size;
	}
	return tensors;
}

/** A fresh state for parameters of `shapes` (`size` numbers in all), with only the buffers they need. */
function adafactorState(size: number, shapes: readonly (readonly number[])[]): OptimizerState {
	const tensors = adafactorLayout(shapes, size);
	const buffers: Record<string, Float64Array> = {};
	const variance = tensors.filter((t) => t.rows === 0).reduce((a, t) => a + t.size, 0);
	const rows = tensors.reduce((a, t) => a + t.batch * t.rows, 0);
	const cols = tensors.reduce((a, t) => a + t.batch * t.cols, 0);
	if (variance > 0) buffers['variance'] = new Float64Array(variance);
	if (rows > 0) {
		buffers['row_var'] = new Float64Array(rows);
		buffers['col_var'] = new Float64Array(cols);
	}
	return { step: 0, buffers, scalars: {}, shapes };
}
