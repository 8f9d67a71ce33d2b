import { outlineSteps as outline, type TraceStatement } from '../../../src/engine/graph/traceSteps';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import type { LossGraph } from '../../../src/engine/graph/node';
import { frontEnds } from '../../../src/engine/language/frontEnds';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { relativeError } from '../fixtures/classicFunctions';

/** Value and gradient at `x` (compiled; the interpreter must agree). */
function run(graph: LossGraph, x: readonly number[] = graph.start): { value: number; gradient: number[] } {
	const g = new Float64Array(x.length);
	const gi = new Float64Array(x.length);
	const value = compileGraph(graph).valueAndGradient(x, g);
	const interpreted = interpretValueAndGradient(graph, x, gi);
	expect(relativeError(interpreted, value)).toBeLessThanOrEqual(1e-12);
	g.forEach((v, i) => expect(relativeError(gi[i]!, v)).toBeLessThanOrEqual(1e-12));
	return { value, gradient: [...g] };
}

const lowerJs = (source: string, name?: string) => javaScriptFrontEnd.lower(source, { name }).graph;
const lowerTs = (source: string, sizes?: Record<string, number>) => typeScriptFrontEnd.lower(source, { sizes }).graph;

describe('listing losses', () => {
	const source = `import { helper } from './helper';

const xs = [1, 2, 3];

// The loss.
export function loss(w = 0.5, b = 0) {
	return xs.reduce((s, x) => s + (w * x + b - 1) ** 2, 0);
}

const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);

export default function (x = 1) {
	return helper(x);
}

export const square = function (v = 3) { return v * v; };
`;

	it('finds every top-level function with its spans and parameters', () => {
		const found = javaScriptFrontEnd.list(source);
		const names = found.map((f) => (f.kind === 'loss' ? f.site.name : f.name));
		expect(names).toEqual(['loss', 'dot', 'default', 'square']);
		const [loss, dot, fallback, square] = found;
		if (loss?.kind !== 'loss' || square?.kind !== 'loss') throw new Error('expected losses');
		expect(loss.site).toEqual({
			name: 'loss',
			language: 'javascript',
			params: ['w', 'b'],
			span: { line: 6, column: 1, endLine: 8, endColumn: 2 },
			nameSpan: { line: 6, column: 17, endLine: 6, endColumn: 21 },
		});
		expect(square.site.span).toEqual({ line: 16, column: 1, endLine: 16, endColumn: 58 });
		expect(square.site.nameSpan).toEqual({ line: 16, column: 14, endLine: 16, endColumn: 20 });
		expect(dot?.kind).toBe('error');
		expect(fallback?.kind).toBe('error');
		if (dot?.kind === 'error') expect(dot.error.message).toBe("'a' is a number and has no method 'reduce'");
		if (fallback?.kind === 'error') {
			expect(fallback.error.message).toMatch(/'helper' is imported from '\.\/helper'/);
			expect(fallback.error.line).toBe(13);
		}
	});

	it('lowers the one called loss, a named one, or the only one', () => {
		expect(javaScriptFrontEnd.lower(source, {}).site.name).toBe('loss');
		expect(javaScriptFrontEnd.lower(source, { name: 'square' }).graph.start).toEqual([3]);
		const { site } = typeScriptFrontEnd.lower('const f = (x: number = 2) => x * x;', {});
		expect(site).toMatchObject({ name: 'f', language: 'typescript' });
	});

	it('throws a positioned error for unparsable source', () => {
		expect(() => javaScriptFrontEnd.list('function (')).toThrow(/Unexpected token/);
	});

	it('is registered for javascript and typescript', () => {
		expect(frontEnds.javascript).toBe(javaScriptFrontEnd);
		expect(frontEnds.typescript).toBe(typeScriptFrontEnd);
	});
});

