/**
 * The surface view's geometry and height scale: points on the axes land where a hand computation puts them, a
 * quarter turn swaps the axes, quads come back to front at several angles, the camera is clamped, and the loss →
 * height compression is monotone, invertible and agrees with the map's bands.
 */
import { describe, expect, it } from 'vitest';

import { chooseLevels, bandOf } from '../../../src/webview/levels';
import { buildMesh, heightScale, quadBands, sampleIndices } from '../../../src/webview/surfaceMesh';
import { clampCamera, fitViewport, headlight, quadOrder, SurfaceProjector } from '../../../src/webview/surfaceProjection';

const viewport = { cx: 200, cy: 150, scale: 100 };

describe('surface projection', () => {
	it('puts points on the axes where a hand computation does', () => {
		const side = new SurfaceProjector({ azimuth: 0, elevation: 0 }, viewport);
		expect(side.project(1, 0, 0)).toMatchObject({ x: 300, y: 150 });
		expect(side.project(0, 0, 1).y).toBeCloseTo(50, 12);
		expect(side.project(0, 1, 0).depth).toBeCloseTo(-1, 12);
		const top = new SurfaceProjector({ azimuth: 0, elevation: 90 }, viewport);
		// Straight down at azimuth 0 is the contour map: x to the right, y up the canvas.
		expect(top.project(0, 1, 0).y).toBeCloseTo(50, 12);
		expect(top.project(0, 1, 0).x).toBeCloseTo(200, 12);
		const tilted = new SurfaceProjector({ azimuth: 0, elevation: 30 }, viewport);
		// y = 1 at 30°: up by sin 30° = 0.5; z = 1: up by cos 30°.
		expect(tilted.project(0, 1, 0).y).toBeCloseTo(150 - 50, 12);
		expect(tilted.project(0, 0, 1).y).toBeCloseTo(150 - 100 * Math.cos(Math.PI / 6), 12);
	});

	it('swaps the axes under a quarter turn', () => {
		const a = new SurfaceProjector({ azimuth: 0, elevation: 40 }, viewport);
		const b = new SurfaceProjector({ azimuth: 90, elevation: 40 }, viewport);
		// Turning the front edge 90° to the right: the −y direction now points right and x points away.
		expect(b.project(0, -1, 0).x).toBeCloseTo(a.project(1, 0, 0).x, 12);
		expect(b.project(0, -1, 0).y).toBeCloseTo(a.project(1, 0, 0).y, 12);
		expect(b.project(1, 0, 0).x).toBeCloseTo(a.project(0, 1, 0).x, 12);
		expect(b.project(1, 0, 0).y).toBeCloseTo(a.project(0, 1, 0).y, 12);
		expect(b.project(0, 0, 0.7).y).toBeCloseTo(a.project(0, 0, 0.7).y, 12);
	});

	it('orders quads back to front', () => {
		const xs = [-1, -0.5, 0, 0.5, 1];
		const ys = [-1, 0, 1];
		for (const azimuth of [-170, -90, -35, 0, 20, 90, 135]) {
			for (const elevation of [10, 35, 80]) {
				const p = new SurfaceProjector({ azimuth, elevation }, viewport);
				const order = quadOrder(xs, ys, p);
				expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
				// On a flat surface, depth towards the viewer never decreases along the order.
				const depths = [...order].map((q) => p.project((xs[q % 4]! + xs[(q % 4) + 1]!) / 2, (ys[Math.floor(q / 4)]! + ys[Math.floor(q / 4) + 1]!) / 2, 0).depth);
				for (let i = 1; i < depths.length; i++) expect(depths[i]!).toBeGreaterThanOrEqual(depths[i - 1]! - 1e-12);
			}
		}
		// At azimuth 0 the far row (y > 0) comes first; turned half round, the near row does.
		expect(quadOrder(xs, ys, new SurfaceProjector({ azimuth: 0, elevation: 30 }, viewport))[0]).toBeGreaterThanOrEqual(4);
		expect(quadOrder(xs, ys, new SurfaceProjector({ azimuth: 180, elevation: 30 }, viewport))[0]).toBeLessThan(4);
	});

	it('clamps the elevation and wraps the azimuth', () => {
		expect(clampCamera({ azimuth: 190, elevation: 120 })).toEqual({ azimuth: -170, elevation: 90 });
		expect(clampCamera({ azimuth: -540, elevation: -10 })).toEqual({ azimuth: 180, elevation: 5 });
		expect(clampCamera({ azimuth: NaN, elevation: 30 }).azimuth).toBe(-35);
	});

	it('lights from above and in front of the viewer at every azimuth', () => {
		for (const azimuth of [-120, 0, 45, 180]) {
			const [x, y, z] = headlight({ azimuth, elevation: 30 });
			expect(Math.hypot(x, y, z)).toBeCloseTo(1, 12);
			expect(z).toBeGreaterThan(0.8);
			// Towards the viewer: the light's horizontal part points the way `away` decreases.
			const p = new SurfaceProjector({ azimuth, elevation: 30 }, viewport);
			expect(p.away(x, y)).toBeLessThan(0);
		}
	});

	it('fits the box at every azimuth without changing scale when turning', () => {
		const area = { left: 0, top: 0, width: 400, height: 300 };
		const box = { halfX: 1, halfY: 0.6, height: 1 };
		const scales = [0, 45, 90, 170].map((azimuth) => fitViewport(box, { azimuth, elevation: 30 }, area).scale);
		expect(new Set(scales).size).toBe(1);
		for (const azimuth of [0, 30, 60, 90]) {
			const p = new SurfaceProjector({ azimuth, elevation: 30 }, fitViewport(box, { azimuth, elevation: 30 }, area));
			for (const [x, y, z] of [[-1, -0.6, -0.5], [1, 0.6, 0.5], [1, -0.6, 0.5], [-1, 0.6, -0.5]] as const) {
				const q = p.project(x, y, z);
				expect(q.x).toBeGreaterThanOrEqual(-1e-9);
				expect(q.x).toBeLessThanOrEqual(400 + 1e-9);
				expect(q.y).toBeGreaterThanOrEqual(-1e-9);
				expect(q.y).toBeLessThanOrEqual(300 + 1e-9);
			}
		}
	});
});

