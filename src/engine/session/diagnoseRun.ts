/**
 * Run hints: reads the recent history of a session and names at most one thing going wrong with the run while
 * it still runs (diverging, oscillating, crawling, or stuck on a plateau), with one setting to try. A pure function
 * over the history's records, cheap enough for every panel update: O(window · d) reads, plus a scan of at most 500
 * records for the largest curvature seen (which caps a suggested increase of the learning rate).
 *
 * The window is the last `windowSteps` updates (fewer at the start), never reaching back before the records made
 * under the current settings (`since`), and nothing is said before `minSteps` updates were made under them. With
 * records a..k, steps s_j = x_j − x_(j−1) and losses L_j:
 *
 * - **diverging**: the loss rose in at least 70% of the window's steps and L_k is the largest loss of the window (a
 *   trend, not a loss bouncing up and down); the stop rule has not (yet) ended the run. Suggest half the rate.
 * - **oscillating**: in at least 60% of successive step pairs the step reverses (s_j · s_(j−1) < 0), and the path is
 *   wasted: the net move ‖x_k − x_a‖ is at most half of the path length Σ‖s_j‖ (a zig-zag across a valley, whatever
 *   the loss does meanwhile). Suggest half the learning rate (momentum would also help; the sentence says so).
 * - **plateau**: flat ground that is not a minimum: ‖∇L_k‖ · max(1, ‖x_k‖) ≤ 1% of |L_k| (the slope would take
 *   more than a hundred point-lengths to change the loss appreciably), the loss changed by at most 0.1% of |L_k|
 *   over the window, the point still moves, and the gradient is not shrinking (‖∇L_k‖ ≥ 0.9 ‖∇L_a‖), which a run
 *   settling into the bottom of a bowl would show. Suggest Adam (its steps do not shrink with the slope) for plain
 *   SGD, else a ten times larger learning rate.
 * - **crawling**: the loss fell at every step, successive steps point the same way (cosine > 0.95 for at least 90%
 *   of pairs), the step length shrinks by less than 1% per step, and the loss falls by less than 1% of |L_a| per
 *   step. Suggest a larger learning rate: ×10 for SGD but at most 1/κ, where κ is the largest curvature
 *   (∇L_j − ∇L_(j−1)) · s_j / ‖s_j‖² seen along the recent steps (2/κ is where plain gradient descent starts to
 *   diverge along that direction); ×3 for adaptive optimizers. No hint when that is not at least twice the rate.
 *
 * With the Hessian at the current point (`curvature`, given for plain gradient descent, where η·λ is what decides
 * stability: a direction of curvature λ is multiplied by 1 − ηλ per step), the hints say what the curvature says:
 * an oscillation quotes η·λ_max (between 1 and 2, near the edge of stability 2/λ_max) and suggests η = 1/λ_max
 * (the top direction then settles in one step) instead of half the rate; a crawl quotes η·λ_min (the fraction of the way
 * the flattest direction moves per step) and its ×10 is capped by 1/λ_max instead of the curvature seen along the
 * steps. Nocedal & Wright, "Numerical Optimization" (2nd ed.), §3.3; Goodfellow et al., "Deep Learning", §4.3.1.
 *
 * Hysteresis: the hint shown before (`previous`) stays while looser exit thresholds still hold (for example 40%
 * reversals instead of 60%), and a new one needs the entry thresholds, so a borderline run does not flicker; only
 * a divergence meeting its entry thresholds replaces another hint early. Priority: diverging, oscillating, plateau,
 * crawling.
 *
 * Limits: which hint applies is decided from the trajectory alone; the Hessian only sets the numbers it quotes. A saddle that the run approaches slowly
 * reads as crawling; mini-batch noise can read as oscillation; a plateau is told from a minimum only by the size of
 * the slope relative to the loss and by the slope not shrinking, so the very wide bowl of a minimum whose loss is
 * large, crawled through with a tiny learning rate, can read as a plateau.
 */
import type { History } from './history';