describe('parameters', () => {
	it('takes defaults as the start point, 0 where missing, and constant expressions', () => {
		const graph = lowerJs('const k = 2;\nfunction loss(x = -1.2, y, z = Math.PI / 4, u = -k * 3) { return x + y; }');
		expect(graph.paramNames).toEqual(['x', 'y', 'z', 'u']);
		expect(graph.start).toEqual([-1.2, 0, Math.PI / 4, -6]);
	});

	it('lays out vector parameters from defaults, tuple types and sizes', () => {
		const graph = lowerTs(
			`const W0 = [1, 2];
export function loss(a: number, w = W0, p: [number, number, number], v: number[], b = 1) {
	return a + w[1] + p[2] + v[3] + b;
}`,
			{ v: 4 },
		);
		const names = ['a', 'w[0]', 'w[1]', 'p[0]', 'p[1]', 'p[2]', 'v[0]', 'v[1]', 'v[2]', 'v[3]', 'b'];
		expect(graph.paramNames).toEqual(names);
		expect(graph.params).toEqual([
			{ name: 'a', offset: 0 },
			{ name: 'w', offset: 1, size: 2 },
			{ name: 'p', offset: 3, size: 3 },
			{ name: 'v', offset: 6, size: 4 },
			{ name: 'b', offset: 10 },
		]);
		expect(graph.start).toEqual([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
		expect(run(graph).gradient).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
	});

	it('resizes a vector parameter with options.sizes, keeping its default where it can', () => {
		const source = 'function loss(w = [3, 4]) { return w.reduce((s, v) => s + v * v, 0); }';
		const { graph } = javaScriptFrontEnd.lower(source, { sizes: { w: 3 } });
		expect(graph.start).toEqual([3, 4, 0]);
		expect(run(graph).value).toBe(25);
	});
});

describe('the step-into trace', () => {
	it('records scalar locals in statement order (at the name), a for loop as a frame over its body, then the return', () => {
		const source = `const xs = [1, 2];
function loss(x = 1, w = [1, 2]) {
	const a = x * 2;
	let s = 0;
	for (const v of xs) {
		const t = v * a;
		s += t;
	}
	s += 1;
	const ws = w.map((v) => v * x);
	if (a > 1) {
		s = s * 2;
	}
	x++;
	return s + a;
}`;
		const graph = lowerJs(source);
		expect(outline(graph.steps)).toEqual([
			['a', 3, 8], ['s', 4, 6], ['for v', 5, 2, [['t', 6, 9], ['s', 7, 3]]], ['s', 9, 2], ['x', 14, 2], ['return', 15, 2],
		]);
		const output = graph.steps.at(-1)! as TraceStatement;
		expect(output.node).toBe(graph.output);
		expect(run({ ...graph, output: (graph.steps[0] as TraceStatement).node }).value).toBe(2);
	});
});

describe('control flow', () => {
	it('merges if/else branches and early returns with select', () => {
		const graph = lowerJs(`function loss(x = 1, y = 2) {
	let a;
	if (x > y) {
		a = x - y;
	} else if (x < -y) {
		return -x;
	} else {
		a = (y - x) * 2;
	}
	{
		if (a > 3) return a * a;
	}
	return a;
}`);
		const f = (x: number, y: number) => {
			if (x > y) return x - y > 3 ? (x - y) ** 2 : x - y;
			if (x < -y) return -x;
			return (y - x) * 2 > 3 ? ((y - x) * 2) ** 2 : (y - x) * 2;
		};
		for (const [x, y] of [[5, 1], [1, 2], [-4, 1], [10, 2], [-1, 1.5]] as const) {
			expect(run(graph, [x, y]).value).toBe(f(x, y));
		}
	});

	it('evaluates only the live branch of a constant condition', () => {
		const graph = lowerJs('const N = 3;\nfunction loss(x = 1) { if (N > 2) return x; return unknownName; }');
		expect(run(graph, [4]).value).toBe(4);
	});

	it('lowers ternaries, && and || on conditions and values', () => {
		const body = '(x > 0 && y > 0) || x > 5 ? x * y : (x || 3) + (y && 4) + !x';
		const graph = lowerJs(`function loss(x = 1, y = 2) { return ${body}; }`);
		const f = (x: number, y: number) => ((x > 0 && y > 0) || x > 5 ? x * y : (x || 3) + (y && 4) + (x ? 0 : 1));
		for (const [x, y] of [[1, 2], [-1, 2], [0, 0], [6, -1], [0, 5]] as const) {
			expect(run(graph, [x, y]).value).toBe(f(x, y));
		}
	});

	it('does not differentiate through conditions (no NaN from a division inside one)', () => {
		const graph = lowerJs('function loss(x = 0, y = 1) { return y / x < 0 ? -x : x * x + y; }');
		expect(run(graph, [0, 1]).gradient).toEqual([0, 1]);
	});
});

describe('arrays and helpers', () => {
	it('supports map, reduce without an initial value, slice, entries, destructuring and Array.from', () => {
		const graph = lowerTs(`const pairs: number[][] = [[1, 2], [3, 4], [5, 6]];
export function loss(w: number[] = [1, 2, 3]): number {
	const [a, , c] = w;
	let s = 0;
	for (const [p, q] of pairs) s += p * a + q * c;
	for (const [i, v] of w.slice(1).entries()) s += i * v;
	const squares = Array.from({ length: 3 }, (_, i) => w[i] * w[i]);
	return s + squares.reduce((t, v) => t + v) + Math.max(...w) + Math.hypot(w[0], w[1]);
}`);
		const [a, b, c] = [1, 2, 3];
		const pairs = (1 * a + 2 * c) + (3 * a + 4 * c) + (5 * a + 6 * c);
		const expected = pairs + (0 * b + 1 * c) + a * a + b * b + c * c + c + Math.hypot(a, b);
		expect(relativeError(run(graph).value, expected)).toBeLessThanOrEqual(1e-15);
	});

	it('inlines helpers and closures over locals, with defaults', () => {
		const graph = lowerJs(`function poly(x, k = 2) { return x ** k; }
function nested(x) {
	function inner(v) { return poly(v) + 1; }
	return inner(x) * 2;
}
function loss(x = 3) {
	const scale = x / 3;
	const f = (v) => v * scale;
	return nested(f(x)) + poly(x, 3);
}`);
		expect(run(graph, [3]).value).toBe((3 ** 2 + 1) * 2 + 27);
	});

	it('reads matrices by row and element, also through a symbolic row', () => {
		const graph = lowerJs(`const X = [[1, 2], [3, 4], [5, 6]];
function loss(w = [1, -1]) {
	let s = 0;
	for (const row of X) s += row[0] * w[0] + row[1] * w[1] + row.length;
	return s + X[2][1] + X.length;
}`);
		expect(run(graph).value).toBe(-3 + 6 + 6 + 3);
	});

	it('takes a conditional choice between arrays element by element', () => {
		const graph = lowerJs('const a = [1, 2];\nconst b = [10, 20];\nfunction loss(x = 1) { return (x > 0 ? a : b)[1] * x; }');
		expect(run(graph, [2]).value).toBe(4);
		expect(run(graph, [-2]).value).toBe(-40);
	});
});

describe('TypeScript', () => {
	it('ignores types, assertions and type declarations', () => {
		const graph = lowerTs(`type Vec = number[];
interface Options { rate: number }
enum Unused { A }
declare const external: number;
const xs = [1, 2, 3] as const;
export function loss(w: Vec = [1, 2, 3] satisfies Vec, b?: number): number {
	type Local = number;
	const total: Local = w.reduce((s: number, v: number, i: number) => s + v * xs[i]!, 0);
	return (total as number) + <number>b!;
}`);
		expect(run(graph).value).toBe(14);
	});
});
