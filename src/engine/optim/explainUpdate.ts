/**
 * The next update written out with numbers, for the panel's "update rule" card: per parameter, the gradient the
 * optimizer uses, its state before and after, the bias-corrected terms, and the new value. The result is the
 * optimizer's own step on a copy of the state (so it equals what the session will do, bit for bit); the terms are
 * recomputed beside it in the textbook form of each rule, which is what the panel prints.
 *
 * Rules as in PyTorch 2.x (`_single_tensor_sgd`, `_single_tensor_adam`): SGD `buf = μ·buf + (1−τ)·g` (buf = g on
 * the first step), `w −= η·buf` (Nesterov: `η·(g + μ·buf)`); Adam (Kingma & Ba 2015, Algorithm 1)
 * `m = β1·m + (1−β1)·g`, `v = β2·v + (1−β2)·g²`, `m̂ = m/(1−β1^t)`, `v̂ = v/(1−β2^t)`, `w −= η·m̂/(√v̂ + ε)`.
 * Adadelta (Zeiler 2012, Algorithm 1): `s = ρ·s + (1−ρ)·g²`, `Δ = √(u + ε)/√(s + ε)·g`, `u = ρ·u + (1−ρ)·Δ²`,
 * `w −= η·Δ`; Rprop: each step size times η₊ (same sign), η₋ (a sign flip, and no move) or 1, clamped, then
 * `w −= sign(g)·step`; L-BFGS: the direction `d = −H·g` of the two-loop recursion and the step length α of its last
 * inner iteration, with the step's iteration and evaluation counts; Newton (newton.ts): the Hessian's extreme
 * eigenvalues and how many were replaced by |λ|; Adafactor (explainAdafactor.ts): its factored or plain second
 * moments, the relative step size ρ, the clipping by d and β̂₂ = 1 − t^τ. Other optimizers are shown as `w_new = w + Δ`
 * with their state buffers.
 */
import { cloneState, type Objective, type Optimizer, type OptimizerState } from './optimizer';
import { betaPowers } from './betaPower';
import { adafactorConstants, adafactorTerms } from './explainAdafactor';

/** Which written-out form applies. */
export type UpdateRuleKind = 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'adamw' | 'adadelta' | 'rprop' | 'lbfgs' | 'newton' | 'adafactor' | 'other';

/** One parameter's update. `terms` uses the names the panel prints (`v0`, `v`, `m0`, `m`, `mHat`, `vHat`, ...). */
export interface UpdateRow {
	readonly index: number;
	readonly w: number;
	/** The gradient the rule uses (with L2 weight decay folded in, as PyTorch does). */
	readonly g: number;
	readonly terms: Readonly<Record<string, number>>;
	readonly next: number;
}

export interface UpdateExplanation {
	readonly kind: UpdateRuleKind;
	readonly optimizer: string;
	readonly learningRate: number;
	/** Hyper-parameters the rule prints: `momentum`, `dampening`, `beta1`, `beta2`, `eps`, `weightDecay`, `t`. */
	readonly constants: Readonly<Record<string, number>>;
	/** The first `maxRows` parameters. */
	readonly rows: readonly UpdateRow[];
	/** Parameters in all. */
	readonly size: number;
	/** ‖w_new − w‖ and the largest |Δw_i| over all parameters. */
	readonly stepNorm: number;
	readonly largestChange: number;
}

