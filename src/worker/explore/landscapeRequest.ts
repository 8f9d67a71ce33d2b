/**
 * Answers the panel's `requestLandscape` in the engine's worker: loss values on the requested view through the
 * current point, as a curve (one axis), a grid (two axes) or a grid over a plane the host resolved (n-parameter
 * losses). The grid is coarsened (both axes in proportion) so that it stays under 250,000 values and under about 40 ms
 * of evaluation at the loss's measured cost per point (`engine/landscape/gridBudget.ts`), down to no grid at all: a
 * loss too slow for even a 4 × 4 map gets a reply that says so and costs one evaluation (none once it is known to be
 * too slow).
 */
import { budgetedGrid, sampleLandscape, samplePlane, type GridPlan, type Loss } from '../../engine/index';
import type { Landscape, SlicePlaneInfo } from '../../shared/messages';
import type { LandscapeParams } from './exploreProtocol';

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
function tooSlowLandscape(request: LandscapeParams['request'], msPerEvaluation: number, curve: boolean): Landscape {
	const { range, axes } = request;
	return { kind: curve ? 'curve' : 'grid', range, axes, nx: 0, ny: 0, values: new Float64Array(0), tooSlow: { msPerEvaluation } };
}

/** The landscape for `params` (a plane's when it has one); null when the axes name no parameter of the loss. */
export function landscapeFor(loss: Loss, { at, request, plane }: LandscapeParams): Landscape | null {
	if (plane) return planeLandscapeFor(loss, request, plane);
	const d = loss.params.length;
	const [ax, ay] = request.axes;
	if (ax < 0 || ax >= d || ay >= d || ay === ax) return null;
	const curve = ay < 0;
	const grid = cappedGrid(loss, at, request.nx, curve ? 1 : request.ny);
	if (grid.kind === 'tooSlow') return tooSlowLandscape(request, grid.msPerEvaluation, curve);
	const { nx, ny } = grid;
	const { range } = request;
	const values = sampleLandscape(loss, { at, axes: [ax, ay], ...range, nx, ny });
	return { kind: curve ? 'curve' : 'grid', range, axes: [ax, ay], nx, ny, values };
}

/** The grid over `plane` (its origin the current point); null when its vectors do not fit the loss. */
function planeLandscapeFor(loss: Loss, request: LandscapeParams['request'], plane: SlicePlaneInfo): Landscape | null {
	const d = loss.params.length;
	if (plane.origin.length !== d || plane.u.length !== d || plane.v.length !== d) return null;
	const grid = cappedGrid(loss, plane.origin, request.nx, request.ny);
	if (grid.kind === 'tooSlow') return { ...tooSlowLandscape(request, grid.msPerEvaluation, false), axes: [-1, -1], plane };
	const { nx, ny } = grid;
	const { range } = request;
	const values = samplePlane(loss, { origin: plane.origin, u: plane.u, v: plane.v, ...range, nx, ny });
	return { kind: 'grid', range, axes: [-1, -1], nx, ny, values, plane };
}
