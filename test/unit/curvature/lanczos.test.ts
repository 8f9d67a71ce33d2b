/**
 * Eigenvalues against matrices with a known spectrum: Q·diag(λ)·Qᵀ with Q a Householder reflection, so the answer
 * is λ by construction (not from the code under test).
 */
import { describe, expect, it } from 'vitest';
import { curvatureOf } from '../../../src/engine/curvature/curvature';
import { lanczosRitzValues } from '../../../src/engine/curvature/lanczos';

/** Q·diag(lambda)·Qᵀ with Q = I − 2uuᵀ/uᵀu for a generic u. */
function withSpectrum(lambda: readonly number[]): Float64Array {
	const d = lambda.length;
	const u = Array.from({ length: d }, (_, i) => Math.cos(0.9 * i + 0.3) + 0.1);
	const uu = u.reduce((s, x) => s + x * x, 0);
	const q = (i: number, j: number) => (i === j ? 1 : 0) - (2 * u[i]! * u[j]!) / uu;
	const h = new Float64Array(d * d);
	for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) h[i * d + j]! += q(i, k) * lambda[k]! * q(j, k);
	return h;
}

const times = (h: Float64Array, d: number) => (v: Float64Array, out: Float64Array) => {
	for (let i = 0; i < d; i++) {
		let s = 0;
		for (let j = 0; j < d; j++) s += h[i * d + j]! * v[j]!;
		out[i] = s;
	}
};

describe('Lanczos on matrices with a known spectrum', () => {
	it('Lanczos is exact once it has run d steps, repeated eigenvalues included', () => {
		const lambda = [0.01, 1, 1, 1, 4, 7, 7, 50];
		const ritz = lanczosRitzValues(times(withSpectrum(lambda), 8), 8);
		expect(ritz[0]).toBeCloseTo(0.01, 10);
		expect(ritz.at(-1)).toBeCloseTo(50, 10);
	});

	it('Lanczos estimates the extremes of a 200-dimensional spectrum in 60 steps', () => {
		const lambda = Array.from({ length: 200 }, (_, i) => 0.1 + (i * 9.9) / 199);
		const ritz = lanczosRitzValues(times(withSpectrum(lambda), 200), 200, 60);
		expect(Math.abs(ritz[0]! - 0.1) / 0.1).toBeLessThan(1e-3);
		expect(Math.abs(ritz.at(-1)! - 10) / 10).toBeLessThan(1e-6);
	});

	it('gives the condition number and 2/λ_max of a quadratic', () => {
		const c = curvatureOf(times(withSpectrum([2, 5, 40]), 3), 3);
		expect(c.lambdaMax).toBeCloseTo(40, 12);
		expect(c.lambdaMin).toBeCloseTo(2, 12);
		expect(c.conditionNumber).toBeCloseTo(20, 10);
		expect(c.stabilityThreshold).toBeCloseTo(0.05, 14);
		expect(c.exact).toBe(true);
		const saddle = curvatureOf(times(withSpectrum([-1, 3]), 2), 2);
		expect(saddle.lambdaMin).toBeCloseTo(-1, 12);
		expect(saddle.stabilityThreshold).toBeCloseTo(2 / 3, 12);
		expect(curvatureOf(times(withSpectrum([-4, -1]), 2), 2).stabilityThreshold).toBe(Infinity);
	});
});
