/**
 * Brute force, the study note's counter-example to gradient descent: evaluate the loss at every point of a grid of
 * `k` values per axis and keep the best. Over a 2-D view that is k² evaluations; over all n parameters it would be
 * kⁿ, which `bruteForceCombinations` gives as a power of ten (the note's 1000^500000 = 10^1500000).
 */
import type { Loss } from '../compileLoss';

export interface GridSearchRequest {
	/** The point the search goes through (parameters off the axes keep these values). */
	readonly at: ArrayLike<number>;
	/** Parameter indices searched; y = -1 for one parameter. */
	readonly axes: readonly [number, number];
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
	/** Values per axis (ends included). */
	readonly k: number;
}

export interface GridSearchResult {
	readonly evaluations: number;
	/** The best point (all parameters) and its loss; NaN when no value was finite. */
	readonly best: Float64Array;
	readonly bestLoss: number;
}

/** Evaluates every grid point (kᵈ with d = 1 or 2 axes) and returns the lowest. */
export function gridSearch(loss: Loss, request: GridSearchRequest): GridSearchResult {
	const [ax, ay] = request.axes;
	const { k } = request;
	const rows = ay < 0 ? 1 : k;
	const x = Float64Array.from(request.at);
	const best = Float64Array.from(request.at);
	let bestLoss = NaN;
	const at = (lo: number, hi: number, i: number) => (k > 1 ? lo + ((hi - lo) * i) / (k - 1) : lo);
	for (let r = 0; r < rows; r++) {
		if (ay >= 0) x[ay] = at(request.yMin, request.yMax, r);
		for (let c = 0; c < k; c++) {
			x[ax] = at(request.xMin, request.xMax, c);
			const value = loss.value(x);
			if (Number.isFinite(value) && !(value >= bestLoss)) {
				bestLoss = value;
				best.set(x);
			}
		}
	}
	return { evaluations: rows * k, best, bestLoss };
}

/** log₁₀ of kⁿ: the number of grid points of `k` values per parameter over `n` parameters, as a power of ten. */
export function bruteForceCombinations(k: number, n: number): number {
	return n * Math.log10(k);
}