export type RunHintKind = 'diverging' | 'oscillating' | 'crawling' | 'plateau';

/** The one setting a hint suggests: a learning rate, or switching to another optimizer. */
export type RunHintSuggestion = { readonly setting: 'learningRate'; readonly value: number } | { readonly setting: 'optimizer'; readonly value: 'adam' };

/** A diagnosis of the recent run, with the numbers its sentence quotes. */
export interface RunHint {
	readonly kind: RunHintKind;
	readonly suggestion: RunHintSuggestion;
	/** Updates looked at (the window). */
	readonly window: number;
	/** Diverging: steps in the window that raised the loss; oscillating: step pairs that reversed; else 0. */
	readonly count: number;
	/** Crawling: mean fall of the loss per step, relative to |L_a|; plateau: the loss change over the window, relative. */
	readonly relativeChange: number;
	/** ‖∇L‖ at the current record. */
	readonly gradientNorm: number;
	/** The base learning rate the suggestion starts from. */
	readonly learningRate: number;
	/** With the Hessian: η·λ_max (oscillating) or η·λ_min (crawling), and 2/λ_max. */
	readonly curvature?: { readonly product: number; readonly threshold: number };
}

/** What `diagnoseRun` reads. */
export interface DiagnoseInput {
	readonly history: Pick<History, 'dimension' | 'length' | 'loss' | 'coordinate' | 'gradientNorm' | 'readGradient'>;
	/** The record to diagnose (the session's position). */
	readonly position: number;
	/** The first record made under the current settings (`OptimizationSession.settingsSince`). */
	readonly since: number;
	/** The optimizer's base learning rate (`lr`) and name. */
	readonly learningRate: number;
	readonly optimizer: string;
	/** The kind shown after the previous diagnosis, for hysteresis. */
	readonly previous?: RunHintKind | undefined;
	/** The Hessian's extreme eigenvalues at the position, for plain gradient descent; asked only when a hint needs them. */
	readonly curvature?: (() => { readonly lambdaMax: number; readonly lambdaMin: number } | undefined) | undefined;
}

export const minSteps = 10;
export const windowSteps = 30;
const curvatureScan = 500;

interface Thresholds {
	readonly rising: number;
	readonly reversals: number;
	readonly efficiency: number;
	readonly aligned: number;
	readonly contraction: number;
	readonly relativeDrop: number;
	readonly flatness: number;
	readonly flatChange: number;
	readonly gradientRatio: number;
}

const enter: Thresholds = { rising: 0.7, reversals: 0.6, efficiency: 0.5, aligned: 0.9, contraction: 0.99, relativeDrop: 0.01, flatness: 0.01, flatChange: 1e-3, gradientRatio: 0.9 };
const exit: Thresholds = { rising: 0.5, reversals: 0.4, efficiency: 0.7, aligned: 0.75, contraction: 0.98, relativeDrop: 0.02, flatness: 0.03, flatChange: 3e-3, gradientRatio: 0.5 };

/** The measurements of one window, in the terms of the definitions above. */
export interface WindowStats {
	readonly steps: number;
	readonly rising: number;
	/** The largest loss of records a..k. */
	readonly lossMax: number;
	readonly reversals: number;
	readonly aligned: number;
	readonly efficiency: number;
	readonly contraction: number;
	readonly lossFirst: number;
	readonly lossLast: number;
	readonly gradientFirst: number;
	readonly gradientLast: number;
	readonly pointNorm: number;
	readonly pathLength: number;
}

