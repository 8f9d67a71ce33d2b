// How the contour map places n-D points (src/webview/sliceProjector.ts): two parameters, or a plane from the host
// with the trajectory's projection extended as records arrive and redone after history is rewritten; and the
// principal slice's axis names and fit box (src/webview/principalSlice.ts).
import { describe, expect, it } from 'vitest';
import type { PointState, SlicePlaneInfo } from '../../../src/shared/messages';
import { planeAxisNames, planeFitBox } from '../../../src/webview/principalSlice';
import { axesProjector, planeProjector } from '../../../src/webview/sliceProjector';
import { Strings } from '../../../src/webview/strings';
import { TrajectoryStore } from '../../../src/webview/trajectoryStore';

const plane: SlicePlaneInfo = { origin: [1, 1, 1], u: [1, 0, 0], v: [0, 0.6, 0.8], explained: [0.723, 0.277], kinds: ['principal', 'principal'], step: 2 };
const trajectory = (points: number[]) => ({ points: Float64Array.from(points), losses: new Float64Array(points.length / 3).fill(1), gradientNorms: new Float64Array(points.length / 3) });
const read = (s: { data: ArrayLike<number>; offset: number; stride: number }, n: number) => Array.from({ length: n }, (_, k) => +s.data[s.offset + k * s.stride]!.toFixed(12));

describe('slice projectors', () => {
	it('two parameters: coordinates, directions and a click back to a full point', () => {
		const p = axesProjector([2, 0]);
		expect(p.point([1, 2, 3])).toEqual([3, 1]);
		expect(p.direction([4, 5, 6])).toEqual([6, 4]);
		expect(p.unproject(7, 8, [1, 2, 3])).toEqual([8, 2, 7]);
	});

	it('a plane: (x − origin)·u, (x − origin)·v, and origin + a·u + b·v back', () => {
		const p = planeProjector(plane);
		expect(p.point([2, 1, 2]).map((x) => +x.toFixed(12))).toEqual([1, 0.8]);
		expect(p.direction([0, 1, 1])).toEqual([0, 1.4]);
		expect(p.unproject(2, 5, [0, 0, 0])).toEqual([3, 4, 5]);
	});

	it('projects a store incrementally and again after a rewrite', () => {
		const store = new TrajectoryStore(3);
		store.append(trajectory([1, 1, 1, 2, 2, 2]));
		const p = planeProjector(plane);
		const first = p.series(store);
		expect(read(first.xs, 2)).toEqual([0, 1]);
		expect(read(first.ys, 2)).toEqual([0, 1.4]);
		store.append(trajectory([0, 1, 1]));
		const second = p.series(store);
		expect(second.version).not.toBe(first.version);
		expect(read(second.xs, 3)).toEqual([0, 1, -1]);
		store.replaceFrom(1, trajectory([1, 2, 1]));
		const third = p.series(store);
		expect(read(third.xs, 2)).toEqual([0, 0]);
		expect(read(third.ys, 2)).toEqual([0, 0.6]);
	});
});

describe('principal slice', () => {
	it('names the axes by their share of the path’s variance, or by what stood in', () => {
		const s = new Strings();
		expect(planeAxisNames(plane, s)).toEqual({ x: 'PC1 · 72.3% of the path’s variance', y: 'PC2 · 27.7% of the path’s variance' });
		expect(planeAxisNames({ ...plane, kinds: ['principal', 'gradient'] }, s).y).toMatch(/^−∇L direction/);
	});

	it('fits a square as wide as the path is far before the plane is known, the projected path after', () => {
		const store = new TrajectoryStore(3);
		store.append(trajectory([4, 1, 1, 2, 1, 1, 1, 1, 1]));
		const current = { step: 2, x: [1, 1, 1], next: [0.9, 1, 1] } as unknown as PointState;
		expect(planeFitBox(store, current, undefined)).toEqual({ xMin: -3, xMax: 3, yMin: -3, yMax: 3 });
		const box = planeFitBox(store, current, planeProjector(plane));
		expect(box.xMin).toBeCloseTo(-0.1, 12);
		expect(box.xMax).toBe(3);
		// The path has no spread along v: that side is widened to a fifth of the other.
		expect(box.yMax - box.yMin).toBeCloseTo(3.1 / 5, 12);
	});
});
