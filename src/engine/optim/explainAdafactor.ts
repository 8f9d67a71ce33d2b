/**
 * Adafactor's terms for the update-rule card (`explainUpdate.ts`), recomputed beside the optimizer's own step in the
 * form of PyTorch 2.5's documented algorithm (https://pytorch.org/docs/stable/generated/torch.optim.Adafactor.html;
 * Shazeer & Stern, ICML 2018): β̂₂ = 1 − t^τ, the relative step size ρ = min(lr, 1/√t), α = max(ε₂, RMS(w))·ρ;
 * a matrix's row and column means of g², R = β̂₂·R + (1 − β̂₂)·mean_row(g²) and C likewise, V̂ = R·C / max(mean(R), ε₁);
 * a vector's or scalar's v = β̂₂·v + (1 − β̂₂)·g², V̂ = v; U = g / √max(V̂, ε₁²), Û = U / max(1, RMS(U)/d),
 * w ← w·(1 − lr·λ) and w_new = w − α·Û. RMS is over the parameter's whole tensor, so the terms are worked out per tensor.
 */
import { adafactorLayout, type AdafactorTensor } from './adafactor';
import type { Optimizer, OptimizerState } from './optimizer';

/** The card's constants of step `t` at rate `lr`: τ, β̂₂, ρ, d, ε₁, ε₂, λ, and how many tensors are matrices. */
export function adafactorConstants(optimizer: Optimizer, state: OptimizerState, size: number, lr: number): Record<string, number> {
	const o = optimizer.options;
	const t = state.step + 1;
	const tau = o.beta2_decay as number;
	const [eps1, eps2] = o.eps as readonly [number, number];
	const tensors = adafactorLayout(state.shapes ?? [[size]], size);
	const factored = tensors.filter((tensor) => tensor.rows > 0).length;
	return {
		t,
		tau,
		beta2hat: 1 - t ** tau,
		rho: Math.min(lr, 1 / Math.sqrt(t)),
		d: o.d as number,
		eps1,
		eps2,
		weightDecay: o.weight_decay as number,
		factored,
		unfactored: tensors.length - factored,
	};
}

/** What the card needs of one step: the state before it, the point, the gradient and the rate. */
export interface AdafactorStep {
	readonly state: OptimizerState;
	readonly x: Float64Array;
	readonly gradient: Float64Array;
	readonly lr: number;
}

/** The terms of parameter `i` (memoized per tensor): for matrices R0, R, C0, C, rowSq, colSq, rMean; else v0, v; then vHat, U, rmsU, uHat, rmsW, alpha, wDecayed. */
export function adafactorTerms(c: Readonly<Record<string, number>>, step: AdafactorStep): (i: number) => Record<string, number> {
	const n = step.x.length;
	const tensors = adafactorLayout(step.state.shapes ?? [[n]], n);
	const worked = new Map<AdafactorTensor, Record<string, number>[]>();
	return (i) => {
		const tensor = tensors.find((candidate) => i >= candidate.offset && i < candidate.offset + candidate.size)!;
		let terms = worked.get(tensor);
		if (terms === undefined) {
			terms = tensorTerms(c, step, tensor);
			worked.set(tensor, terms);
		}
		return terms[i - tensor.offset]!;
	};
}

function tensorTerms(c: Readonly<Record<string, number>>, step: AdafactorStep, tensor: AdafactorTensor): Record<string, number>[] {
	const { x, gradient, lr } = step;
	const w = x.subarray(tensor.offset, tensor.offset + tensor.size);
	const g = gradient.subarray(tensor.offset, tensor.offset + tensor.size);
	const moments = tensor.rows > 0 ? factoredMoments(c, step.state, tensor, g) : varianceMoments(c, step.state, tensor, g);
	const u = moments.map((m, k) => g[k]! / Math.sqrt(Math.max(m.vHat!, c.eps1! * c.eps1!)));
	const rmsU = rms(u);
	const clip = Math.max(1, rmsU / c.d!);
	const rmsW = rms(w);
	const alpha = Math.max(c.eps2!, rmsW) * c.rho!;
	return moments.map((m, k) => ({
		...m,
		U: u[k]!,
		rmsU,
		uHat: u[k]! / clip,
		rmsW,
		alpha,
		wDecayed: w[k]! * (1 - lr * c.weightDecay!),
	}));
}

/** A scalar's or vector's running mean of g²: v0 before, v after, and V̂ = v. */
function varianceMoments(c: Readonly<Record<string, number>>, state: OptimizerState, tensor: AdafactorTensor, g: Float64Array): Record<string, number>[] {
	const variance = state.buffers['variance']!;
	return Array.from(g, (gk, k) => {
		const v0 = variance[tensor.at + k]!;
		const v = c.beta2hat! * v0 + (1 - c.beta2hat!) * gk * gk;
		return { v0, v, vHat: v };
	});
}

/** A matrix's row and column means of g² (`rowSq`, `colSq`), R and C before and after, mean(R) and V̂, per entry. */
function factoredMoments(c: Readonly<Record<string, number>>, state: OptimizerState, m: AdafactorTensor, g: Float64Array): Record<string, number>[] {
	const { rows, cols } = m;
	const out: Record<string, number>[] = [];
	const b2 = c.beta2hat!;
	for (let b = 0; b < m.batch; b++) {
		const at = (i: number, j: number) => b * rows * cols + i * cols + j;
		const rowSq = Array.from({ length: rows }, (_, i) => mean(cols, (j) => g[at(i, j)]! ** 2));
		const colSq = Array.from({ length: cols }, (_, j) => mean(rows, (i) => g[at(i, j)]! ** 2));
		const r0 = Array.from({ length: rows }, (_, i) => state.buffers['row_var']![m.at + b * rows + i]!);
		const c0 = Array.from({ length: cols }, (_, j) => state.buffers['col_var']![m.colAt + b * cols + j]!);
		const r = r0.map((v, i) => b2 * v + (1 - b2) * rowSq[i]!);
		const col = c0.map((v, j) => b2 * v + (1 - b2) * colSq[j]!);
		const rMean = mean(rows, (i) => r[i]!);
		for (let i = 0; i < rows; i++) {
			for (let j = 0; j < cols; j++) {
				const vHat = (r[i]! * col[j]!) / Math.max(rMean, c.eps1!);
				out.push({ row: i, col: j, rowSq: rowSq[i]!, colSq: colSq[j]!, R0: r0[i]!, R: r[i]!, C0: c0[j]!, C: col[j]!, rMean, vHat });
			}
		}
	}
	return out;
}

function mean(count: number, at: (k: number) => number): number {
	let sum = 0;
	for (let k = 0; k < count; k++) sum += at(k);
	return sum / count;
}

function rms(values: ArrayLike<number>): number {
	return Math.sqrt(mean(values.length, (k) => values[k]! ** 2));
}
