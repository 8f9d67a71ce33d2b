import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { collectNodes, type LossGraph } from '../../../src/engine/graph/node';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { relativeError } from '../fixtures/classicFunctions';

const n = 10_000;
const xs = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 3);
const ys = xs.map((x) => 2 * x - 0.5 + 0.1 * Math.cos(5 * x));
const data = `const xs = [${xs.join(', ')}];\nconst ys = [${ys.join(', ')}];\n`;

/** Closed-form MSE of y ≈ w x + b and its gradient. */
function mse(w: number, b: number): { value: number; gradient: [number, number] } {
	let value = 0;
	let gw = 0;
	let gb = 0;
	for (let i = 0; i < n; i++) {
		const r = w * xs[i]! + b - ys[i]!;
		value += r * r;
		gw += 2 * r * xs[i]!;
		gb += 2 * r;
	}
	return { value: value / n, gradient: [gw / n, gb / n] };
}

function lower(source: string, language: 'javascript' | 'typescript' = 'javascript'): LossGraph {
	return (language === 'javascript' ? javaScriptFrontEnd : typeScriptFrontEnd).lower(source, {}).graph;
}

function sums(graph: LossGraph): number {
	return collectNodes(graph.output).filter((node) => node.kind === 'sum').length;
}

/** Value and gradient, compiled and interpreted, which must agree. */
function evaluate(graph: LossGraph, x: number[]): { value: number; gradient: Float64Array } {
	const gradient = new Float64Array(x.length);
	const interpreted = new Float64Array(x.length);
	const value = compileGraph(graph).valueAndGradient(x, gradient);
	expect(relativeError(interpretValueAndGradient(graph, x, interpreted), value)).toBeLessThanOrEqual(1e-12);
	for (let i = 0; i < x.length; i++) expect(relativeError(interpreted[i]!, gradient[i]!)).toBeLessThanOrEqual(1e-12);
	return { value, gradient };
}

