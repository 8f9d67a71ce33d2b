/**
 * L-BFGS: one of the update rules behind `createOptimizer` (optimizers.ts). Takes resolved, validated options.
 *
 * Source: https://pytorch.org/docs/stable/generated/torch.optim.LBFGS.html and `LBFGS.step` in torch/optim/lbfgs.py
 * (PyTorch 2.x, unchanged since 1.13); Nocedal & Wright, "Numerical Optimization" (2nd ed.), Algorithm 7.4 (the
 * two-loop recursion) and 7.5. One `step` is PyTorch's `step(closure)`: up to `max_iter` inner iterations, each a
 * quasi-Newton direction and a step along it (fixed `lr`, the first one scaled by 1/‖g‖₁, or a strong-Wolfe line
 * search), re-evaluating the loss through the `Objective`. State under PyTorch's names: `d`, `t`, `old_dirs`,
 * `old_stps` (the stored y and s pairs, one row of the flat buffer each), `ro`, `al`, `H_diag`, `prev_flat_grad`,
 * `prev_loss`, `n_iter`, `func_evals`.
 */

import { checkedSize, createState, fusedMultiplyAdd } from './elementwise';
import type { Objective, Optimizer, OptimizerState } from './optimizer';
import { dot, maxAbs, strongWolfe } from './strongWolfe';

/** Resolved `torch.optim.LBFGS` hyper-parameters. */
export interface LbfgsOptions {
	readonly lr: number;
	readonly max_iter: number;
	readonly max_eval: number;
	readonly tolerance_grad: number;
	readonly tolerance_change: number;
	readonly history_size: number;
	/** `'strong_wolfe'`, or `'none'` for PyTorch's `None` (a fixed step). */
	readonly line_search_fn: 'none' | 'strong_wolfe';
}

/** The curvature pairs and scaling carried between inner iterations (and steps). */
interface Memory {
	dirs: Float64Array[];
	stps: Float64Array[];
	ro: number[];
	hDiag: number;
}

/** An L-BFGS optimizer with `options` bound. Its `step` needs the `Objective`. */
export function createLbfgs(options: LbfgsOptions): Optimizer {
	return {
		name: 'lbfgs',
		options: Object.freeze({ ...options }),
		evaluates: true,
		init: (size) => createState(size, [], { func_evals: 0, n_iter: 0 }),
		step(state: OptimizerState, params: Float64Array, gradient: Float64Array, lr: number, objective?: Objective): void {
			if (objective === undefined) throw new RangeError('lbfgs re-evaluates the loss: step needs the objective (the closure)');
			checkedSize(params, gradient);
			state.step += 1;
			state.scalars['func_evals']! += 1;
			if (maxAbs(gradient) <= options.tolerance_grad) return;
			innerIterations(options, state, params, Float64Array.from(gradient), lr, objective);
		},
	};
}

/** The `while n_iter < max_iter` loop of `LBFGS.step`. */
function innerIterations(o: LbfgsOptions, state: OptimizerState, params: Float64Array, flatGrad: Float64Array, lr: number, objective: Objective): void {
	const s = state.scalars;
	const memory = readMemory(state, params.length);
	let d = state.buffers['d'] ?? new Float64Array(params.length);
	let t = s['t'] ?? lr;
	let prevFlatGrad = state.buffers['prev_flat_grad'];
	let loss = objective.loss;
	let prevLoss = s['prev_loss'] ?? loss;
	let currentEvals = 1;
	for (let nIter = 1; nIter <= o.max_iter; nIter++) {
		s['n_iter']! += 1;
		const first = s['n_iter'] === 1;
		d = first ? startDirection(memory, flatGrad) : twoLoopDirection(memory, state, o.history_size, { flatGrad, prevFlatGrad: prevFlatGrad!, d, t });
		prevFlatGrad = Float64Array.from(flatGrad);
		prevLoss = loss;
		t = first ? Math.min(1, 1 / sumAbs(flatGrad)) * lr : lr;
		const gtd = dot(flatGrad, d);
		if (gtd > -o.tolerance_change) break;
		const moved = moveAlong(o, params, { d, t, loss, flatGrad, gtd, objective, last: nIter === o.max_iter });
		({ loss, flatGrad, t } = moved);
		currentEvals += moved.evaluations;
		s['func_evals']! += moved.evaluations;
		if (nIter === o.max_iter || currentEvals >= o.max_eval || moved.optimal) break;
		if (maxAbsScaled(d, t) <= o.tolerance_change) break;
		if (Math.abs(loss - prevLoss) < o.tolerance_change) break;
	}
	writeMemory(state, memory, { d, t, prevFlatGrad, prevLoss });
}

interface Move {
	readonly d: Float64Array;
	readonly t: number;
	readonly loss: number;
	readonly flatGrad: Float64Array;
	readonly gtd: number;
	readonly objective: Objective;
	/** The last inner iteration: PyTorch moves without evaluating there (the next step's closure call does). */
	readonly last: boolean;
}

