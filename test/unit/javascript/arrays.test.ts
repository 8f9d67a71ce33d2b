// Arrays and records as people write them in JavaScript/TypeScript losses (issue #12): arrays built with push or
// element assignment, new Array(n).fill(0), Array.from, Float64Array data, forEach with an accumulator,
// Math.max(...v), arrays of records with an interface, destructuring, and parameters grouped in an object. Expected
// values come from the same source run as JavaScript (jsOracle.ts); gradients from central differences of that run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss, type Loss } from '../../../src/engine/compileLoss';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { collectNodes, paramShape } from '../../../src/engine/graph/node';
import { relativeError } from '../fixtures/classicFunctions';
import { argumentsAt, oracleGradient, runAsJavaScript } from './jsOracle';

const xorExample = readFileSync(join(__dirname, '../../../examples/xor-network.ts'), 'utf8');

const xorData = `const X: number[][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [0, 1, 1, 0];
`;

const sources: Record<string, string> = {
	'push in a loop, inside a loop over samples': `${xorData}
function loss(a: number[] = [0.5, -0.3, 0.2, 0.8], b1: number[] = [0.1, -0.1], w2: number[] = [1, -1], b2 = 0.05) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		const h: number[] = [];
		for (let j = 0; j < 2; j++) h.push(Math.tanh(a[2 * j] * X[n][0] + a[2 * j + 1] * X[n][1] + b1[j]));
		let out = b2;
		for (let j = 0; j < 2; j++) out += w2[j] * h[j];
		total += (out - Y[n]) ** 2;
	}
	return total / X.length;
}`,
	'the XOR network of issue #12: W1: number[][], h.push, h[j] = ...': `${xorData}
export function loss(W1: number[][] = [[0.5, -0.4], [0.3, 0.6]], b1: number[] = [0.1, -0.1], w2: number[] = [0.7, -0.5], b2 = 0) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		const h: number[] = [];
		for (let j = 0; j < 2; j++) h.push(Math.tanh(W1[j][0] * X[n][0] + W1[j][1] * X[n][1] + b1[j]));
		const o = new Array(2).fill(0);
		for (let j = 0; j < 2; j++) o[j] = w2[j] * h[j];
		total += (o[0] + o[1] + b2 - Y[n]) ** 2;
	}
	return total / X.length;
}`,
	'examples/xor-network.ts': xorExample,
	'element assignment on new Array(n).fill(0)': `${xorData}
function loss(w: number[] = [0.3, -0.7], c = 0.2) {
	let total = 0;
	for (const x of X) {
		const z = new Array(2).fill(0);
		for (let j = 0; j < 2; j++) z[j] = w[j] * x[j] + c;
		z[1] += z[0] * 0.5;
		total += z[0] ** 2 + Math.sin(z[1]);
	}
	return total;
}`,
	'Array.from({ length }) then assignment, and a local matrix': `function loss(u = 0.4, v = -1.2) {
	const m = Array.from({ length: 2 }, () => [0, 0]);
	m[0][0] = u; m[0][1] = v; m[1][0] = u * v; m[1][1] = 1;
	const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
	return det ** 2 + Math.max(...m[0]);
}`,
	'Float64Array data and forEach with an accumulator': `const xs = new Float64Array([0.5, 1.5, -2, 3]);
const ys = Float64Array.from([1, 2.5, -3, 5.5]);
export function loss(w = 0.1, b = 0) {
	let total = 0;
	xs.forEach((x, i) => {
		const r = w * x + b - ys[i];
		total += r * r;
	});
	ys.forEach((y) => total += 0.01 * y * w);
	return total / xs.length;
}`,
	'Math.max(...v) over a computed array': `const xs = [0.2, -1, 2.5];
function loss(w = 0.7, b = -0.1) {
	const v = xs.map((x) => Math.tanh(w * x + b));
	return Math.max(...v) - Math.min(...v) + w * w;
}`,
	'an array of records with an interface, property access and destructuring': `interface Sample { x: number; t: number }
const data: Sample[] = [{ x: 1.5, t: 0 }, { x: -0.5, t: 1 }, { x: 2, t: 1 }, { x: 0.25, t: 0 }];
function loss(w = 0.3, b = 0.1) {
	let s = 0;
	for (const { x, t } of data) {
		const p = 1 / (1 + Math.exp(-(w * x + b)));
		s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
	}
	for (const d of data) s += 0.01 * d.x * w;
	const { x: first } = data[0];
	return s / data.length + 0.001 * first * b;
}`,
	'records with array fields and a type alias': `type Point = { v: number[]; y: number };
const points: Point[] = [{ v: [1, 2], y: 3 }, { v: [0, -1], y: -1 }, { v: [2, 0.5], y: 2 }];
const loss = (w: number[] = [0.2, 0.3]) => points.reduce((acc, p) => acc + (w[0] * p.v[0] + w[1] * p.v[1] - p.y) ** 2, 0);`,
	'parameters grouped in an object with a default': `const xs = [0, 1, 2, 3];
const ys = [1, 3, 5, 7.5];
function loss(p = { w: [0.1, -0.2], b: 0 }) {
	let s = 0;
	for (let i = 0; i < xs.length; i++) s += (p.w[0] * xs[i] + p.w[1] * xs[i] ** 2 + p.b - ys[i]) ** 2;
	return s;
}`,
	'a helper taking a record and an object pattern': `interface Params { a: number; c: number }
function model({ a, c }: Params, x: number) { return a * x + c; }
function loss(a = 1, c = -0.5) {
	const params = { a, c };
	return (model(params, 2) - 1) ** 2 + (model(params, -1) + 2) ** 2;
}`,
};