/** At most one hint for the run at `input.position`, or undefined (too early, or nothing worth saying). */
export function diagnoseRun(input: DiagnoseInput): RunHint | undefined {
	const k = input.position;
	const a = Math.max(input.since, k - windowSteps, 0);
	if (k - a < minSteps || k >= input.history.length || !(input.learningRate > 0)) return undefined;
	const w = measureWindow(input.history, a, k);
	if (![w.lossFirst, w.lossLast, w.gradientLast, w.pathLength].every(Number.isFinite)) return undefined;
	const order: RunHintKind[] = ['diverging', 'oscillating', 'plateau', 'crawling'];
	const previous = input.previous;
	const overridden = previous !== 'diverging' && holds('diverging', w, enter);
	if (previous && !overridden && holds(previous, w, exit)) {
		const kept = hintFor(previous, w, input);
		if (kept) return kept;
	}
	for (const kind of order) {
		if (!holds(kind, w, enter)) continue;
		const hint = hintFor(kind, w, input);
		if (hint) return hint;
	}
	return undefined;
}

/** Whether the window meets the definition of `kind` under thresholds `t`. */
function holds(kind: RunHintKind, w: WindowStats, t: Thresholds): boolean {
	const pairs = Math.max(1, w.steps - 1);
	const scale = Math.max(Math.abs(w.lossLast), Number.MIN_VALUE);
	switch (kind) {
		case 'diverging':
			return w.rising >= t.rising * w.steps && w.lossLast > w.lossFirst && (w.lossLast >= w.lossMax || t === exit);
		case 'oscillating':
			return w.reversals >= t.reversals * pairs && w.efficiency <= t.efficiency;
		case 'plateau':
			return (
				w.gradientLast * Math.max(1, w.pointNorm) <= t.flatness * scale &&
				Math.abs(w.lossFirst - w.lossLast) <= t.flatChange * scale &&
				w.pathLength > 0 &&
				w.gradientLast >= t.gradientRatio * w.gradientFirst
			);
		case 'crawling':
			return (
				w.rising <= (t === enter ? 0 : 0.1 * w.steps) &&
				w.aligned >= t.aligned * pairs &&
				w.contraction >= t.contraction &&
				relativeDrop(w) <= t.relativeDrop
			);
		default: {
			const never: never = kind;
			return never;
		}
	}
}

/** Mean fall of the loss per step, relative to the loss at the start of the window. */
function relativeDrop(w: WindowStats): number {
	return (w.lossFirst - w.lossLast) / (w.steps * Math.max(Math.abs(w.lossFirst), Number.MIN_VALUE));
}

/** The hint of `kind` with its suggestion, or undefined when no useful suggestion exists. */
function hintFor(kind: RunHintKind, w: WindowStats, input: DiagnoseInput): RunHint | undefined {
	const lr = input.learningRate;
	const base = { kind, window: w.steps, gradientNorm: w.gradientLast, learningRate: lr };
	const scale = Math.max(Math.abs(w.lossLast), Number.MIN_VALUE);
	switch (kind) {
		case 'diverging':
			return { ...base, count: w.rising, relativeChange: 0, suggestion: { setting: 'learningRate', value: roundDown(lr / 2) } };
		case 'oscillating': {
			const c = input.curvature?.();
			const settles = c && c.lambdaMax > 0 && 1 / c.lambdaMax < lr ? 1 / c.lambdaMax : lr / 2;
			const quote = c && c.lambdaMax > 0 ? { curvature: { product: lr * c.lambdaMax, threshold: 2 / c.lambdaMax } } : {};
			return { ...base, count: w.reversals, relativeChange: 0, suggestion: { setting: 'learningRate', value: roundDown(settles) }, ...quote };
		}
		case 'plateau': {
			const change = Math.abs(w.lossFirst - w.lossLast) / scale;
			const suggestion: RunHintSuggestion = input.optimizer === 'sgd' ? { setting: 'optimizer', value: 'adam' } : { setting: 'learningRate', value: roundDown(lr * 10) };
			return { ...base, count: 0, relativeChange: change, suggestion };
		}
		case 'crawling': {
			const c = input.curvature?.();
			const exact = c && c.lambdaMax > 0 ? c : undefined;
			const target = exact ? Math.min(10 * lr, 1 / exact.lambdaMax) : largerLearningRate(input, input.position);
			if (target < 2 * lr) return undefined;
			const quote = exact && exact.lambdaMin > 0 ? { curvature: { product: lr * exact.lambdaMin, threshold: 2 / exact.lambdaMax } } : {};
			return { ...base, count: 0, relativeChange: relativeDrop(w), suggestion: { setting: 'learningRate', value: roundDown(target) }, ...quote };
		}
		default: {
			const never: never = kind;
			return never;
		}
	}
}

