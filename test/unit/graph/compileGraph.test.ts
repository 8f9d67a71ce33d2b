import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValue, interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { regressionGraph, rosenbrockGraph } from './graphFixtures';

function rel(a: number, b: number): number {
	return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

describe('compiled graph', () => {
	it('gives Rosenbrock value and gradient equal to the closed form', () => {
		const loss = compileGraph(rosenbrockGraph());
		const g = new Float64Array(2);
		for (const [x, y] of [[-1.2, 1], [0.3, -0.7], [1, 1], [2.5, 3.1]] as const) {
			const f = loss.valueAndGradient([x, y], g);
			expect(rel(f, (1 - x) ** 2 + 100 * (y - x * x) ** 2)).toBeLessThan(1e-12);
			expect(rel(g[0]!, -2 * (1 - x) - 400 * x * (y - x * x))).toBeLessThan(1e-12);
			expect(rel(g[1]!, 200 * (y - x * x))).toBeLessThan(1e-12);
			expect(loss.value([x, y])).toBe(f);
		}
	});

	it('keeps a regression over data as loops and matches the closed-form gradient and the interpreter', () => {
		const d = 3;
		const n = 7;
		const X = Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.7));
		const y = Array.from({ length: n }, (_, i) => Math.cos(i));
		const graph = regressionGraph(X, y, d);
		const loss = compileGraph(graph);
		expect(loss.code.valueAndGradient).toContain('for (');
		expect(loss.code.valueAndGradient.length).toBeLessThan(3000);
		const w = [0.3, -0.2, 0.5, 0.1];
		const g = new Float64Array(d + 1);
		const f = loss.valueAndGradient(w, g);
		const expected = new Float64Array(d + 1);
		let total = 0;
		for (let i = 0; i < n; i++) {
			let r = w[d]! - y[i]!;
			for (let j = 0; j < d; j++) r += w[j]! * X[i * d + j]!;
			total += r * r;
			for (let j = 0; j < d; j++) expected[j]! += (2 * r * X[i * d + j]!) / n;
			expected[d]! += (2 * r) / n;
		}
		expect(rel(f, total / n)).toBeLessThan(1e-12);
		for (let j = 0; j <= d; j++) expect(rel(g[j]!, expected[j]!)).toBeLessThan(1e-12);
		const gi = new Float64Array(d + 1);
		expect(rel(interpretValueAndGradient(graph, w, gi), f)).toBeLessThan(1e-12);
		for (let j = 0; j <= d; j++) expect(rel(gi[j]!, g[j]!)).toBeLessThan(1e-12);
	});

	it('uses a mini-batch the same way in compiled code and in the interpreter', () => {
		const graph = regressionGraph([1, 2, 3, 4, 5, 6], [1, 0, 2], 2);
		const loss = compileGraph(graph);
		const batch = Int32Array.from([2, 0]);
		const w = [0.5, -1, 0.25];
		const g = new Float64Array(3);
		const gi = new Float64Array(3);
		const f = loss.valueAndGradient(w, g, batch);
		expect(rel(f, interpretValueAndGradient(graph, w, gi, batch))).toBeLessThan(1e-12);
		expect(rel(f, interpretValue(graph, w, batch))).toBeLessThan(1e-12);
		for (let j = 0; j < 3; j++) expect(rel(g[j]!, gi[j]!)).toBeLessThan(1e-12);
		expect(f).not.toBeCloseTo(loss.value(w), 6);
	});
});
