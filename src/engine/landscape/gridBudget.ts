/**
 * How many loss values a landscape can afford: the grid the panel asked for, shrunk in proportion until its
 * evaluations fit a time budget, down to no grid at all for a loss too slow to draw. The cost per evaluation is
 * measured on a clock the caller passes (the host's `performance.now`, a fake clock in tests), and the measurement
 * itself stops as soon as one evaluation has used the whole budget, so a loss of 140 ms per evaluation costs one
 * evaluation, not the 256 of a 16 × 16 floor.
 */

/** Limits of one landscape. */
export interface GridBudget {
	/** Time for all of its evaluations, in ms. */
	readonly budgetMs: number;
	/** Values at most, however cheap the loss. */
	readonly maxValues: number;
	/** Milliseconds since any fixed moment. */
	readonly now: () => number;
}

/** The grid to compute, or why there is none. */
export type GridPlan =
	| { readonly kind: 'grid'; readonly nx: number; readonly ny: number }
	| { readonly kind: 'tooSlow'; readonly msPerEvaluation: number };

/** Fewest values per axis of a map worth drawing. */
export const minimumGridSide = 4;
/** Fewest points of a curve worth drawing. */
export const minimumCurvePoints = 8;

/** How long the measurement runs at most, in ms of the clock, after its first evaluation. */
const measureMs = 2;
/** Evaluations the measurement takes at most. */
const measureCount = 256;

/**
 * The mean time of one call of `evaluate`: its first call, then repeated calls for up to 2 ms or 256 calls. Stops
 * after the first call when that one already took `budgetMs` (the grid will not fit anyway).
 */
export function timeEvaluation(evaluate: () => void, now: () => number, budgetMs: number): number {
	let start = now();
	evaluate();
	const first = now() - start;
	if (first >= budgetMs) return first;
	start = now();
	let count = 0;
	while (count < measureCount && now() - start < measureMs) {
		evaluate();
		count++;
	}
	return count > 0 ? (now() - start) / count : first;
}

/**
 * `nx × ny` (a curve: `ny` = 1) shrunk in proportion to fit `budget` at `msPerEvaluation`, or `tooSlow` when fewer
 * than `minimumGridSide` values per axis (`minimumCurvePoints` on a curve) would fit.
 */
export function planGrid(nx: number, ny: number, msPerEvaluation: number, budget: Omit<GridBudget, 'now'>): GridPlan {
	const affordable = msPerEvaluation > 0 ? Math.floor(budget.budgetMs / msPerEvaluation) : Infinity;
	const cap = Math.min(budget.maxValues, affordable);
	const curve = ny === 1;
	const tooSlow = { kind: 'tooSlow', msPerEvaluation } as const;
	if (nx * ny <= cap) return { kind: 'grid', nx, ny };
	if (curve) return cap >= minimumCurvePoints ? { kind: 'grid', nx: Math.floor(cap), ny: 1 } : tooSlow;
	const shrink = Math.sqrt(cap / (nx * ny));
	const [sx, sy] = [Math.floor(nx * shrink), Math.floor(ny * shrink)];
	return Math.min(sx, sy) >= minimumGridSide ? { kind: 'grid', nx: sx, ny: sy } : tooSlow;
}

/** The grid whose values (each a call of `evaluate`) fit `budget`: measures their cost, then plans (see `planGrid`). */
export function budgetedGrid(evaluate: () => void, nx: number, ny: number, budget: GridBudget): GridPlan {
	const msPerEvaluation = timeEvaluation(evaluate, budget.now, budget.budgetMs);
	return planGrid(nx, ny, msPerEvaluation, budget);
}