/** The update `optimizer` would make from `x` with `gradient` and state `state` (not modified) at rate `lr`. */
export function explainUpdate(
	optimizer: Optimizer,
	state: OptimizerState,
	x: Float64Array,
	gradient: Float64Array,
	lr: number,
	maxRows = 6,
	objective?: Objective,
): UpdateExplanation {
	const next = Float64Array.from(x);
	const after = cloneState(state);
	optimizer.step(after, next, gradient, lr, objective);
	const kind = ruleKind(optimizer);
	const constants =
		kind === 'adafactor'
			? adafactorConstants(optimizer, state, x.length, lr)
			: { ...constantsOf(optimizer, kind, state.step + 1), ...lbfgsCounts(kind, state, after), ...newtonSpectrum(kind, after) };
	const adafactor = kind === 'adafactor' ? adafactorTerms(constants, { state, x, gradient, lr }) : undefined;
	const rows: UpdateRow[] = [];
	let squares = 0;
	let largestChange = 0;
	for (let i = 0; i < x.length; i++) {
		const delta = next[i]! - x[i]!;
		squares += delta * delta;
		largestChange = Math.max(largestChange, Math.abs(delta));
		if (i >= maxRows) continue;
		const input = { i, w: x[i]!, gradient: gradient[i]!, next: next[i]!, lr, size: x.length };
		rows.push(adafactor ? { index: i, w: input.w, g: input.gradient, terms: adafactor(i), next: input.next } : rowFor(kind, constants, { before: state, after }, input));
	}
	return { kind, optimizer: optimizer.name, learningRate: lr, constants, rows, size: x.length, stepNorm: Math.sqrt(squares), largestChange };
}

function ruleKind(optimizer: Optimizer): UpdateRuleKind {
	const o = optimizer.options;
	// Ascent negates the gradient first; the card's forms are written for descent.
	if (o.maximize === true) return 'other';
	if (optimizer.name === 'sgd') return o.momentum === 0 ? 'sgd' : o.nesterov === true ? 'nesterov' : 'momentum';
	if ((optimizer.name === 'adam' || optimizer.name === 'adamw') && o.amsgrad !== true) return optimizer.name;
	if (['adadelta', 'rprop', 'lbfgs', 'newton', 'adafactor'].includes(optimizer.name)) return optimizer.name as UpdateRuleKind;
	return 'other';
}

/** L-BFGS: the step length α of the last inner iteration, and the step's inner iterations and evaluations. */
function lbfgsCounts(kind: UpdateRuleKind, before: OptimizerState, after: OptimizerState): Record<string, number> {
	if (kind !== 'lbfgs') return {};
	const count = (state: OptimizerState, name: string) => state.scalars[name] ?? 0;
	return {
		alpha: count(after, 't'),
		iterations: count(after, 'n_iter') - count(before, 'n_iter'),
		evaluations: count(after, 'func_evals') - count(before, 'func_evals'),
		pairs: (after.buffers['ro'] ?? []).length,
	};
}

/** Newton: λ_min and λ_max of the Hessian at the point, and how many eigenvalues the step replaced by |λ|. */
function newtonSpectrum(kind: UpdateRuleKind, after: OptimizerState): Record<string, number> {
	if (kind !== 'newton') return {};
	const s = after.scalars;
	return { lambdaMin: s['lambda_min'] ?? Number.NaN, lambdaMax: s['lambda_max'] ?? Number.NaN, modified: s['modified'] ?? 0 };
}

function constantsOf(optimizer: Optimizer, kind: UpdateRuleKind, t: number): Record<string, number> {
	const o = optimizer.options;
	const weightDecay = typeof o.weight_decay === 'number' ? o.weight_decay : 0;
	if (kind === 'momentum' || kind === 'nesterov') return { momentum: o.momentum as number, dampening: o.dampening as number, weightDecay, t };
	if (kind === 'adam' || kind === 'adamw') {
		const [beta1, beta2] = o.betas as readonly [number, number];
		return { beta1, beta2, eps: o.eps as number, weightDecay, t };
	}
	if (kind === 'adadelta') return { rho: o.rho as number, eps: o.eps as number, weightDecay, t };
	if (kind === 'rprop') {
		const [etaminus, etaplus] = o.etas as readonly [number, number];
		const [stepMin, stepMax] = o.step_sizes as readonly [number, number];
		return { etaminus, etaplus, stepMin, stepMax, weightDecay, t };
	}
	return { weightDecay, t };
}

interface RowInput {
	readonly i: number;
	readonly w: number;
	readonly gradient: number;
	readonly next: number;
	readonly lr: number;
	/** Parameters in all. */
	readonly size: number;
}

/** The optimizer state before the update and after it (on a copy). */
interface States {
	readonly before: OptimizerState;
	readonly after: OptimizerState;
}

