/**
 * The principal directions of a path (src/engine/landscape/pathPlane.ts) against paths built on known lines and
 * planes, the Jacobi eigen-solver against a hand-made spectrum, and the plane slice against direct evaluation.
 */
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { evenlySpacedIndices, pathPlane, projectOntoPlane, type PathPlane } from '../../../src/engine/landscape/pathPlane';
import { samplePlane } from '../../../src/engine/landscape/sampleLandscape';
import { symmetricEigen } from '../../../src/engine/landscape/symmetricEigen';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i]!, 0);
const unit = (a: number[]) => a.map((x) => x / Math.sqrt(dot(a, a)));

/** Points origin + s·p + t·q for the given (s, t) pairs, flattened. */
function pathOn(origin: number[], p: number[], q: number[], st: [number, number][]): Float64Array {
	return Float64Array.from(st.flatMap(([s, t]) => origin.map((o, i) => o + s * p[i]! + t * q[i]!)));
}

function expectOrthonormal(plane: PathPlane): void {
	expect(dot(plane.u, plane.u)).toBeCloseTo(1, 12);
	expect(dot(plane.v, plane.v)).toBeCloseTo(1, 12);
	expect(dot(plane.u, plane.v)).toBeCloseTo(0, 12);
}

/** |cos| of the angle between a and b (1 = parallel up to sign). */
const alignment = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.abs(dot(a, b)) / Math.sqrt(dot(a, a) * dot(b, b));

describe('symmetricEigen (Jacobi)', () => {
	it('recovers the spectrum of Q·diag(5, 2, −1)·Qᵀ with Q a rotation', () => {
		const c = Math.cos(0.7);
		const s = Math.sin(0.7);
		const q = [[c, -s, 0], [s * 0.6, c * 0.6, 0.8], [-s * 0.8, -c * 0.8, 0.6]];
		const lambda = [5, 2, -1];
		const a = Array.from({ length: 9 }, (_, k) => [0, 1, 2].reduce((sum, j) => sum + q[Math.floor(k / 3)]![j]! * lambda[j]! * q[k % 3]![j]!, 0));
		const { values, vectors } = symmetricEigen(a, 3);
		expect(Array.from(values).map((v) => +v.toFixed(10))).toEqual([5, 2, -1]);
		for (let j = 0; j < 3; j++) expect(alignment(vectors[j]!, q.map((row) => row[j]!))).toBeCloseTo(1, 10);
	});
});

