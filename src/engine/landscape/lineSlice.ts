/**
 * The line-search view: the loss along the steepest-descent line x − α·∇L through the current point, where the
 * optimizer's next step lands on that line (its projection, for optimizers whose step is not along −∇L), the lowest
 * point along the line, and a verdict on the step's length. About 100 loss evaluations for the chart, up to about
 * 50 more to pin the line minimum down.
 *
 * The line minimum is bracketed on the sampled grid (or by doubling α past its end) and refined by golden-section
 * search (Press et al., Numerical Recipes, 3rd ed., §10.2; Kiefer 1953). On a quadratic with Hessian H the exact
 * minimum is α* = gᵀg / gᵀHg (Nocedal & Wright, Numerical Optimization, 2nd ed., eq. 3.26), which the tests use as
 * the oracle. The verdict compares the step's α with α*: on a quadratic a step between ½·α* and 1½·α* gets at least
 * three quarters of the decrease the best step along the line would.
 */
import type { Loss } from '../compileLoss';

/** Why the step is as long as it is: too long (overshoots α*), too short, about right, against −∇L, or no slope. */
export type LineVerdict = 'tooLong' | 'tooShort' | 'aboutRight' | 'backward' | 'flat';

export interface LineSlice {
	/** Loss at α = i·alphaMax/(samples − 1) along x − α·∇L. */
	readonly alphaMax: number;
	readonly values: Float64Array;
	/** Loss at the current point. */
	readonly loss: number;
	/** The next step's projection onto the line (α = lr for plain SGD) and the loss there. */
	readonly stepAlpha: number;
	readonly stepLineLoss: number;
	/** Loss where the step actually lands. */
	readonly stepLoss: number;
	/** Angle between the step and −∇L in degrees (0 for plain SGD). */
	readonly stepAngle: number;
	/** The lowest point along the line; undefined when the loss still falls at the end of the search. */
	readonly minimum: { readonly alpha: number; readonly loss: number } | undefined;
	/** stepAlpha / minimum α (an upper bound on it, from the end of the search, when there is no minimum). */
	readonly ratio: number;
	readonly verdict: LineVerdict;
}

export interface LineSliceOptions {
	/** Chart samples (default 101). */
	readonly samples?: number;
	/** The minimum is first looked for up to this many times the step's α (default 3), then further by doubling. */
	readonly span?: number;
}

/** The verdict's band: α within [lowRatio, highRatio]·α* is about right. */
export const lowRatio = 0.5;
export const highRatio = 1.5;
/** Doublings of α past the chart's end when looking for a minimum beyond it. */
const maxDoublings = 8;

/** The loss along −∇L through `x`, with where the step to `next` lands; `learningRate` scales α when the step does not. */
export function lineSlice(loss: Loss, x: ArrayLike<number>, gradient: ArrayLike<number>, next: ArrayLike<number>, learningRate: number, options: LineSliceOptions = {}): LineSlice {
	const samples = Math.max(3, options.samples ?? 101);
	const span = options.span ?? 3;
	const along = lineFunction(loss, x, gradient);
	const gg = dot(gradient, gradient);
	const step = Float64Array.from(next, (n, i) => n - x[i]!);
	const stepAlpha = gg > 0 ? -dot(step, gradient) / gg : 0;
	const stepLength = Math.sqrt(dot(step, step));
	const stepAngle = gg > 0 && stepLength > 0 ? (Math.acos(Math.max(-1, Math.min(1, stepAlpha * Math.sqrt(gg) / stepLength))) * 180) / Math.PI : 0;
	const loss0 = along(0);
	const stepLoss = loss.value(Float64Array.from(next));
	const reference = stepAlpha > 0 ? stepAlpha : learningRate > 0 ? learningRate : 1;
	if (!(gg > 0)) {
		const values = new Float64Array(samples).fill(loss0);
		return { alphaMax: reference * span, values, loss: loss0, stepAlpha, stepLineLoss: loss0, stepLoss, stepAngle, minimum: undefined, ratio: NaN, verdict: 'flat' };
	}
	const minimum = lineMinimum(along, reference * span, samples);
	// Once the minimum is known, show up to twice it (where a quadratic climbs back to L(0)) or the step, if further.
	const alphaMax = minimum.found ? 1.25 * Math.max(stepAlpha, 2 * minimum.alpha) : reference * span;
	const values = sampleLine(along, alphaMax, samples);
	const ratio = stepAlpha / minimum.alpha;
	const found = minimum.found ? { alpha: minimum.alpha, loss: minimum.loss } : undefined;
	return { alphaMax, values, loss: loss0, stepAlpha, stepLineLoss: along(stepAlpha), stepLoss, stepAngle, minimum: found, ratio, verdict: verdictOf(stepAlpha, ratio, minimum.found) };
}

/** The verdict for a step at `stepAlpha` that is `ratio` times the line minimum's α. */
export function verdictOf(stepAlpha: number, ratio: number, minimumFound: boolean): LineVerdict {
	if (!(stepAlpha > 0)) return 'backward';
	if (!minimumFound || ratio < lowRatio) return 'tooShort';
	return ratio > highRatio ? 'tooLong' : 'aboutRight';
}

/** α ↦ L(x − α·g), reusing one buffer; non-finite losses become +∞ so that they never look like minima. */
function lineFunction(loss: Loss, x: ArrayLike<number>, g: ArrayLike<number>): (alpha: number) => number {
	const point = new Float64Array(x.length);
	return (alpha) => {
		for (let i = 0; i < point.length; i++) point[i] = x[i]! - alpha * g[i]!;
		const value = loss.value(point);
		return Number.isNaN(value) ? Infinity : value;
	};
}

function sampleLine(along: (alpha: number) => number, alphaMax: number, samples: number): Float64Array {
	return Float64Array.from({ length: samples }, (_, i) => along((i * alphaMax) / (samples - 1)));
}

/** The lowest point along the line: bracketed on a grid over [0, end] or by doubling past it, then golden section. */
function lineMinimum(along: (alpha: number) => number, end: number, samples: number): { alpha: number; loss: number; found: boolean } {
	const values = sampleLine(along, end, samples);
	let best = 0;
	for (let i = 1; i < samples; i++) if (values[i]! < values[best]!) best = i;
	const h = end / (samples - 1);
	if (best < samples - 1) return { ...goldenSection(along, Math.max(0, (best - 1) * h), (best + 1) * h), found: true };
	let low = end - h;
	let alpha = end;
	let value = values[best]!;
	for (let k = 0; k < maxDoublings; k++) {
		const further = along(alpha * 2);
		if (!(further < value)) return { ...goldenSection(along, low, alpha * 2), found: true };
		[low, alpha, value] = [alpha, alpha * 2, further];
	}
	return { alpha, loss: value, found: false };
}

/** Golden-section search for a minimum of `f` on [a, b] (Numerical Recipes §10.2), to a relative width of 1e-10. */
function goldenSection(f: (alpha: number) => number, a: number, b: number): { alpha: number; loss: number } {
	const r = (Math.sqrt(5) - 1) / 2;
	let c = b - r * (b - a);
	let d = a + r * (b - a);
	let fc = f(c);
	let fd = f(d);
	for (let i = 0; i < 60 && b - a > 1e-10 * (Math.abs(a) + Math.abs(b)); i++) {
		if (fc < fd) {
			[b, d, fd] = [d, c, fc];
			c = b - r * (b - a);
			fc = f(c);
		} else {
			[a, c, fc] = [c, d, fd];
			d = a + r * (b - a);
			fd = f(d);
		}
	}
	const alpha = (a + b) / 2;
	return { alpha, loss: f(alpha) };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
}