function rowFor(kind: UpdateRuleKind, c: Readonly<Record<string, number>>, states: States, input: RowInput): UpdateRow {
	const { i, w, gradient, next, lr } = input;
	const state = states.before;
	const decoupled = kind === 'adamw';
	const g = c.weightDecay !== 0 && !decoupled ? gradient + c.weightDecay! * w : gradient;
	switch (kind) {
		case 'momentum':
		case 'nesterov': {
			const v0 = state.buffers['momentum_buffer']?.[i] ?? 0;
			const v = c.t === 1 ? g : c.momentum! * v0 + (1 - c.dampening!) * g;
			const terms: Record<string, number> = { v0, v };
			if (kind === 'nesterov') terms.direction = g + c.momentum! * v;
			return { index: i, w, g, terms, next };
		}
		case 'adam':
		case 'adamw': {
			const terms = adamTerms(c, state, i, g);
			// AdamW shrinks the weight first (decoupled weight decay): w ← w·(1 − η·λ).
			if (decoupled && c.weightDecay !== 0) terms.wDecayed = w * (1 - lr * c.weightDecay!);
			return { index: i, w, g, terms, next };
		}
		case 'sgd':
			return { index: i, w, g, terms: {}, next };
		case 'adadelta':
			return { index: i, w, g, terms: adadeltaTerms(c, state, i, g), next };
		case 'rprop':
			return { index: i, w, g, terms: rpropTerms(c, states, i, g), next };
		case 'lbfgs':
			return { index: i, w, g, terms: { d: states.after.buffers['d']?.[i] ?? 0 }, next };
		default:
			return { index: i, w, g, terms: buffersAt(state, i, input.size), next };
	}
}

/** Adadelta's averages before (`s0`, `u0`) and after (`s`, `u`) and its update `delta`. */
function adadeltaTerms(c: Readonly<Record<string, number>>, state: OptimizerState, i: number, g: number): Record<string, number> {
	const rho = c.rho!;
	const s0 = state.buffers['square_avg']?.[i] ?? 0;
	const u0 = state.buffers['acc_delta']?.[i] ?? 0;
	const s = rho * s0 + (1 - rho) * g * g;
	const delta = (Math.sqrt(u0 + c.eps!) / Math.sqrt(s + c.eps!)) * g;
	return { s0, u0, s, delta, u: rho * u0 + (1 - rho) * delta * delta };
}

/** Rprop's previous gradient, the step-size factor it chose, the step size before and after, and a sign flip (1). */
function rpropTerms(c: Readonly<Record<string, number>>, states: States, i: number, g: number): Record<string, number> {
	const prev = states.before.buffers['prev']?.[i] ?? 0;
	const product = g * prev;
	const factor = product > 0 ? c.etaplus! : product < 0 ? c.etaminus! : 1;
	const first = states.before.step === 0;
	return {
		prev,
		factor,
		step0: first ? NaN : (states.before.buffers['step_size']?.[i] ?? NaN),
		step: states.after.buffers['step_size']?.[i] ?? NaN,
		flipped: product < 0 ? 1 : 0,
	};
}

function adamTerms(c: Readonly<Record<string, number>>, state: OptimizerState, i: number, g: number): Record<string, number> {
	const m0 = state.buffers['exp_avg']?.[i] ?? 0;
	const v0 = state.buffers['exp_avg_sq']?.[i] ?? 0;
	const m = c.beta1! * m0 + (1 - c.beta1!) * g;
	const v = c.beta2! * v0 + (1 - c.beta2!) * g * g;
	const mHat = m / (1 - betaPowers(c.beta1!)(c.t!));
	const vHat = v / (1 - betaPowers(c.beta2!)(c.t!));
	return { m0, v0, m, v, mHat, vHat };
}

/** The per-parameter buffers at `i` (Adafactor's row and column factors and L-BFGS's history are not per parameter). */
function buffersAt(state: OptimizerState, i: number, size: number): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [name, buffer] of Object.entries(state.buffers)) if (buffer.length === size) out[name] = buffer[i] ?? NaN;
	return out;
}