/** One move along `d`: by the strong-Wolfe step, or by `t` with one evaluation at the new point. */
function moveAlong(o: LbfgsOptions, params: Float64Array, m: Move): { loss: number; flatGrad: Float64Array; t: number; evaluations: number; optimal: boolean } {
	const n = params.length;
	if (o.line_search_fn === 'strong_wolfe') {
		const x = Float64Array.from(params);
		const probe = new Float64Array(n);
		const gradient = new Float64Array(n);
		const evaluate = (t: number) => {
			for (let i = 0; i < n; i++) probe[i] = fusedMultiplyAdd(t, m.d[i]!, x[i]!);
			return { loss: m.objective.evaluate(probe, gradient), gradient };
		};
		const found = strongWolfe(evaluate, m.t, m.d, m.loss, m.flatGrad, m.gtd, o.tolerance_change);
		for (let i = 0; i < n; i++) params[i] = fusedMultiplyAdd(found.t, m.d[i]!, x[i]!);
		return { loss: found.loss, flatGrad: found.gradient, t: found.t, evaluations: found.evaluations, optimal: maxAbs(found.gradient) <= o.tolerance_grad };
	}
	for (let i = 0; i < n; i++) params[i] = fusedMultiplyAdd(m.t, m.d[i]!, params[i]!);
	if (m.last) return { loss: m.loss, flatGrad: m.flatGrad, t: m.t, evaluations: 0, optimal: false };
	const flatGrad = new Float64Array(n);
	const loss = m.objective.evaluate(Float64Array.from(params), flatGrad);
	return { loss, flatGrad, t: m.t, evaluations: 1, optimal: maxAbs(flatGrad) <= o.tolerance_grad };
}

/** The first iteration ever: steepest descent, and an empty memory. */
function startDirection(memory: Memory, flatGrad: Float64Array): Float64Array {
	memory.dirs = [];
	memory.stps = [];
	memory.ro = [];
	memory.hDiag = 1;
	return flatGrad.map((g) => -g);
}

interface Previous {
	readonly flatGrad: Float64Array;
	readonly prevFlatGrad: Float64Array;
	readonly d: Float64Array;
	readonly t: number;
}

/** Stores the newest (y, s) pair when `y·s > 1e-10`, then the two-loop recursion for `−H·g`. */
function twoLoopDirection(memory: Memory, state: OptimizerState, historySize: number, p: Previous): Float64Array {
	const y = p.flatGrad.map((g, i) => g - p.prevFlatGrad[i]!);
	const s = p.d.map((di) => di * p.t);
	const ys = dot(y, s);
	if (ys > 1e-10) {
		if (memory.dirs.length === historySize) {
			memory.dirs.shift();
			memory.stps.shift();
			memory.ro.shift();
		}
		memory.dirs.push(y);
		memory.stps.push(s);
		memory.ro.push(1 / ys);
		memory.hDiag = ys / dot(y, y);
	}
	const al = (state.buffers['al'] ??= new Float64Array(historySize));
	const q = p.flatGrad.map((g) => -g);
	for (let i = memory.dirs.length - 1; i >= 0; i--) {
		al[i] = dot(memory.stps[i]!, q) * memory.ro[i]!;
		axpy(q, -al[i]!, memory.dirs[i]!);
	}
	const r = q.map((qi) => qi * memory.hDiag);
	for (let i = 0; i < memory.dirs.length; i++) {
		const be = dot(memory.dirs[i]!, r) * memory.ro[i]!;
		axpy(r, al[i]! - be, memory.stps[i]!);
	}
	return r;
}

/** `target.add_(x, alpha=a)`: target + a·x in place, fused as PyTorch's kernel does. */
function axpy(target: Float64Array, a: number, x: Float64Array): void {
	for (let i = 0; i < target.length; i++) target[i] = fusedMultiplyAdd(a, x[i]!, target[i]!);
}

function sumAbs(x: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]!);
	return sum;
}

/** PyTorch's `d.mul(t).abs().max()`. */
function maxAbsScaled(d: Float64Array, t: number): number {
	let max = 0;
	for (let i = 0; i < d.length; i++) max = Math.max(max, Math.abs(d[i]! * t));
	return max;
}

function readMemory(state: OptimizerState, n: number): Memory {
	const rows = (flat: Float64Array | undefined) =>
		Array.from({ length: flat === undefined ? 0 : flat.length / n }, (_, k) => flat!.slice(k * n, (k + 1) * n));
	return {
		dirs: rows(state.buffers['old_dirs']),
		stps: rows(state.buffers['old_stps']),
		ro: Array.from(state.buffers['ro'] ?? []),
		hDiag: state.scalars['H_diag'] ?? 1,
	};
}

function writeMemory(state: OptimizerState, memory: Memory, last: { d: Float64Array; t: number; prevFlatGrad?: Float64Array; prevLoss: number }): void {
	const flat = (rows: Float64Array[]) => {
		const out = new Float64Array(rows.reduce((total, row) => total + row.length, 0));
		rows.forEach((row, k) => out.set(row, k * row.length));
		return out;
	};
	state.buffers['d'] = last.d;
	state.buffers['old_dirs'] = flat(memory.dirs);
	state.buffers['old_stps'] = flat(memory.stps);
	state.buffers['ro'] = Float64Array.from(memory.ro);
	if (last.prevFlatGrad !== undefined) state.buffers['prev_flat_grad'] = last.prevFlatGrad;
	state.scalars['t'] = last.t;
	state.scalars['H_diag'] = memory.hDiag;
	state.scalars['prev_loss'] = last.prevLoss;
}
