/** View transforms: pixel ↔ parameter round trips, zoom keeps its anchor fixed, fit and resize keep the aspect. */
import { describe, expect, it } from 'vitest';

import {
	axisMaps,
	fitRange,
	fromPixelX,
	fromPixelY,
	isUsableRange,
	panByPixels,
	resizeRange,
	toPixelX,
	toPixelY,
	zoomAbout,
} from '../../../src/webview/viewTransform';

const rect = { left: 40, top: 10, width: 600, height: 400 };
const range = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('view transforms', () => {
	it('round-trips parameters through pixels and back', () => {
		for (const [x, y] of [[-2, -1], [0, 0], [1.234, 2.5], [7, -9]] as const) {
			expect(fromPixelX(range, rect, toPixelX(range, rect, x))).toBeCloseTo(x, 12);
			expect(fromPixelY(range, rect, toPixelY(range, rect, y))).toBeCloseTo(y, 12);
		}
		expect(toPixelX(range, rect, -2)).toBe(40);
		expect(toPixelY(range, rect, 3)).toBe(10);
		expect(toPixelY(range, rect, -1)).toBe(410);
	});

	it('gives the same mapping as affine coefficients', () => {
		const m = axisMaps(range, rect);
		expect(0.7 * m.sx + m.ox).toBeCloseTo(toPixelX(range, rect, 0.7), 10);
		expect(1.3 * m.sy + m.oy).toBeCloseTo(toPixelY(range, rect, 1.3), 10);
	});

	it('keeps the zoom anchor at the same pixel', () => {
		for (const factor of [0.5, 0.8, 1.25, 3]) {
			const [px, py] = [123, 321];
			const ax = fromPixelX(range, rect, px);
			const ay = fromPixelY(range, rect, py);
			const zoomed = zoomAbout(range, ax, ay, factor);
			expect(toPixelX(zoomed, rect, ax)).toBeCloseTo(px, 9);
			expect(toPixelY(zoomed, rect, ay)).toBeCloseTo(py, 9);
			expect(zoomed.xMax - zoomed.xMin).toBeCloseTo((range.xMax - range.xMin) * factor, 12);
		}
		const curve = zoomAbout(range, 0, 0, 0.5, false);
		expect([curve.yMin, curve.yMax]).toEqual([range.yMin, range.yMax]);
	});

	it('pans so content follows the pointer', () => {
		const moved = panByPixels(range, rect, 60, -40);
		expect(toPixelX(moved, rect, 0)).toBeCloseTo(toPixelX(range, rect, 0) + 60, 9);
		expect(toPixelY(moved, rect, 0)).toBeCloseTo(toPixelY(range, rect, 0) - 40, 9);
	});

	it('fits a box with padding and equal units per pixel', () => {
		const fitted = fitRange({ xMin: 0, xMax: 1, yMin: 0, yMax: 4 }, rect);
		expect(fitted.xMin).toBeLessThan(0);
		expect(fitted.yMax).toBeGreaterThan(4);
		expect((fitted.xMax - fitted.xMin) / rect.width).toBeCloseTo((fitted.yMax - fitted.yMin) / rect.height, 12);
		const flat = fitRange({ xMin: 3, xMax: 3, yMin: 3, yMax: 3 }, rect, { minSpan: 2 });
		expect(isUsableRange(flat)).toBe(true);
		expect(flat.xMin).toBeLessThan(3);
		const skewed = fitRange({ xMin: 0, xMax: 1, yMin: 0, yMax: 1000 }, rect);
		expect(skewed.xMax - skewed.xMin).toBeLessThan(10);
	});

	it('keeps centre and scale on resize', () => {
		const bigger = { left: 40, top: 10, width: 1200, height: 400 };
		const resized = resizeRange(range, rect, bigger);
		expect(resized.xMax - resized.xMin).toBeCloseTo(8, 12);
		expect((resized.xMin + resized.xMax) / 2).toBeCloseTo(0, 12);
		expect([resized.yMin, resized.yMax]).toEqual([range.yMin, range.yMax]);
	});

	it('rejects unusable ranges', () => {
		expect(isUsableRange(undefined)).toBe(false);
		expect(isUsableRange({ xMin: 1, xMax: 1, yMin: 0, yMax: 1 })).toBe(false);
		expect(isUsableRange({ xMin: 0, xMax: NaN, yMin: 0, yMax: 1 })).toBe(false);
	});
});
