/**
 * Answers the panel's `requestLandscape`: loss values on the requested view through the current point, as a curve
 * (one axis) or a grid (two axes). Grids are capped at 250,000 values (about 50 ms for a small loss) by coarsening
 * both axes in proportion, so a huge request cannot stall the extension host.
 */
import type { Loss } from '../../engine/compileLoss';
import { sampleLandscape } from '../../engine/landscape/sampleLandscape';
import type { Landscape, RequestLandscapeMessage } from '../../protocol/messages';

export const maxLandscapeValues = 250_000;

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
	let nx = request.nx;
	let ny = curve ? 1 : request.ny;
	if (nx * ny > maxLandscapeValues) {
		const shrink = Math.sqrt(maxLandscapeValues / (nx * ny));
		nx = Math.max(1, Math.floor(nx * shrink));
		ny = curve ? 1 : Math.max(1, Math.floor(ny * shrink));
	}
	const { range } = request;
	const values = sampleLandscape(loss, { at, axes: [ax, ay], ...range, nx, ny });
	return { requestId: request.requestId, kind: curve ? 'curve' : 'grid', range, axes: [ax, ay], nx, ny, values };
}
