/**
 * Answers the panel's `requestLandscape`: loss values on the requested view through the current point, as a curve
 * (one axis) or a grid (two axes). The grid is coarsened (both axes in proportion) so that it stays under 250,000
 * values and under about 40 ms of evaluation at the loss's measured cost per point: a loss over large data gets a
 * coarser map rather than stalling the extension host.
 */
import type { Loss } from '../../engine/compileLoss';
import { sampleLandscape } from '../../engine/landscape/sampleLandscape';
import type { Landscape, RequestLandscapeMessage } from '../../shared/messages';

export const maxLandscapeValues = 250_000;

/** Time budget for one landscape, in milliseconds. */
const budgetMs = 40;

/** Fewest values per axis a coarsened grid keeps. */
const minimumSide = 16;

/** How many values fit the time budget, from the time of a few evaluations at `at`. */
export function affordableValues(loss: Loss, at: ArrayLike<number>): number {
	const x = Float64Array.from(at);
	loss.value(x);
	const start = performance.now();
	let evaluations = 0;
	while (evaluations < 256 && performance.now() - start < 2) {
		loss.value(x);
		evaluations++;
	}
	const perEvaluation = (performance.now() - start) / evaluations;
	return Math.max(minimumSide * minimumSide, Math.floor(budgetMs / perEvaluation));
}

/** `nx × ny` shrunk in proportion (a curve, ny = 1, along x only) to fit the value and time caps. */
export function cappedGrid(loss: Loss, at: ArrayLike<number>, nx: number, ny: number): { nx: number; ny: number } {
	const cap = Math.min(maxLandscapeValues, affordableValues(loss, at));
	if (nx * ny <= cap) return { nx, ny };
	const shrink = ny === 1 ? cap / nx : Math.sqrt(cap / (nx * ny));
	return { nx: Math.max(1, Math.floor(nx * shrink)), ny: ny === 1 ? 1 : Math.max(1, Math.floor(ny * shrink)) };
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
	const { nx, ny } = cappedGrid(loss, at, request.nx, curve ? 1 : request.ny);
	const { range } = request;
	const values = sampleLandscape(loss, { at, axes: [ax, ay], ...range, nx, ny });
	return { kind: curve ? 'curve' : 'grid', range, axes: [ax, ay], nx, ny, values };
}
