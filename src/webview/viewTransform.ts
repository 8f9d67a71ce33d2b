/**
 * Parameter space ↔ canvas pixels for the 1-D curve and the 2-D map, and the view moves (zoom about a point, pan,
 * fit, resize). A view is a `ViewRange` over a plot rectangle in CSS pixels; y grows upwards in parameter space
 * and downwards on the canvas. Pure functions; tested for round trips and the fixed point of a zoom.
 */
import type { ViewRange } from '../shared/messages';
import type { AxisMaps } from './decimate';

/** The drawing area inside the canvas, in CSS pixels. */
export interface PlotRect {
	readonly left: number;
	readonly top: number;
	readonly width: number;
	readonly height: number;
}

export function toPixelX(range: ViewRange, rect: PlotRect, x: number): number {
	return rect.left + ((x - range.xMin) / (range.xMax - range.xMin)) * rect.width;
}

export function toPixelY(range: ViewRange, rect: PlotRect, y: number): number {
	return rect.top + ((range.yMax - y) / (range.yMax - range.yMin)) * rect.height;
}

export function fromPixelX(range: ViewRange, rect: PlotRect, px: number): number {
	return range.xMin + ((px - rect.left) / rect.width) * (range.xMax - range.xMin);
}

export function fromPixelY(range: ViewRange, rect: PlotRect, py: number): number {
	return range.yMax - ((py - rect.top) / rect.height) * (range.yMax - range.yMin);
}

/** The same mapping as the functions above, as per-axis affine coefficients (for tight loops). */
export function axisMaps(range: ViewRange, rect: PlotRect): AxisMaps {
	const sx = rect.width / (range.xMax - range.xMin);
	const sy = -rect.height / (range.yMax - range.yMin);
	return { sx, ox: rect.left - range.xMin * sx, sy, oy: rect.top - range.yMax * sy };
}

/**
 * The range after zooming by `factor` (< 1 zooms in) about the parameter-space point (ax, ay): that point keeps its
 * pixel position. For a curve pass `zoomY = false` to keep the y range.
 */
export function zoomAbout(range: ViewRange, ax: number, ay: number, factor: number, zoomY = true): ViewRange {
	const fy = zoomY ? factor : 1;
	return {
		xMin: ax - (ax - range.xMin) * factor,
		xMax: ax + (range.xMax - ax) * factor,
		yMin: ay - (ay - range.yMin) * fy,
		yMax: ay + (range.yMax - ay) * fy,
	};
}

/** The range moved so that content follows the pointer by (dxPx, dyPx) pixels. */
export function panByPixels(range: ViewRange, rect: PlotRect, dxPx: number, dyPx: number): ViewRange {
	const dx = (-dxPx / rect.width) * (range.xMax - range.xMin);
	const dy = (dyPx / rect.height) * (range.yMax - range.yMin);
	return { xMin: range.xMin + dx, xMax: range.xMax + dx, yMin: range.yMin + dy, yMax: range.yMax + dy };
}

/**
 * A range around the box [xMin, xMax] × [yMin, yMax] padded by `pad` of its span (at least `minSpan` wide), shaped
 * to the plot rectangle. With `equalAspect`, one unit is the same number of pixels on both axes, so the −∇L arrow is
 * drawn perpendicular to the isolines; that is skipped when the two spans differ by more than `maxAspect`.
 */
export function fitRange(box: ViewRange, rect: PlotRect, options: { pad?: number; minSpan?: number; equalAspect?: boolean; maxAspect?: number } = {}): ViewRange {
	const { pad = 0.15, minSpan = 1e-6, equalAspect = true, maxAspect = 10 } = options;
	const padded = (lo: number, hi: number): [number, number] => {
		const span = Math.max(hi - lo, minSpan, Math.abs((lo + hi) / 2) * 1e-9);
		const c = (lo + hi) / 2;
		const half = (span * (1 + 2 * pad)) / 2;
		return [c - half, c + half];
	};
	let [xMin, xMax] = padded(box.xMin, box.xMax);
	let [yMin, yMax] = padded(box.yMin, box.yMax);
	const unitsX = (xMax - xMin) / rect.width;
	const unitsY = (yMax - yMin) / rect.height;
	if (equalAspect && Math.max(unitsX, unitsY) / Math.min(unitsX, unitsY) <= maxAspect) {
		const units = Math.max(unitsX, unitsY);
		[xMin, xMax] = around((xMin + xMax) / 2, (units * rect.width) / 2);
		[yMin, yMax] = around((yMin + yMax) / 2, (units * rect.height) / 2);
	}
	return { xMin, xMax, yMin, yMax };
}

/** The range after the plot rectangle changed size: same centre, same units per pixel. */
export function resizeRange(range: ViewRange, from: PlotRect, to: PlotRect): ViewRange {
	if (from.width <= 0 || from.height <= 0) return range;
	const halfX = ((range.xMax - range.xMin) / from.width) * to.width * 0.5;
	const halfY = ((range.yMax - range.yMin) / from.height) * to.height * 0.5;
	const [xMin, xMax] = around((range.xMin + range.xMax) / 2, halfX);
	const [yMin, yMax] = around((range.yMin + range.yMax) / 2, halfY);
	return { xMin, xMax, yMin, yMax };
}

/** True when every bound is finite and the range has positive width and height. */
export function isUsableRange(range: ViewRange | undefined): range is ViewRange {
	return (
		range !== undefined &&
		[range.xMin, range.xMax, range.yMin, range.yMax].every(Number.isFinite) &&
		range.xMax > range.xMin &&
		range.yMax > range.yMin
	);
}

const around = (centre: number, half: number): [number, number] => [centre - half, centre + half];
