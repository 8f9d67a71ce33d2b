/**
 * L-BFGS's function evaluations inside the step that reached the current point (its inner iterations and
 * line-search probes), drawn on the contour map: a thin line from where the step began through each probe in order,
 * and a small ring at each. Called by `contourRunPainter.ts`; the host sends the probes with the point.
 */
import { drawPoint, halo } from './plotPainter';

/** Amber, to stand apart from the white path and the pink −∇L arrow on any colour map. */
export const probeColor = '#ffb000';

/**
 * `probes` holds `[x₀ … x_{d−1}, loss]` per evaluation; `from` is where the step began, in pixels, and `at` maps a
 * point (with an offset into its array) to pixels.
 */
export function drawProbes(ctx: CanvasRenderingContext2D, probes: readonly number[], d: number, from: readonly [number, number], at: (x: ArrayLike<number>, offset?: number) => [number, number]): void {
	const count = Math.floor(probes.length / (d + 1));
	if (count === 0) return;
	ctx.save();
	ctx.beginPath();
	ctx.moveTo(from[0], from[1]);
	for (let k = 0; k < count; k++) ctx.lineTo(...at(probes, k * (d + 1)));
	ctx.setLineDash([2, 3]);
	ctx.strokeStyle = probeColor;
	ctx.lineWidth = 1;
	ctx.stroke();
	ctx.restore();
	for (let k = 0; k < count; k++) {
		const [px, py] = at(probes, k * (d + 1));
		drawPoint(ctx, px, py, 3, halo.dark, probeColor);
	}
}