describe('surface height scale', () => {
	const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
	const grid = (f: (x: number, y: number) => number, n = 60) => {
		const values = new Float64Array(n * n);
		for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(-2 + (4 * i) / (n - 1), -1 + (4 * j) / (n - 1));
		return values;
	};

	it('compresses a steep bowl monotonically, from 0 at the minimum to 1 at the maximum', () => {
		const levels = chooseLevels(grid(rosenbrock), 20);
		expect(levels.scale).toBe('log');
		const s = heightScale(levels);
		const values = [levels.min, levels.min + 1e-3, 0.5, 1, 3, 10, 100, 1000, levels.max];
		const heights = values.map((v) => s.height(v));
		for (let i = 1; i < heights.length; i++) expect(heights[i]!).toBeGreaterThan(heights[i - 1]!);
		expect(heights[0]).toBe(0);
		expect(heights[heights.length - 1]).toBe(1);
		// Compressed: loss 10 is under 1 % of the span but a fifth of the way up the surface.
		expect((10 - levels.min) / (levels.max - levels.min)).toBeLessThan(0.01);
		expect(s.height(10)).toBeGreaterThan(0.15);
		for (const v of values) expect(s.value(s.height(v))).toBeCloseTo(v, 6);
		expect(s.height(NaN)).toBe(1);
		expect(s.height(Infinity)).toBe(1);
		expect(s.height(-Infinity)).toBe(0);
	});

	it('is linear for an even bowl', () => {
		const s = heightScale(chooseLevels(grid((x, y) => x * x + y * y), 20));
		expect(s.kind).toBe('linear');
		expect(s.height((s.min + s.max) / 2)).toBeCloseTo(0.5, 12);
	});

	it('colours each quad with the map band of its height', () => {
		const n = 30;
		const values = grid(rosenbrock, n);
		const landscape = { requestId: 1, kind: 'grid' as const, range: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 }, axes: [0, 1] as const, nx: n, ny: n, values };
		const mesh = buildMesh(landscape, undefined, 12)!;
		expect(mesh.xs.length).toBeLessThanOrEqual(13);
		const bands = quadBands(mesh);
		const cols = mesh.xs.length;
		for (let q = 0; q < bands.length; q++) {
			const k = Math.floor(q / (cols - 1)) * cols + (q % (cols - 1));
			const mean = (mesh.heights[k]! + mesh.heights[k + 1]! + mesh.heights[k + cols]! + mesh.heights[k + cols + 1]!) / 4;
			expect(bands[q]).toBe(bandOf(mesh.levels.levels, mesh.scale.value(mean)));
		}
	});

	it('crops the grid to the view and thins it', () => {
		expect(sampleIndices(11, 0, 10, 2, 8, 100)).toEqual([2, 3, 4, 5, 6, 7, 8]);
		expect(sampleIndices(101, 0, 100, 0, 100, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
		expect(sampleIndices(11, 0, 10, 9.5, 20, 100)).toEqual([9, 10]);
	});
});