describe('pathPlane', () => {
	const p = unit([1, 2, -1, 0.5]);
	const q0 = [2, -1, 0, 1];
	const q = unit(q0.map((x, i) => x - dot(q0, p) * p[i]!));

	it('recovers the plane of a path lying in a known plane (up to sign), with the spreads explained', () => {
		// s and t uncorrelated with mean 0: variances 2 and 0.2, so PC1 = p and PC2 = q exactly.
		const st: [number, number][] = [[-2, 0.5], [-1, -0.5], [0, 0], [1, -0.5], [2, 0.5]];
		const plane = pathPlane({ points: pathOn([1, 1, 1, 1], p, q, st), count: 5, d: 4 }, [1, 0, 0, 0]);
		expectOrthonormal(plane);
		expect(plane.kinds).toEqual(['principal', 'principal']);
		expect(alignment(plane.u, p)).toBeCloseTo(1, 12);
		expect(alignment(plane.v, q)).toBeCloseTo(1, 12);
		expect(plane.explained[0]).toBeCloseTo(2 / 2.2, 12);
		expect(plane.explained[1]).toBeCloseTo(0.2 / 2.2, 12);
		// Oriented along the travel: the last point has the larger u-coordinate.
		expect(dot(plane.u, p)).toBeGreaterThan(0);
	});

	it('a noisy path in a plane: both directions lie in that plane', () => {
		const st: [number, number][] = Array.from({ length: 30 }, (_, k) => [10 - k * 0.4, Math.sin(k) * 0.8]);
		const plane = pathPlane({ points: pathOn([1, 1, 1, 1], p, q, st), count: 30, d: 4 }, [1, 0, 0, 0]);
		expectOrthonormal(plane);
		expect(alignment(plane.u, p) ** 2 + alignment(plane.u, q) ** 2).toBeCloseTo(1, 10);
		expect(alignment(plane.v, p) ** 2 + alignment(plane.v, q) ** 2).toBeCloseTo(1, 10);
		expect(plane.explained[0] + plane.explained[1]).toBeCloseTo(1, 10);
		expect(plane.explained[0]).toBeGreaterThan(plane.explained[1]);
	});

	it('uses the Gram matrix when there are fewer points than parameters, with the same answer', () => {
		const d = 40;
		const pp = unit(Array.from({ length: d }, (_, i) => Math.cos(i)));
		const qq0 = Array.from({ length: d }, (_, i) => Math.sin(3 * i));
		const qq = unit(qq0.map((x, i) => x - dot(qq0, pp) * pp[i]!));
		const st: [number, number][] = Array.from({ length: 6 }, (_, k) => [k * 2, (k % 2) * 0.5]);
		const plane = pathPlane({ points: pathOn(Array(d).fill(0.5), pp, qq, st), count: 6, d }, new Array(d).fill(1));
		expectOrthonormal(plane);
		expect(alignment(plane.u, pp)).toBeGreaterThan(0.99);
		expect(alignment(plane.u, pp) ** 2 + alignment(plane.u, qq) ** 2).toBeCloseTo(1, 9);
		expect(alignment(plane.v, pp) ** 2 + alignment(plane.v, qq) ** 2).toBeCloseTo(1, 9);
	});

	it('a straight path: PC1 along it, then the part of −∇L orthogonal to it', () => {
		const st: [number, number][] = [[0, 0], [1, 0], [3, 0], [3.5, 0]];
		const g = [0.3, -2, 1, 4];
		const plane = pathPlane({ points: pathOn([0, 0, 0, 0], p, q, st), count: 4, d: 4 }, g);
		expectOrthonormal(plane);
		expect(plane.kinds).toEqual(['principal', 'gradient']);
		expect(alignment(plane.u, p)).toBeCloseTo(1, 12);
		const rest = g.map((x, i) => -x + dot(g, p) * p[i]!);
		expect(alignment(plane.v, rest)).toBeCloseTo(1, 12);
		expect(dot(plane.v, g)).toBeLessThan(0);
		expect(plane.explained[0]).toBeCloseTo(1, 12);
		expect(plane.explained[1]).toBeCloseTo(0, 12);
	});

	it('two points make a line (fewer than three points cannot span a plane)', () => {
		const plane = pathPlane({ points: [0, 0, 0, 1, 1, 0], count: 2, d: 3 }, [0, 0, 5]);
		expect(plane.kinds).toEqual(['principal', 'gradient']);
		expect(Array.from(plane.u).map((x) => +x.toFixed(12))).toEqual([Math.SQRT1_2, Math.SQRT1_2, 0].map((x) => +x.toFixed(12)));
		expect(Array.from(plane.v)).toEqual([0, 0, -1]);
	});

	it('one point: −∇L, then the coordinate axis least along it', () => {
		const plane = pathPlane({ points: [1, 2, 3], count: 1, d: 3 }, [3, 0, 4]);
		expect(plane.kinds).toEqual(['gradient', 'coordinate']);
		expect(Array.from(plane.u)).toEqual([-0.6, -0, -0.8]);
		expect(Array.from(plane.v).map(Math.abs)).toEqual([0, 1, 0]);
		expect(plane.explained).toEqual([0, 0]);
	});

	it('a straight path along −∇L, and a point with zero gradient, fall back to coordinate axes', () => {
		const along = pathPlane({ points: [0, 0, 0, 2, 0, 0, 3, 0, 0], count: 3, d: 3 }, [-1, 0, 0]);
		expect(along.kinds).toEqual(['principal', 'coordinate']);
		expectOrthonormal(along);
		const still = pathPlane({ points: [1, 1, 1, 1], count: 2, d: 2 }, [0, 0]);
		expect(still.kinds).toEqual(['coordinate', 'coordinate']);
		expectOrthonormal(still);
	});

	it('projects points onto the plane as (x − origin)·u, (x − origin)·v', () => {
		const projected = projectOntoPlane({ points: [1, 2, 3, 0, 0, 0], count: 2, d: 3 }, [1, 1, 1], [1, 0, 0], [0, 0.6, 0.8]);
		expect(Array.from(projected).map((x) => +x.toFixed(12))).toEqual([0, 0.6 + 1.6, -1, -1.4]);
	});

	it('picks evenly spaced records with the first and the last', () => {
		expect(evenlySpacedIndices(3, 5)).toEqual([0, 1, 2]);
		expect(evenlySpacedIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
	});
});

describe('samplePlane', () => {
	it('evaluates origin + a·u + b·v over the range, rows along b', () => {
		const loss = compileLoss('function loss(x = 0, y = 0, z = 0) { return x + 10 * y + 100 * z; }', { language: 'javascript' });
		const values = samplePlane(loss, { origin: [1, 0, 0], u: [0, 1, 0], v: [0, 0, 1], xMin: -1, xMax: 1, yMin: 0, yMax: 2, nx: 3, ny: 2 });
		expect(Array.from(values)).toEqual([1 - 10, 1, 1 + 10, 201 - 10, 201, 211]);
	});
});