describe('loops stay loops', () => {
	const variants: Record<string, string> = {
		'an index loop': `function loss(w = 0, b = 0) {
	let total = 0;
	for (let i = 0; i < xs.length; i++) {
		const r = w * xs[i] + b - ys[i];
		total += r * r;
	}
	return total / xs.length;
}`,
		'map then reduce': 'const loss = (w = 0, b = 0) => xs.map((x, i) => w * x + b - ys[i]).reduce((s, r) => s + r * r, 0) / xs.length;',
		'for...of with entries': `function loss(w = 0, b = 0) {
	let total = 0;
	for (const [i, x] of xs.entries()) total = total + (w * x + b - ys[i]) ** 2;
	return total / ys.length;
}`,
		'reduce with the index': 'function loss(w = 0, b = 0) { return ys.reduce((s, y, i) => s + Math.pow(w * xs[i] + b - y, 2), 0) / ys.length; }',
	};
	for (const [label, body] of Object.entries(variants)) {
		it(`lowers an MSE over ${n} points written as ${label} to fewer than 100 nodes`, () => {
			const graph = lower(data + body);
			const nodes = collectNodes(graph.output).length;
			expect(nodes).toBeLessThan(100);
			expect(sums(graph)).toBe(1);
			for (const [w, b] of [[0, 0], [1.5, -0.25]] as const) {
				const { value, gradient } = evaluate(graph, [w, b]);
				const expected = mse(w, b);
				expect(relativeError(value, expected.value)).toBeLessThanOrEqual(1e-12);
				expect(relativeError(gradient[0]!, expected.gradient[0])).toBeLessThanOrEqual(1e-10);
				expect(relativeError(gradient[1]!, expected.gradient[1])).toBeLessThanOrEqual(1e-10);
			}
		});
	}

	it('keeps nested loops as nested sums over a matrix', () => {
		const rows = 2000;
		const cols = 4;
		const X = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => Math.cos(i + 3 * j)));
		const y = X.map((row, i) => row[0]! - row[2]! + 0.01 * i);
		const source = `const X: number[][] = ${JSON.stringify(X)};
const y: number[] = ${JSON.stringify(y)};
export function loss(w: number[] = [0, 0, 0, 0], b: number = 0): number {
	let s = 0;
	for (let i = 0; i < X.length; i++) {
		let pred = b;
		for (let j = 0; j < w.length; j++) pred += w[j] * X[i][j];
		s += (pred - y[i]) ** 2;
	}
	return s / X.length;
}`;
		const graph = lower(source, 'typescript');
		expect(collectNodes(graph.output).length).toBeLessThan(40);
		expect(sums(graph)).toBe(2);
		const w = [0.3, -0.2, 0.7, 0.1];
		const { value, gradient } = evaluate(graph, [...w, 0.4]);
		let expected = 0;
		const g = new Float64Array(cols + 1);
		X.forEach((row, i) => {
			const r = row.reduce((s, v, j) => s + v * w[j]!, 0) + 0.4 - y[i]!;
			expected += r * r;
			row.forEach((v, j) => (g[j]! += (2 * r * v) / rows));
			g[cols]! += (2 * r) / rows;
		});
		expect(relativeError(value, expected / rows)).toBeLessThanOrEqual(1e-12);
		for (let j = 0; j <= cols; j++) expect(relativeError(gradient[j]!, g[j]!)).toBeLessThanOrEqual(1e-10);
	});

	it('sums conditional and counting updates', () => {
		const graph = lower(`${data}
function loss(w = 1) {
	let hinge = 0;
	let count = 0;
	for (let i = 0; i < xs.length; i++) {
		if (xs[i] > 0) {
			hinge += Math.max(0, 1 - ys[i] * w * xs[i]);
			count++;
		} else {
			hinge -= 0.5 * w;
		}
	}
	return hinge / count;
}`);
		expect(collectNodes(graph.output).length).toBeLessThan(100);
		const { value } = evaluate(graph, [0.3]);
		let hinge = 0;
		let count = 0;
		xs.forEach((x, i) => {
			if (x > 0) {
				hinge += Math.max(0, 1 - ys[i]! * 0.3 * x);
				count++;
			} else hinge -= 0.15;
		});
		expect(relativeError(value, hinge / count)).toBeLessThanOrEqual(1e-12);
	});

	it('takes the last value of a variable overwritten in every iteration', () => {
		const graph = lower(`${data}
function loss(w = 1) {
	let r = 0, s = 0;
	for (let i = 0; i < xs.length; i++) {
		r = w * xs[i] - ys[i];
		s += r * r;
	}
	return s + r;
}`);
		expect(sums(graph)).toBe(1);
		const { value } = evaluate(graph, [2]);
		const expected = xs.reduce((s, x, i) => s + (2 * x - ys[i]!) ** 2, 0) + 2 * xs[n - 1]! - ys[n - 1]!;
		expect(relativeError(value, expected)).toBeLessThanOrEqual(1e-12);
	});

	it('counts down, steps by k and includes <= bounds', () => {
		const graph = lower(`function loss(x = 1) {
	let a = 0;
	for (let i = 10; i > 0; i -= 3) a += i * x;
	for (let i = 0; i <= 6; i += 2) a += i;
	for (let k = 5; 1 <= k; k--) a = a + k * k * x;
	return a;
}`);
		const { value, gradient } = evaluate(graph, [2]);
		expect(value).toBe((10 + 7 + 4 + 1) * 2 + (0 + 2 + 4 + 6) + 55 * 2);
		expect(gradient[0]).toBe(22 + 55);
	});

	it('counts down from 0 through +0, not -0, as Node does (1 / i is +Infinity at i = 0)', () => {
		const source = `function loss(x = 1) {
	let s = 0;
	for (let i = 0; i > -3; i--) s += 1 / i;
	let t = 0;
	for (let j = 0; j > -2; j--) t = t + x / j;
	return s + t + x * x;
}`;
		let s = 0;
		for (let i = 0; i > -3; i--) s += 1 / i;
		let t = 0;
		for (let j = 0; j > -2; j--) t = t + 1 / j;
		expect(s + t + 1).toBe(Infinity);
		const graph = lower(source);
		expect(compileGraph(graph).valueAndGradient([1], new Float64Array(1))).toBe(s + t + 1);
		expect(interpretValueAndGradient(graph, [1], new Float64Array(1))).toBe(s + t + 1);
	});

	it('unrolls short loops that carry a value non-additively', () => {
		const graph = lower(`const roots = [1, -2, 0.5];
function loss(x = 0.3) {
	let p = 1;
	for (const r of roots) p *= x - r;
	let s = 0;
	for (let i = 0; i < 20; i++) s = 0.5 * s + x;
	return p + s;
}`);
		const x = 0.3;
		const { value, gradient } = evaluate(graph, [x]);
		let s = 0;
		for (let i = 0; i < 20; i++) s = 0.5 * s + x;
		const p = (x - 1) * (x + 2) * (x - 0.5);
		const dp = (x + 2) * (x - 0.5) + (x - 1) * (x - 0.5) + (x - 1) * (x + 2);
		expect(relativeError(value, p + s)).toBeLessThanOrEqual(1e-12);
		expect(relativeError(gradient[0]!, dp + (1 - 0.5 ** 20) / 0.5)).toBeLessThanOrEqual(1e-12);
	});

	it('lowers Math.max over data and a running maximum', () => {
		const graph = lower(`const xs = [1, 4, -2, 3];
function loss(w = 1) {
	let m = -Infinity;
	for (const x of xs) m = Math.max(m, w * x);
	return m + Math.min(...xs) * w;
}`);
		const { value, gradient } = evaluate(graph, [0.5]);
		expect(value).toBe(2 - 1);
		expect(gradient[0]).toBe(4 - 2);
	});

	it('unrolls an outer loop whose inner bound depends on its index', () => {
		const graph = lower(`function loss(x = 1) {
	let s = 0;
	for (let i = 0; i < 6; i++) for (let j = 0; j < i; j++) s += x * j;
	return s;
}`);
		const { value } = evaluate(graph, [2]);
		expect(value).toBe(2 * (0 + 1 + 3 + 6 + 10));
	});

	it('gives every sum its own loop, also when accumulators share an inner sum', () => {
		const graph = lower(`const X = [[1, 2], [3, -1], [0.5, 4], [2, 2]];
const y = [1, -2, 3, 0.5];
function loss(w = [0.3, -0.7]) {
	let s = 0, t = 0, last = 0;
	for (let i = 0; i < X.length; i++) {
		let p = 0;
		for (let j = 0; j < w.length; j++) p += w[j] * X[i][j];
		s += (p - y[i]) ** 2;
		t += Math.abs(p);
		last = p;
	}
	return s + 0.1 * t + last;
}`);
		const summed = collectNodes(graph.output).filter((node) => node.kind === 'sum');
		expect(new Set(summed.map((node) => (node.kind === 'sum' ? node.loop : -1))).size).toBe(summed.length);
		const w = [0.3, -0.7];
		const X = [[1, 2], [3, -1], [0.5, 4], [2, 2]];
		const y = [1, -2, 3, 0.5];
		const p = X.map((row) => row[0]! * w[0]! + row[1]! * w[1]!);
		const expected = p.reduce((acc, v, i) => acc + (v - y[i]!) ** 2 + 0.1 * Math.abs(v), 0) + p[3]!;
		const { value, gradient } = evaluate(graph, w);
		expect(relativeError(value, expected)).toBeLessThanOrEqual(1e-12);
		const dp = p.map((v, i) => 2 * (v - y[i]!) + 0.1 * Math.sign(v) + (i === 3 ? 1 : 0));
		for (let j = 0; j < 2; j++) {
			const expectedPartial = dp.reduce((acc, d, i) => acc + d * X[i]![j]!, 0);
			expect(relativeError(gradient[j]!, expectedPartial)).toBeLessThanOrEqual(1e-12);
		}
	});

	it('computes sums over data alone while lowering, so they can bound loops', () => {
		const graph = lower(`${data}
const meanY = ys.reduce((s, y) => s + y, 0) / ys.length;
const k = xs.map((x) => (x > 0 ? 1 : 0)).reduce((a, b) => a + b, 0);
function loss(w = 1) {
	let s = 0;
	for (let i = 0; i < k; i++) s += (w * xs[i] - ys[i] + meanY) ** 2;
	return s;
}`);
		expect(sums(graph)).toBe(1);
		const meanY = ys.reduce((s, y) => s + y, 0) / n;
		const k = xs.filter((x) => x > 0).length;
		let expected = 0;
		for (let i = 0; i < k; i++) expected += (2 * xs[i]! - ys[i]! + meanY) ** 2;
		expect(relativeError(evaluate(graph, [2]).value, expected)).toBeLessThanOrEqual(1e-12);
	});

	it('unrolls a loop over a list of computed values', () => {
		const graph = lower(`function loss(x = 2, y = 3) {
	const p = [x, y, x * y];
	let q = 0;
	for (const v of p) q += v * v;
	return q;
}`);
		expect(sums(graph)).toBe(0);
		expect(evaluate(graph, [2, 3]).value).toBe(4 + 9 + 36);
	});

	it('rejects a long multiplicative loop naming the variable', () => {
		const body = 'let p = 1; for (let i = 0; i < xs.length; i++) p *= x * xs[i]; return p;';
		expect(() => lower(`${data}\nfunction loss(x = 1) { ${body} }`))
			.toThrow(/loop carries 'p' multiplicatively and is too long to unroll/);
	});
});
