/**
 * The filled contour map of a 2-D landscape: bands and isolines computed once per grid with d3-contour's marching
 * squares (`contours().size([nx, ny]).thresholds(levels)`), painted into an offscreen canvas that covers the grid's
 * range, then drawn scaled into the current view each frame. Zoom and pan therefore stay smooth while the host
 * computes the grid for the new view.
 *
 * d3-contour places value i of a row at grid coordinate i + 0.5; the host samples x_i = xMin + i·(xMax - xMin)/(nx - 1),
 * so grid coordinate g is x = xMin + (g - 0.5)·Δx. Non-finite values (overflow at the far walls) are put in the top
 * band. Levels: `levels.ts`; colours: `colorMaps.ts`.
 */
import { contours, type ContourMultiPolygon } from 'd3-contour';
import type { Landscape } from '../shared/messages';
import { bandColor, cssColor, relativeLuminance, type ColorMapName } from './colorMaps';
import { chooseLevels, type LevelChoice } from './levels';
import { toPixelX, toPixelY, type PlotRect } from './viewTransform';
import type { ViewRange } from '../shared/messages';

export interface ContourTimings {
	readonly contoursMs: number;
	readonly paintMs: number;
}

const maxImageSide = 2048;
const levelCount = 20;

export class ContourLayer {
	private readonly image = document.createElement('canvas');
	private readonly lines = document.createElement('canvas');
	private landscapeValue: Landscape | undefined;
	private levelsValue: LevelChoice | undefined;
	private geometry: ContourMultiPolygon[] = [];
	private colorMap: ColorMapName = 'viridis';

	get landscape(): Landscape | undefined {
		return this.landscapeValue;
	}

	get levels(): LevelChoice | undefined {
		return this.levelsValue;
	}

	/** The colour of band `band` (0 = below the first level) in the current map. */
	bandColor(band: number): string {
		return cssColor(bandColor(this.colorMap, band, (this.levelsValue?.levels.length ?? 0) + 1));
	}

	/** Computes bands and isolines for `landscape` and paints them for a view with `unitsPerPixel` (device pixels). */
	set(landscape: Landscape, colorMap: ColorMapName, pixelsPerUnit: { x: number; y: number }): ContourTimings {
		const t0 = performance.now();
		const values = finiteCopy(landscape.values);
		this.levelsValue = chooseLevels(landscape.values, levelCount);
		this.geometry = this.levelsValue.levels.length > 0 ? contours().size([landscape.nx, landscape.ny]).thresholds([...this.levelsValue.levels])(values as unknown as number[]) : [];
		this.landscapeValue = landscape;
		this.colorMap = colorMap;
		const t1 = performance.now();
		this.paint(pixelsPerUnit);
		return { contoursMs: t1 - t0, paintMs: performance.now() - t1 };
	}

	/** Repaints the current grid (new colour map, or a zoom that changed the resolution a lot). */
	repaint(colorMap: ColorMapName, pixelsPerUnit: { x: number; y: number }): void {
		this.colorMap = colorMap;
		if (this.landscapeValue) this.paint(pixelsPerUnit);
	}

	/** Image pixels per parameter unit on x, to tell when a repaint would be sharper. */
	get resolution(): number {
		const l = this.landscapeValue;
		return l ? this.image.width / (l.range.xMax - l.range.xMin) : 0;
	}

	/** Draws the filled bands into the view, clipped to the plot rectangle. */
	draw(ctx: CanvasRenderingContext2D, range: ViewRange, rect: PlotRect): void {
		const l = this.landscapeValue;
		if (l && this.image.width > 0) drawImageOver(ctx, this.image, l.range, range, rect, true);
	}

	/** Draws the isolines (separately, so an overlay such as the basin map can go between bands and lines). */
	drawLines(ctx: CanvasRenderingContext2D, range: ViewRange, rect: PlotRect): void {
		const l = this.landscapeValue;
		if (l && this.lines.width > 0) drawImageOver(ctx, this.lines, l.range, range, rect, true);
	}

	private paint(pixelsPerUnit: { x: number; y: number }): void {
		const l = this.landscapeValue!;
		const levels = this.levelsValue!.levels;
		const width = clampSide((l.range.xMax - l.range.xMin) * pixelsPerUnit.x);
		const height = clampSide((l.range.yMax - l.range.yMin) * pixelsPerUnit.y);
		this.image.width = width;
		this.image.height = height;
		const ctx = this.image.getContext('2d')!;
		const bands = levels.length + 1;
		ctx.fillStyle = cssColor(bandColor(this.colorMap, 0, bands));
		ctx.fillRect(0, 0, width, height);
		const sx = width / Math.max(1, l.nx - 1);
		const sy = height / Math.max(1, l.ny - 1);
		const paths = this.geometry.map((polygon) => toPath(polygon, sx, sy, height));
		paths.forEach((path, k) => {
			ctx.fillStyle = cssColor(bandColor(this.colorMap, k + 1, bands));
			ctx.fill(path, 'evenodd');
		});
		this.lines.width = width;
		this.lines.height = height;
		const lines = this.lines.getContext('2d')!;
		lines.lineWidth = Math.max(1, Math.min(width, height) / 600);
		paths.forEach((path, k) => {
			// Dark isolines over light bands, light ones over dark bands.
			const light = relativeLuminance(bandColor(this.colorMap, k + 1, bands)) > 0.3;
			lines.strokeStyle = light ? 'rgba(0, 0, 0, 0.45)' : 'rgba(255, 255, 255, 0.45)';
			lines.stroke(path);
		});
	}
}

/** One Path2D for a MultiPolygon, from grid coordinates to image pixels (y up in parameter space). */
function toPath(polygon: ContourMultiPolygon, sx: number, sy: number, height: number): Path2D {
	const path = new Path2D();
	for (const rings of polygon.coordinates) {
		for (const ring of rings) {
			for (let i = 0; i < ring.length; i++) {
				const p = ring[i]!;
				const x = (p[0]! - 0.5) * sx;
				const y = height - (p[1]! - 0.5) * sy;
				if (i === 0) path.moveTo(x, y);
				else path.lineTo(x, y);
			}
			path.closePath();
		}
	}
	return path;
}

/** Values with NaN and ±∞ replaced: +∞ and NaN above every finite value, −∞ below. */
function finiteCopy(values: Float64Array): Float64Array {
	let min = Infinity;
	let max = -Infinity;
	for (const v of values) {
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	const span = Number.isFinite(max - min) ? max - min + 1 : 1;
	return values.map((v) => (Number.isFinite(v) ? v : v === -Infinity ? min - span : max + span));
}

const clampSide = (side: number) => Math.max(2, Math.min(maxImageSide, Math.round(Number.isFinite(side) ? side : 2)));

/** Draws `image`, which covers `area` in parameter space, into the view `range`, clipped to the plot rectangle. */
export function drawImageOver(ctx: CanvasRenderingContext2D, image: CanvasImageSource, area: ViewRange, range: ViewRange, rect: PlotRect, smooth: boolean): void {
	const x0 = toPixelX(range, rect, area.xMin);
	const x1 = toPixelX(range, rect, area.xMax);
	const y0 = toPixelY(range, rect, area.yMax);
	const y1 = toPixelY(range, rect, area.yMin);
	ctx.save();
	ctx.beginPath();
	ctx.rect(rect.left, rect.top, rect.width, rect.height);
	ctx.clip();
	ctx.imageSmoothingEnabled = smooth;
	ctx.drawImage(image, x0, y0, x1 - x0, y1 - y0);
	ctx.restore();
}
