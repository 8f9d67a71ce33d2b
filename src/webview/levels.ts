/**
 * Contour levels for a grid of loss values: linear with round steps when the values are spread evenly, geometric
 * (log-spaced) above the minimum when most of the grid sits near the bottom of a steep bowl (Rosenbrock,
 * Himmelblau), where linear levels would leave the valley in one band.
 *
 * The rule: let `span = max - min` and `low` the 5 % quantile of `value - min`. Linear levels put about 1/count of
 * the span in each band, so the valley is resolved only if `low` is a fair fraction of the span. When `span / low`
 * exceeds 100 (more than two decades between the valley floor and the walls), levels are `min + a * (span/a)^(k/n)`
 * with `a = low`: the lowest 5 % of the grid is the first band and every band above spans the same ratio. Shifting
 * by `min` makes this work for losses that are zero or negative at the bottom. Non-finite values are ignored.
 */
import { niceStep } from './niceNumbers';

export interface LevelChoice {
	/** Strictly increasing, each inside (min, max). Band k holds values in [levels[k-1], levels[k]). */
	readonly levels: readonly number[];
	readonly scale: 'linear' | 'log';
	readonly min: number;
	readonly max: number;
}

/** Decades between the lowest 5 % and the top above which levels become log-spaced. */
export const logDecadesThreshold = 2;
const sampleLimit = 4096;

/** Chooses about `count` levels for `values` (see the file header for the rule). */
export function chooseLevels(values: ArrayLike<number>, count = 20): LevelChoice {
	const [min, max] = finiteExtent(values);
	if (!(max > min) || !Number.isFinite(max - min)) return { levels: [], scale: 'linear', min, max };
	const span = max - min;
	const low = lowQuantile(values, min, 0.05);
	const decades = low > 0 ? Math.log10(span / low) : Infinity;
	if (decades > logDecadesThreshold) return { levels: logLevels(min, span, Math.max(low, span * 1e-6), count), scale: 'log', min, max };
	return { levels: linearLevels(min, max, count), scale: 'linear', min, max };
}

/** Round, evenly spaced levels strictly inside (min, max). */
export function linearLevels(min: number, max: number, count: number): number[] {
	const step = niceStep((max - min) / Math.max(1, count));
	const k0 = Math.floor(min / step) + 1;
	const levels: number[] = [];
	// Bounded by index, not by value: near 1e16 steps, `k + 1 === k` and a value loop would never end.
	for (let i = 0; i < 4 * count + 2; i++) {
		const level = (k0 + i) * step;
		if (level >= max) break;
		if (level > min && (levels.length === 0 || level > levels[levels.length - 1]!)) levels.push(level);
	}
	return levels.length > 0 ? levels : evenLevels(min, max, count);
}

/** `count` levels splitting (min, max) evenly, without rounding (for spans too small for round steps). */
function evenLevels(min: number, max: number, count: number): number[] {
	const levels: number[] = [];
	for (let k = 1; k <= count; k++) {
		const level = min + ((max - min) * k) / (count + 1);
		if (level > min && level < max && (levels.length === 0 || level > levels[levels.length - 1]!)) levels.push(level);
	}
	return levels;
}

/** `count` levels `min + a·(span/a)^(k/count)`, k = 0..count-1: a constant ratio between successive heights. */
export function logLevels(min: number, span: number, a: number, count: number): number[] {
	const levels: number[] = [];
	const ratio = Math.log(span / a);
	for (let k = 0; k < count; k++) {
		const level = min + a * Math.exp((ratio * k) / count);
		// At extreme magnitudes `min + tiny` rounds back to `min`; keep the list strictly increasing.
		if (level > min && level < min + span && (levels.length === 0 || level > levels[levels.length - 1]!)) levels.push(level);
	}
	return levels;
}

/** The band of `value`: 0 below the first level, levels.length at or above the last. */
export function bandOf(levels: readonly number[], value: number): number {
	let lo = 0;
	let hi = levels.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value >= levels[mid]!) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function finiteExtent(values: ArrayLike<number>): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	// A second pass only when infinities got in (divergent corners of a grid): they must not set the range.
	if (Number.isFinite(min) && Number.isFinite(max)) return [min, max];
	min = Infinity;
	max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return [min, max];
}

/** The `q` quantile of `value - min` over finite values, from an evenly strided sample of at most 4096. */
function lowQuantile(values: ArrayLike<number>, min: number, q: number): number {
	const stride = Math.max(1, Math.floor(values.length / sampleLimit));
	const sample = new Float64Array(Math.ceil(values.length / stride));
	let n = 0;
	for (let i = 0; i < values.length; i += stride) {
		const v = values[i]!;
		if (Number.isFinite(v)) sample[n++] = v - min;
	}
	const sorted = sample.subarray(0, n).sort();
	return n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(q * n))]!;
}
