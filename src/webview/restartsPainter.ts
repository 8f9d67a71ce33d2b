/**
 * Random restarts on a plot (the study note's remedy for local minima): a ring at each start, a thin line to where
 * it ended, and each distinct minimum as a diamond labelled global or local with how many starts reached it. The
 * caller projects parameter points to pixels (2-D: the map's axes; 1-D: x and the loss), so the same painter serves
 * the contour map and the curve. Also the one-line text summary shown under the plot for screen readers.
 */
import type { RestartsInfo } from '../shared/messages';
import { formatNumber } from './formatNumber';
import { clampLabel, drawLabel, fontOf, halo } from './plotPainter';
import type { Strings } from './strings';
import type { Theme } from './theme';
import type { PlotRect } from './viewTransform';

/** Fixed colours that read over the colour maps and both themes. */
export const minimumColors = { global: '#ffd23f', local: '#5fd3ff', diverged: '#ff5a5a' } as const;

/** Pixel position of a point (`coords` = all parameters), with its loss when known; undefined hides it. */
export type Project = (coords: readonly number[], loss?: number) => readonly [number, number] | undefined;

export interface RestartsStyle {
	/** Colour of the start rings and the lines to the ends. */
	readonly line: string;
}

export function drawRestarts(ctx: CanvasRenderingContext2D, r: RestartsInfo, project: Project, rect: PlotRect, theme: Theme, style: RestartsStyle, strings: Strings): void {
	const runs = r.runMinimum.length;
	const d = r.starts.length / Math.max(1, runs);
	ctx.save();
	ctx.lineWidth = 1;
	for (let k = 0; k < runs; k++) {
		const a = project(Array.from(r.starts.subarray(k * d, k * d + d)));
		const b = project(Array.from(r.ends.subarray(k * d, k * d + d)), r.minima[r.runMinimum[k]!]?.loss);
		if (!a) continue;
		ctx.strokeStyle = style.line;
		ctx.globalAlpha = 0.7;
		if (b) {
			ctx.beginPath();
			ctx.moveTo(a[0], a[1]);
			ctx.lineTo(b[0], b[1]);
			ctx.stroke();
		}
		ctx.globalAlpha = 1;
		ctx.beginPath();
		ctx.arc(a[0], a[1], 3, 0, 2 * Math.PI);
		ctx.stroke();
		if (b && r.runMinimum[k]! < 0) drawCross(ctx, b[0], b[1]);
	}
	r.minima.forEach((m) => {
		const p = project(m.x, m.loss);
		if (!p || p[0] < rect.left || p[0] > rect.left + rect.width || p[1] < rect.top || p[1] > rect.top + rect.height) return;
		drawDiamond(ctx, p[0], p[1], minimumColors[m.kind]);
		const text = strings.get(m.kind === 'global' ? 'restarts.global' : 'restarts.local', { count: m.count });
		ctx.font = fontOf(theme, 0.95, 'bold');
		const [lx, ly] = clampLabel(rect, p[0] + 9, p[1] - 10, ctx.measureText(text).width);
		drawLabel(ctx, text, lx, ly, minimumColors[m.kind], halo.dark, ctx.font);
	});
	ctx.restore();
}

/** The box holding every start and end on parameters `ax` and `ay` (ay < 0: x only), for fitting the view. */
export function restartsBounds(r: RestartsInfo, ax: number, ay: number): { xMin: number; xMax: number; yMin: number; yMax: number } {
	const d = r.starts.length / Math.max(1, r.runMinimum.length);
	const box = { xMin: Infinity, xMax: -Infinity, yMin: Infinity, yMax: -Infinity };
	for (const points of [r.starts, r.ends]) {
		for (let k = 0; k + d <= points.length; k += d) {
			const [x, y] = [points[k + ax]!, ay < 0 ? 0 : points[k + ay]!];
			if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
			box.xMin = Math.min(box.xMin, x);
			box.xMax = Math.max(box.xMax, x);
			box.yMin = Math.min(box.yMin, y);
			box.yMax = Math.max(box.yMax, y);
		}
	}
	return box;
}

/** "20 starts found 4 minima: global L = 0 (6 starts); local L = 1.2 (3 starts); …" */
export function restartsSummary(r: RestartsInfo, strings: Strings): string {
	const diverged = r.runMinimum.filter((m) => m < 0).length;
	const minima = r.minima
		.slice(0, 6)
		.map((m) => strings.get(m.kind === 'global' ? 'restarts.globalAt' : 'restarts.localAt', { loss: formatNumber(m.loss), count: m.count }))
		.join('; ');
	const head = strings.get('restarts.summary', { runs: r.runMinimum.length, minima: r.minima.length, diverged });
	return minima ? `${head}: ${minima}` : head;
}

function drawDiamond(ctx: CanvasRenderingContext2D, x: number, y: number, color: string): void {
	const s = 7;
	ctx.beginPath();
	ctx.moveTo(x, y - s);
	ctx.lineTo(x + s, y);
	ctx.lineTo(x, y + s);
	ctx.lineTo(x - s, y);
	ctx.closePath();
	ctx.fillStyle = color;
	ctx.strokeStyle = halo.dark;
	ctx.lineWidth = 2;
	ctx.fill();
	ctx.stroke();
}

function drawCross(ctx: CanvasRenderingContext2D, x: number, y: number): void {
	ctx.save();
	ctx.strokeStyle = minimumColors.diverged;
	ctx.lineWidth = 2;
	ctx.beginPath();
	ctx.moveTo(x - 4, y - 4);
	ctx.lineTo(x + 4, y + 4);
	ctx.moveTo(x + 4, y - 4);
	ctx.lineTo(x - 4, y + 4);
	ctx.stroke();
	ctx.restore();
}
