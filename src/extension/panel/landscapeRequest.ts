/**
 * Answers the panel's `requestLandscape`: loss values on the requested view through the current point, as a curve
 * (one axis) or a grid (two axes). The grid is coarsened (both axes in proportion) so that it stays under 250,000
 * values and under about 40 ms of evaluation at the loss's measured cost per point (`engine/landscape/gridBudget.ts`),
 * down to no grid at all: a loss too slow for even a 4 × 4 map gets a reply that says so and costs one evaluation
 * (none once it is known to be too slow), rather than stalling the thread for seconds.
 */
import type { Loss } from '../../engine/compileLoss';
import { budgetedGrid, type GridPlan } from '../../engine/landscape/gridBudget';
import { sampleLandscape } from '../../engine/landscape/sampleLandscape';
import type { Landscape, RequestLandscapeMessage } from '../../shared/messages';

export const maxLandscapeValues = 250_000;

/** Time budget for one landscape, in milliseconds. */
const budgetMs = 40;

/** Losses found too slow to draw, with their cost per evaluation: later maps of them are not even measured. */
const tooSlowLosses = new WeakMap<Loss, number>();

/** `nx × ny` shrunk in proportion (a curve, ny = 1, along x only) to fit the value and time caps, or `tooSlow`. */
export function cappedGrid(loss: Loss, at: ArrayLike<number>, nx: number, ny: number): GridPlan {
	const known = tooSlowLosses.get(loss);
	if (known !== undefined) return { kind: 'tooSlow', msPerEvaluation: known };
	const x = Float64Array.from(at);
	const plan = budgetedGrid(() => loss.value(x), nx, ny, { budgetMs, maxValues: maxLandscapeValues, now: () => performance.now() });
	if (plan.kind === 'tooSlow') tooSlowLosses.set(loss, plan.msPerEvaluation);
	return plan;
}

/** The reply for a loss too slow to draw: no values, its cost per evaluation. */
export function tooSlowLandscape(request: RequestLandscapeMessage, msPerEvaluation: number, curve: boolean): Landscape {
	const { range, axes } = request;
	return { kind: curve ? 'curve' : 'grid', range, axes, nx: 0, ny: 0, values: new Float64Array(0), tooSlow: { msPerEvaluation } };
}

/** The landscape for `request` through `at`; undefined when the axes name no parameter of the loss. */
export function landscapeFor(
	loss: Loss,
	at: ArrayLike<number>,
	request: RequestLandscapeMessage,
): Landscape | undefined {
	const d = loss.params.length;
	const [ax, ay] = request.axes;
	if (ax < 0 || ax >= d || ay >= d || ay === ax) return undefined;
	const curve = ay < 0;
	const plan = cappedGrid(loss, at, request.nx, curve ? 1 : request.ny);
	if (plan.kind === 'tooSlow') return tooSlowLandscape(request, plan.msPerEvaluation, curve);
	const { nx, ny } = plan;
	const { range } = request;
	const values = sampleLandscape(loss, { at, axes: [ax, ay], ...range, nx, ny });
	return { kind: curve ? 'curve' : 'grid', range, axes: [ax, ay], nx, ny, values };
}