function compile(source: string): Loss {
	return compileLoss(source, { language: 'typescript' });
}

/** Points around the start where the oracle is compared. */
function pointsNear(start: readonly number[]): number[][] {
	return [start.slice(), start.map((v, i) => v + 0.3 * Math.sin(i + 1)), start.map((v, i) => v - 0.2 * Math.cos(2 * i))];
}

describe('JavaScript arrays and records against the same source run as JavaScript', () => {
	for (const [name, source] of Object.entries(sources)) {
		it(name, () => {
			const loss = compile(source);
			const oracle = runAsJavaScript(source);
			const f = (x: readonly number[]) => oracle(...argumentsAt(loss, x));
			for (const x of pointsNear(loss.start)) {
				const gradient = new Float64Array(x.length);
				const value = loss.valueAndGradient(x, gradient);
				expect(relativeError(value, f(x)), `value at ${x}`).toBeLessThanOrEqual(1e-12);
				const numeric = oracleGradient(f, x);
				numeric.forEach((g, i) => expect(relativeError(gradient[i]!, g), `∂/∂${loss.params[i]}`).toBeLessThanOrEqual(1e-6));
			}
		});
	}

	it('names grouped parameters p.w[0], p.w[1], p.b and starts at the default', () => {
		const loss = compile(sources['parameters grouped in an object with a default']!);
		expect(loss.params).toEqual(['p.w[0]', 'p.w[1]', 'p.b']);
		expect(loss.start).toEqual([0.1, -0.2, 0]);
	});

	it('takes array shapes from the sizes option, as the same source run in Node reads them', () => {
		const source = `function loss(W: number[][], b: number[], c: number) {
	let s = c * c;
	for (let i = 0; i < W.length; i++) for (let j = 0; j < W[i].length; j++) s += (W[i][j] - b[j] * (i + 1)) ** 2 + Math.sin(W[i][j]);
	return s;
}`;
		const loss = compileLoss(source, { language: 'typescript', sizes: { W: [2, 3], b: 3 } });
		expect(loss.params).toEqual(['W[0][0]', 'W[0][1]', 'W[0][2]', 'W[1][0]', 'W[1][1]', 'W[1][2]', 'b[0]', 'b[1]', 'b[2]', 'c']);
		expect(loss.paramSpecs.map(paramShape)).toEqual([[2, 3], [3], []]);
		const oracle = runAsJavaScript(source);
		const f = (x: readonly number[]) => oracle(...argumentsAt(loss, x));
		const x = loss.params.map((_, i) => Math.cos(3 * i) - 0.2);
		const gradient = new Float64Array(x.length);
		expect(relativeError(loss.valueAndGradient(x, gradient), f(x))).toBeLessThanOrEqual(1e-12);
		oracleGradient(f, x).forEach((g, i) => expect(relativeError(gradient[i]!, g), `∂/∂${loss.params[i]}`).toBeLessThanOrEqual(1e-6));
	});

	it('keeps a loop over 2,000 records a loop (the graph does not grow with the data)', () => {
		const size = (n: number) => {
			const rows = Array.from({ length: n }, (_, i) => `{ x: ${(i % 7) / 3}, t: ${i % 2} }`).join(', ');
			const source = `const data = [${rows}];
function loss(w = 0.5) { let s = 0; for (const { x, t } of data) { const h: number[] = []; h.push(w * x); h.push(t); s += (h[0] - h[1]) ** 2; } return s; }`;
			return collectNodes(compile(source).graph.output).length;
		};
		expect(size(2000)).toBe(size(20));
	});
});