/** ×10 for SGD, capped at 1/κ for the largest curvature κ seen along recent steps; ×3 for adaptive optimizers. */
function largerLearningRate(input: DiagnoseInput, k: number): number {
	if (input.optimizer !== 'sgd') return 3 * input.learningRate;
	const kappa = largestCurvature(input.history, Math.max(input.since, k - curvatureScan, 0), k);
	return kappa > 0 ? Math.min(10 * input.learningRate, 1 / kappa) : 10 * input.learningRate;
}

/** The largest (∇L_j − ∇L_(j−1)) · s_j / ‖s_j‖² over records a+1..k: curvature along each step, no Hessian needed. */
export function largestCurvature(history: DiagnoseInput['history'], a: number, k: number): number {
	const d = history.dimension;
	let g0 = new Float64Array(d);
	history.readGradient(a, g0);
	let g1 = new Float64Array(d);
	let largest = 0;
	for (let j = a + 1; j <= k; j++) {
		history.readGradient(j, g1);
		let dot = 0;
		let length = 0;
		for (let i = 0; i < d; i++) {
			const s = history.coordinate(j, i) - history.coordinate(j - 1, i);
			dot += (g1[i]! - g0[i]!) * s;
			length += s * s;
		}
		if (length > 0 && dot / length > largest) largest = dot / length;
		[g0, g1] = [g1, g0];
	}
	return largest;
}

/** One pass over records a..k: loss rises, step reversals and alignment, path efficiency and step contraction. */
export function measureWindow(history: DiagnoseInput['history'], a: number, k: number): WindowStats {
	const d = history.dimension;
	let previous = new Float64Array(d);
	let step = new Float64Array(d);
	let rising = 0, reversals = 0, aligned = 0, pathLength = 0, firstLength = 0, lastLength = 0, lossMax = history.loss(a);
	for (let j = a + 1; j <= k; j++) {
		let dot = 0, length = 0;
		for (let i = 0; i < d; i++) {
			step[i] = history.coordinate(j, i) - history.coordinate(j - 1, i);
			dot += step[i]! * previous[i]!;
			length += step[i]! ** 2;
		}
		length = Math.sqrt(length);
		if (history.loss(j) > history.loss(j - 1)) rising++;
		lossMax = Math.max(lossMax, history.loss(j));
		if (j > a + 1 && dot < 0) reversals++;
		if (j > a + 1 && dot > 0.95 * length * lastLength) aligned++;
		if (j === a + 1) firstLength = length;
		pathLength += length;
		lastLength = length;
		[previous, step] = [step, previous];
	}
	let net = 0, pointNorm = 0;
	for (let i = 0; i < d; i++) {
		net += (history.coordinate(k, i) - history.coordinate(a, i)) ** 2;
		pointNorm += history.coordinate(k, i) ** 2;
	}
	const steps = k - a;
	return {
		steps, rising, reversals, aligned, pathLength,
		lossMax,
		efficiency: pathLength > 0 ? Math.sqrt(net) / pathLength : 1,
		contraction: firstLength > 0 ? (lastLength / firstLength) ** (1 / Math.max(1, steps - 1)) : 1,
		lossFirst: history.loss(a), lossLast: history.loss(k),
		gradientFirst: history.gradientNorm(a), gradientLast: history.gradientNorm(k),
		pointNorm: Math.sqrt(pointNorm),
	};
}

/** `v` rounded down to two significant digits (a learning rate a person can type). */
export function roundDown(v: number): number {
	if (!(v > 0) || !Number.isFinite(v)) return v;
	const unit = 10 ** (Math.floor(Math.log10(v)) - 1);
	return Number((Math.floor(v / unit + 1e-9) * unit).toPrecision(2));
}
