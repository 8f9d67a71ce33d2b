/**
 * What the contour map draws at the current point: the point itself, the downhill direction −∇L (scaled to a fixed
 * on-screen length for visibility, since the true step may be a fraction of a pixel or larger than the view), and
 * the next step as a ghost point with a dashed arrow, drawn before the step is taken. Labels are placed so they do
 * not overlap each other. Colours are fixed, not themed: they must contrast with the colour map underneath.
 */
import { clampLabel, drawArrow, drawLabel, drawPoint, fontOf, halo } from './plotPainter';
import type { Theme } from './theme';
import type { PlotRect } from './viewTransform';

export const mapColors = {
	trajectory: '#ffffff',
	current: '#ffffff',
	downhill: '#ff6ec7',
	next: '#ffffff',
} as const;

export interface MarkerInput {
	/** Current point and next point in CSS pixels. */
	readonly x: number;
	readonly y: number;
	readonly nextX: number;
	readonly nextY: number;
	/** First point of the run in CSS pixels. */
	readonly startX: number;
	readonly startY: number;
	/** −∇L mapped to pixel space (any length; only its direction is used). */
	readonly downhillX: number;
	readonly downhillY: number;
	/** Arrow length as a fraction of the maximum, from `downhillScale`; 0 hides it. */
	readonly downhillScale: number;
	readonly labels: { readonly downhill: string; readonly next: string };
}

/**
 * How long to draw −∇L: log-scaled by |∇L| over the largest gradient norm of the run, so it shrinks as the run
 * settles (a decade less is a sixth shorter) and disappears below a millionth, where its direction is rounding noise.
 */
export function downhillScale(gradientNorm: number, largestNorm: number): number {
	const ratio = gradientNorm / largestNorm;
	if (!(ratio > 1e-6) || !Number.isFinite(ratio)) return 0;
	return Math.max(0.25, Math.min(1, 1 + Math.log10(ratio) / 6));
}

export function drawMapMarkers(ctx: CanvasRenderingContext2D, rect: PlotRect, m: MarkerInput, theme: Theme): void {
	const font = fontOf(theme, 1, 'bold');
	ctx.save();
	ctx.font = font;
	const place = labelPlacer(ctx, rect, font);
	ctx.fillStyle = mapColors.current;
	ctx.strokeStyle = halo.dark;
	ctx.lineWidth = 2;
	ctx.strokeRect(m.startX - 4, m.startY - 4, 8, 8);
	ctx.fillRect(m.startX - 3, m.startY - 3, 6, 6);
	const nextDistance = Math.hypot(m.nextX - m.x, m.nextY - m.y);
	if (nextDistance > 3) drawArrow(ctx, m.x, m.y, m.nextX, m.nextY, { color: mapColors.next, dashed: true, width: 1.5, head: 8, halo: halo.dark });
	drawPoint(ctx, m.nextX, m.nextY, 5, undefined, mapColors.next, true);
	const norm = Math.hypot(m.downhillX, m.downhillY);
	if (norm > 0 && Number.isFinite(norm) && m.downhillScale > 0) {
		const length = m.downhillScale * Math.max(40, Math.min(90, 0.15 * Math.min(rect.width, rect.height)));
		const [ux, uy] = [m.downhillX / norm, m.downhillY / norm];
		const tipX = m.x + ux * length;
		const tipY = m.y + uy * length;
		drawArrow(ctx, m.x, m.y, tipX, tipY, { color: mapColors.downhill, width: 2.5, head: 11, halo: halo.dark });
		// Beside the tip on the side where text runs away from the arrow; past the tip when the arrow is level.
		const [px, py] = -uy >= 0 ? [-uy, ux] : [uy, -ux];
		if (px > 0.3) place(m.labels.downhill, tipX + px * 12, tipY + py * 12, 'left');
		else place(m.labels.downhill, tipX + ux * (ctx.measureText(m.labels.downhill).width / 2 + 10), tipY + uy * 14, 'center');
	}
	drawPoint(ctx, m.x, m.y, 5.5, mapColors.current, halo.dark);
	if (nextDistance > 12) place(m.labels.next, m.nextX + 8, m.nextY + 12, 'left');
	ctx.restore();
}

/** Draws labels inside `rect`, moving each one down or up past the labels placed before it. */
function labelPlacer(ctx: CanvasRenderingContext2D, rect: PlotRect, font: string): (text: string, x: number, y: number, align: 'left' | 'center') => void {
	const placed: [number, number, number][] = [];
	return (text, x, y, align) => {
		const width = ctx.measureText(text).width;
		const [lx, ly] = labelSpot(rect, placed, align === 'center' ? x - width / 2 : x, y, width);
		placed.push([lx, ly, width]);
		drawLabel(ctx, text, lx, ly, '#ffffff', halo.dark, font);
	};
}

/**
 * Where a label of `width` goes near (x, y): inside `rect` (its text is 16 px tall, centred on the returned y),
 * moved down or up past the labels placed before it, and never pushed out over the plot's top or bottom edge.
 */
export function labelSpot(rect: PlotRect, placed: readonly (readonly [number, number, number])[], x: number, y: number, width: number): [number, number] {
	const [lx, y0] = clampLabel(rect, x, y, width);
	const [top, bottom] = [rect.top + 10, rect.top + rect.height - 10];
	const free = (ly: number) => ly >= top && ly <= bottom && placed.every(([px, py, pw]) => !(Math.abs(ly - py) < 16 && lx < px + pw && px < lx + width));
	for (let shift = 0; shift <= rect.height; shift += 4) {
		if (free(y0 + shift)) return [lx, y0 + shift];
		if (free(y0 - shift)) return [lx, y0 - shift];
	}
	return [lx, y0];
}