describe('loops and the scalar version agree', () => {
	it('the XOR network with W1: number[][] has the flat names W1[0][0] .. and the value of the flat-vector version', () => {
		const matrix = compile(sources['the XOR network of issue #12: W1: number[][], h.push, h[j] = ...']!);
		expect(matrix.params).toEqual(['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'b1[0]', 'b1[1]', 'w2[0]', 'w2[1]', 'b2']);
		const flat = compile(scalarXor);
		for (const x of pointsNear(matrix.start)) {
			const [g1, g2] = [new Float64Array(x.length), new Float64Array(x.length)];
			expect(relativeError(matrix.valueAndGradient(x, g1), flat.valueAndGradient(x, g2))).toBeLessThanOrEqual(1e-12);
			g1.forEach((g, i) => expect(relativeError(g, g2[i]!)).toBeLessThanOrEqual(1e-12));
		}
	});

	const scalarXor = `${xorData}
function loss(a: number[] = [0.5, -0.3, 0.2, 0.8], b1: number[] = [0.1, -0.1], w2: number[] = [1, -1], b2 = 0.05) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		const h0 = Math.tanh(a[0] * X[n][0] + a[1] * X[n][1] + b1[0]);
		const h1 = Math.tanh(a[2] * X[n][0] + a[3] * X[n][1] + b1[1]);
		total += (b2 + w2[0] * h0 + w2[1] * h1 - Y[n]) ** 2;
	}
	return total / X.length;
}`;
	it('h.push in a loop gives the value and gradient of writing each hidden unit out', () => {
		const looped = compile(sources['push in a loop, inside a loop over samples']!);
		const plain = compile(scalarXor);
		for (const x of pointsNear(looped.start)) {
			const [g1, g2] = [new Float64Array(x.length), new Float64Array(x.length)];
			expect(relativeError(looped.valueAndGradient(x, g1), plain.valueAndGradient(x, g2))).toBeLessThanOrEqual(1e-12);
			g1.forEach((g, i) => expect(relativeError(g, g2[i]!)).toBeLessThanOrEqual(1e-12));
		}
	});
});

describe('what stays an error, with its position', () => {
	const cases: [string, string, RegExp, number, number][] = [
		['push on module data', 'const xs = [1, 2];\nfunction loss(w = 0) {\n\txs.push(w);\n\treturn w;\n}', /cannot assign to 'xs'/, 3, 2],
		['element assignment on module data', 'const xs = [1, 2];\nfunction loss(w = 0) {\n\txs[0] = w;\n\treturn w;\n}', /cannot assign to 'xs'/, 3, 2],
		['a method in an object', 'function loss(w = 0) {\n\tconst o = { f() { return 1; } };\n\treturn w;\n}', /not methods/, 2, 14],
		['a function-valued field', 'function loss(w = 0) {\n\tconst o = { f: () => 1 };\n\treturn w;\n}', /not methods/, 2, 17],
		['changing a record', 'function loss(w = 0) {\n\tconst o = { a: 1 };\n\to.a = w;\n\treturn o.a;\n}', /records in a loss are read, never changed/, 3, 2],
		['an unknown field', 'const d = [{ x: 1 }];\nfunction loss(w = 0) {\n\treturn w * d[0].y;\n}', /has no field 'y' \(it has x\)/, 3, 18],
		['records with different fields', 'const d = [{ x: 1 }, { y: 2 }];\nfunction loss(w = 0) {\n\treturn w * d[0].x;\n}', /same fields/, 1, 22],
		['new on a class', 'class A {}\nfunction loss(w = 0) {\n\tconst a = new Map();\n\treturn w;\n}', /'new' is supported only for arrays/, 3, 12],
		['push used as a value', 'function loss(w = 0) {\n\tconst h = [];\n\tconst n = h.push(w);\n\treturn w;\n}', /push changes an array/, 3, 12],
		['changing an array another name refers to', 'function loss(w = 0) {\n\tconst a = [1, 2];\n\tconst b = a;\n\tb.push(w);\n\treturn b[2];\n}', /'b' refers to an array that 'a' refers to as well/, 4, 2],
		['changing a row that another name holds', 'function loss(w = 0) {\n\tconst m = [[1, 2], [3, 4]];\n\tconst r = m[0];\n\tm[0][1] = w;\n\treturn r[1];\n}', /'m' refers to an array that 'r' refers to as well/, 4, 2],
		['changing rows that fill shares', 'function loss(w = 0) {\n\tconst m = new Array(2).fill([0, 0]);\n\tm[0][1] = w;\n\treturn m[1][1];\n}', /'m' refers to an array that 'fill' refers to as well/, 3, 2],
		['a module array changed through a local name', 'const xs = [1, 2];\nfunction loss(w = 0) {\n\tconst h = xs;\n\th.push(w);\n\treturn h[2];\n}', /'h' refers to an array that 'xs' refers to as well/, 4, 2],
		['forEach with a function name', 'function f(x) { return x; }\nfunction loss(w = 0) {\n\t[1, 2].forEach(f);\n\treturn w;\n}', /written in place/, 3, 2],
	];
	for (const [name, source, message, line, column] of cases) {
		it(name, () => {
			let error: unknown;
			try {
				compile(source);
			} catch (e) {
				error = e;
			}
			expect(isLossSyntaxError(error), String(error)).toBe(true);
			const e = error as { message: string; line: number; column: number };
			expect(e.message).toMatch(message);
			expect([e.line, e.column]).toEqual([line, column]);
		});
	}
});
