/**
 * Canvas drawing shared by the curve and the contour map: axes with round ticks, arrows, points, labels with a halo
 * (readable over any band of the colour map, in any theme). Works in CSS pixels on a context from `CanvasSurface`.
 */
import type { ViewRange } from '../shared/messages';
import { formatNumber } from './formatNumber';
import { niceTicks } from './niceNumbers';
import type { Theme } from './theme';
import { toPixelX, toPixelY, type PlotRect } from './viewTransform';

/** Dark halo behind light marks and light halo behind dark ones. */
export const halo = { dark: 'rgba(0, 0, 0, 0.75)', light: 'rgba(255, 255, 255, 0.85)' };

export function fontOf(theme: Theme, scale = 1, weight = ''): string {
	return `${weight} ${Math.round(theme.fontSize * 0.9 * scale)}px ${theme.font}`.trim();
}

/** Tick labels on the left and bottom edges, faint grid lines, and the axis names. */
export function drawAxes(ctx: CanvasRenderingContext2D, rect: PlotRect, range: ViewRange, theme: Theme, names: { x: string; y: string }, grid = true): void {
	const xs = niceTicks(range.xMin, range.xMax, Math.max(2, Math.floor(rect.width / 90)));
	const ys = niceTicks(range.yMin, range.yMax, Math.max(2, Math.floor(rect.height / 50)));
	ctx.save();
	ctx.font = fontOf(theme);
	ctx.fillStyle = theme.foreground;
	ctx.strokeStyle = theme.gridLine;
	ctx.lineWidth = 1;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'top';
	for (const x of xs) {
		const px = Math.round(toPixelX(range, rect, x)) + 0.5;
		if (grid) line(ctx, px, rect.top, px, rect.top + rect.height);
		ctx.fillText(formatNumber(x, 3), px, rect.top + rect.height + 4);
	}
	ctx.textAlign = 'right';
	ctx.textBaseline = 'middle';
	for (const y of ys) {
		const py = Math.round(toPixelY(range, rect, y)) + 0.5;
		if (grid) line(ctx, rect.left, py, rect.left + rect.width, py);
		ctx.fillText(formatNumber(y, 3), rect.left - 5, py);
	}
	ctx.strokeRect(rect.left + 0.5, rect.top + 0.5, rect.width - 1, rect.height - 1);
	ctx.font = fontOf(theme, 1, 'bold');
	ctx.textAlign = 'right';
	ctx.textBaseline = 'top';
	ctx.fillText(names.x, rect.left + rect.width, rect.top + rect.height + 18);
	// Above the frame at its left edge: clear of the tick labels, which sit left of the frame.
	ctx.textAlign = 'left';
	ctx.textBaseline = 'bottom';
	ctx.fillText(names.y, rect.left, rect.top - 8);
	ctx.restore();
}

/**
 * A muted line of text across the plot: what is computing (in the middle), or why nothing is drawn (`atTop`, clear
 * of the path and the arrows drawn over the plot).
 */
export function drawPlotMessage(ctx: CanvasRenderingContext2D, rect: PlotRect, theme: Theme, text: string, atTop = false): void {
	ctx.save();
	ctx.font = fontOf(theme);
	ctx.fillStyle = theme.muted;
	ctx.textAlign = 'center';
	ctx.textBaseline = atTop ? 'top' : 'alphabetic';
	ctx.fillText(text, rect.left + rect.width / 2, atTop ? rect.top + 8 : rect.top + rect.height / 2);
	ctx.restore();
}

export function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
	ctx.beginPath();
	ctx.moveTo(x0, y0);
	ctx.lineTo(x1, y1);
	ctx.stroke();
}

export interface ArrowStyle {
	readonly color: string;
	readonly width?: number;
	readonly dashed?: boolean;
	readonly head?: number;
	readonly halo?: string;
}

/** An arrow from (x0, y0) to (x1, y1) with a filled head, drawn over a halo. */
export function drawArrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, style: ArrowStyle): void {
	const length = Math.hypot(x1 - x0, y1 - y0);
	if (!(length > 1)) return;
	const head = Math.min(style.head ?? 10, length * 0.6);
	const ux = (x1 - x0) / length;
	const uy = (y1 - y0) / length;
	const bx = x1 - ux * head;
	const by = y1 - uy * head;
	const width = style.width ?? 2;
	const paint = (color: string, extra: number) => {
		ctx.strokeStyle = color;
		ctx.fillStyle = color;
		ctx.lineWidth = width + extra;
		ctx.setLineDash(style.dashed && extra === 0 ? [5, 4] : []);
		line(ctx, x0, y0, bx, by);
		ctx.setLineDash([]);
		ctx.beginPath();
		ctx.moveTo(x1 + ux * extra * 0.5, y1 + uy * extra * 0.5);
		ctx.lineTo(bx - uy * (head * 0.5 + extra * 0.5), by + ux * (head * 0.5 + extra * 0.5));
		ctx.lineTo(bx + uy * (head * 0.5 + extra * 0.5), by - ux * (head * 0.5 + extra * 0.5));
		ctx.closePath();
		ctx.fill();
	};
	ctx.save();
	ctx.lineCap = 'round';
	if (style.halo) paint(style.halo, 3);
	paint(style.color, 0);
	ctx.restore();
}

/** A filled circle with an outline. */
export function drawPoint(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, fill: string | undefined, stroke: string, dashed = false): void {
	ctx.save();
	ctx.beginPath();
	ctx.arc(x, y, radius, 0, 2 * Math.PI);
	if (fill) {
		ctx.fillStyle = fill;
		ctx.fill();
	}
	ctx.setLineDash(dashed ? [3, 2] : []);
	ctx.strokeStyle = stroke;
	ctx.lineWidth = 2;
	ctx.stroke();
	ctx.restore();
}

/** Text with a contrasting outline so it reads over any background. */
export function drawLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, outline: string, font: string, align: CanvasTextAlign = 'left'): void {
	ctx.save();
	ctx.font = font;
	ctx.textAlign = align;
	ctx.textBaseline = 'middle';
	ctx.lineJoin = 'round';
	ctx.lineWidth = 3;
	ctx.strokeStyle = outline;
	ctx.strokeText(text, x, y);
	ctx.fillStyle = color;
	ctx.fillText(text, x, y);
	ctx.restore();
}

/** Keeps a label anchor inside the plot rectangle (with room for the text). */
export function clampLabel(rect: PlotRect, x: number, y: number, width: number): [number, number] {
	return [Math.min(Math.max(x, rect.left + 4), rect.left + rect.width - width - 4), Math.min(Math.max(y, rect.top + 10), rect.top + rect.height - 10)];
}

/** Clamps a pixel coordinate so canvas paths stay well-behaved for far-away points. */
export function clampPixel(v: number): number {
	return v > 1e6 ? 1e6 : v < -1e6 ? -1e6 : v;
}
