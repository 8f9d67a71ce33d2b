/**
 * The strong-Wolfe line search of L-BFGS (lbfgs.ts): a transcription of `_strong_wolfe` and `_cubic_interpolate`
 * in torch/optim/lbfgs.py (PyTorch 2.x, unchanged since 1.13), itself ported from Mark Schmidt's minFunc
 * (https://www.cs.ubc.ca/~schmidtm/Software/minFunc.html); Nocedal & Wright, "Numerical Optimization" (2nd ed.),
 * Algorithms 3.5 (bracketing) and 3.6 (zoom). Operations are in PyTorch's order so results match in float64.
 */

/** The loss and gradient at `x + t·d`, for a step length `t`. */
export type DirectionalEvaluate = (t: number) => { readonly loss: number; readonly gradient: Float64Array };

export interface LineSearchResult {
	readonly loss: number;
	readonly gradient: Float64Array;
	readonly t: number;
	/** Function evaluations the search made. */
	readonly evaluations: number;
}

/** `x·y`, summed left to right. */
export function dot(x: Float64Array, y: Float64Array): number {
	let sum = 0;
	for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
	return sum;
}

/** The largest |x_i| (PyTorch's `x.abs().max()`). */
export function maxAbs(x: Float64Array): number {
	let max = 0;
	for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]!));
	return max;
}

/** Minimizer of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to `bounds` (default: between them). */
export function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: readonly [number, number]): number {
	const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
	const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
	const d2Square = d1 * d1 - g1 * g2;
	if (!(d2Square >= 0)) return (lo + hi) / 2;
	const d2 = Math.sqrt(d2Square);
	const minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
	return Math.min(Math.max(minPos, lo), hi);
}

interface Probe {
	t: number;
	f: number;
	g: Float64Array;
	gtd: number;
}

/** PyTorch's constants: sufficient decrease c1, curvature c2, and at most 25 evaluations. */
const c1 = 1e-4;
const c2 = 0.9;
const maxLs = 25;

/**
 * A step length along `d` from the point where the loss is `f`, the gradient `g` and the slope `gtd = g·d`,
 * starting from `t`, that satisfies the strong Wolfe conditions (or the best found within 25 evaluations).
 */
export function strongWolfe(evaluate: DirectionalEvaluate, t: number, d: Float64Array, f: number, g: Float64Array, gtd: number, toleranceChange: number): LineSearchResult {
	const dNorm = maxAbs(d);
	const start: Probe = { t: 0, f, g: Float64Array.from(g), gtd };
	let probe = probeAt(evaluate, t, d);
	let evaluations = 1;
	let previous = start;
	let bracket: Probe[] | undefined;
	let done = false;
	let lsIter = 0;
	while (lsIter < maxLs) {
		if (probe.f > f + c1 * probe.t * gtd || (lsIter > 1 && probe.f >= previous.f)) {
			bracket = [previous, probe];
			break;
		}
		if (Math.abs(probe.gtd) <= -c2 * gtd) {
			bracket = [probe];
			done = true;
			break;
		}
		if (probe.gtd >= 0) {
			bracket = [previous, probe];
			break;
		}
		const next = cubicInterpolate(previous.t, previous.f, previous.gtd, probe.t, probe.f, probe.gtd, [probe.t + 0.01 * (probe.t - previous.t), probe.t * 10]);
		previous = probe;
		probe = probeAt(evaluate, next, d);
		evaluations++;
		lsIter++;
	}
	if (lsIter === maxLs || bracket === undefined) bracket = [start, probe];
	const zoomed = done ? { low: 0, evaluations: 0 } : zoom(evaluate, bracket, { f, gtd, d, dNorm, lsIter, toleranceChange });
	const best = bracket[zoomed.low]!;
	return { loss: best.f, gradient: best.g, t: best.t, evaluations: evaluations + zoomed.evaluations };
}

interface ZoomInput {
	readonly f: number;
	readonly gtd: number;
	readonly d: Float64Array;
	readonly dNorm: number;
	readonly lsIter: number;
	readonly toleranceChange: number;
}

/** The zoom phase: shrinks `bracket` (in place) by cubic interpolation; returns the index of its low end. */
function zoom(evaluate: DirectionalEvaluate, bracket: Probe[], input: ZoomInput): { low: number; evaluations: number } {
	const { f, gtd, d, dNorm, toleranceChange } = input;
	let [low, high] = bracket[0]!.f <= bracket[bracket.length - 1]!.f ? [0, 1] : [1, 0];
	let insufficientProgress = false;
	let evaluations = 0;
	for (let lsIter = input.lsIter; lsIter < maxLs; ) {
		const [a, b] = bracket as [Probe, Probe];
		if (Math.abs(b.t - a.t) * dNorm < toleranceChange) break;
		let t = cubicInterpolate(a.t, a.f, a.gtd, b.t, b.f, b.gtd);
		const top = Math.max(a.t, b.t);
		const bottom = Math.min(a.t, b.t);
		const eps = 0.1 * (top - bottom);
		if (Math.min(top - t, t - bottom) < eps) {
			if (insufficientProgress || t >= top || t <= bottom) {
				t = Math.abs(t - top) < Math.abs(t - bottom) ? top - eps : bottom + eps;
				insufficientProgress = false;
			} else insufficientProgress = true;
		} else insufficientProgress = false;
		const probe = probeAt(evaluate, t, d);
		evaluations++;
		lsIter++;
		if (probe.f > f + c1 * t * gtd || probe.f >= bracket[low]!.f) {
			bracket[high] = probe;
			[low, high] = bracket[0]!.f <= bracket[1]!.f ? [0, 1] : [1, 0];
			continue;
		}
		const finished = Math.abs(probe.gtd) <= -c2 * gtd;
		if (!finished && probe.gtd * (bracket[high]!.t - bracket[low]!.t) >= 0) bracket[high] = bracket[low]!;
		bracket[low] = probe;
		if (finished) break;
	}
	return { low, evaluations };
}

function probeAt(evaluate: DirectionalEvaluate, t: number, d: Float64Array): Probe {
	const { loss, gradient } = evaluate(t);
	return { t, f: loss, g: Float64Array.from(gradient), gtd: dot(gradient, d) };
}
