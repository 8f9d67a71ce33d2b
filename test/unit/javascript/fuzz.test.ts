// Fuzzing the front end: mutated valid sources, random token soups, random strings and hand-made adversarial inputs.
// Every input must end in a LossGraph or a LossSyntaxError with a 1-based integer position, never another exception,
// and quickly (no unrolling of huge loops, no exponential inlining, no stack overflow escaping).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLossSyntaxError } from '../../../src/engine/errors';
import type { FrontEnd } from '../../../src/engine/language/frontEnd';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { javaScriptSources } from '../fixtures/javaScriptSources';
import { mutate, mutationOf } from '../fixtures/sourceMutations';

// A hang is minutes; a loaded 2-core machine stretches a normal run to a few seconds, so the margin is wide.
const timeLimitMs = 30_000;

function expectPosition(error: unknown, source: string): void {
	if (!isLossSyntaxError(error)) {
		throw new Error(`not a LossSyntaxError for ${JSON.stringify(source)}: ${String(error)}`);
	}
	expect(Number.isInteger(error.line) && error.line >= 1, `line ${error.line}`).toBe(true);
	expect(Number.isInteger(error.column) && error.column >= 1, `column ${error.column}`).toBe(true);
}

/** Runs `lower` and `list` on `source`: each returns or throws a positioned LossSyntaxError, in time. */
function check(frontEnd: FrontEnd, source: string): void {
	for (const run of [() => frontEnd.lower(source, {}), () => frontEnd.list(source)]) {
		const start = performance.now();
		try {
			const result = run();
			if (Array.isArray(result)) {
				for (const found of result) if (found.kind === 'error') expectPosition(found.error, source);
			}
		} catch (error) {
			expectPosition(error, source);
		}
		const elapsed = performance.now() - start;
		const what = `took ${elapsed.toFixed(0)} ms: ${JSON.stringify(source.slice(0, 300))}`;
		expect(elapsed, what).toBeLessThan(timeLimitMs);
	}
}

const extraSeeds = [
	`const xs = [1, 2, 3, 4];
const ys = [2, 4, 6, 8];
function loss(w = 0, b = 0) {
	let s = 0;
	for (let i = 0; i < xs.length; i++) {
		const r = w * xs[i] + b - ys[i];
		if (r > 0) s += r * r; else s -= r;
	}
	return s / xs.length;
}`,
	`function helper(v, k = 2) { return v ** k; }
export const loss = (x = 1, y = [1, 2]) => y.map((v, i) => helper(v - x, i + 1)).reduce((a, b) => a + b, 0);`,
	`function loss(x = 1) { let p = 1; for (let i = 0; i < 10; i++) { p *= x; if (p > 2) return p; } return -p; }`,
	`const X: number[][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = new Float64Array([0, 1, 1, 0]);
interface Sample { x: number; t: number }
const data: Sample[] = [{ x: 1.5, t: 0 }, { x: -0.5, t: 1 }];
export function loss(W1: number[][] = [[0.5, -0.4], [0.3, 0.6]], p = { w: [0.1, -0.2], b: 0 }) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		const h: number[] = [];
		for (let j = 0; j < 2; j++) h.push(Math.tanh(W1[j][0] * X[n][0] + W1[j][1] * X[n][1]));
		const g = new Array(2).fill(0);
		g[1] = h[0] * p.w[0];
		total += (Math.max(...h) + g[1] + p.b - Y[n]) ** 2;
	}
	data.forEach(({ x, t }, i) => { total += (p.w[1] * x - t) ** 2 * i; });
	for (const { x } of data) total += x * p.b;
	return total;
}`,
];
const seeds = [...javaScriptSources.map((s) => s.source), ...extraSeeds];

const tokens = [
	'for', 'while', 'if', 'else', 'return', 'const ', 'let ', 'function ', '(', ')', '{', '}', '[', ']', ';', ',', '=',
	'+=', '*=', '**', '?', ':', '<', '<=', '1e12', '1e7', 'i++', 'i--', 'Math.', 'Math.max(', '.map(', '.reduce(', '=>',
	'x', 'w[i]', 'xs.length', 'loss', "'s'", 'new ', 'this', '...', '0', '-', '/', '.length', ' ', '\n', 'break;',
	'/*', '*/', '//', '`', 'NaN', 'Infinity', 'import x from "y";', 'class A {}', 'console.log(x);', 'x = x * x;',
	'for (let i = 0; i < 1e12; i++) s += x;', 'loss(x)', 'async ', 'await ', 'yield ', ': number', 'as any', '!',
	'.push(', '.forEach(', '.fill(', 'new Array(', 'new Float64Array(', '{ x: 1, t: 2 }', '{ x, t }', 'p.w', 'h[j] = ',
	'W[i][j] += ', ': number[][]', 'interface S { x: number }', '= { w: [1, 2], b: 0 }', 'Math.max(...',
	'Array.from({ length: 2 }, () => 0)', 'Array.from({ length: n }, (_, i) => [i, 0])', 'type P = { v: number[]; y: number };',
	'for (const { x, t } of data) ', '.forEach((x, i) => ', 'Float64Array.from(', 'p.w[0]', 'const { x: a } = d[0];',
];

const mutation = mutationOf(tokens);

describe('fuzzing the JavaScript and TypeScript front ends', () => {
	const frontEnds = [['javascript', javaScriptFrontEnd], ['typescript', typeScriptFrontEnd]] as const;
	for (const [language, frontEnd] of frontEnds) {
		it(`survives mutated valid sources (${language})`, () => {
			fc.assert(
				fc.property(
					fc.nat({ max: seeds.length - 1 }),
					fc.array(mutation, { minLength: 1, maxLength: 4 }),
					(i, mutations) => check(frontEnd, mutate(seeds[i]!, mutations)),
				),
				{ numRuns: 400, seed: language === 'javascript' ? 1 : 2 },
			);
		});

		it(`survives token soups and random strings (${language})`, () => {
			const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(''));
			fc.assert(
				fc.property(
					fc.oneof(soup, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })),
					(source) => check(frontEnd, source),
				),
				{ numRuns: 400, seed: language === 'javascript' ? 3 : 4 },
			);
		});
	}

	const deep = 5000;
	const adversarial: Record<string, string> = {
		'a loop of 1e12 iterations': 'function loss(x = 1) { let s = 0; for (let i = 0; i < 1e12; i++) s += x; return s; }',
		'a long multiplicative loop': 'function loss(x = 1) { let p = 1; for (let i = 0; i < 1e7; i++) p *= x; return p; }',
		'a huge loop nest': 'function loss(x = 1) { let s = 0; for (let i = 0; i < 1e5; i++) for (let j = 0; j < 1e5; j++) s += x; return s; }',
		'nested unrolled loops': 'function loss(x = 1) { let p = 1; for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) p = p * x + j; return p; }',
		'exponential inlining': `const f0 = (x) => x + 1;\n${Array.from({ length: 40 }, (_, i) => `const f${i + 1} = (x) => f${i}(x) * f${i}(x + 1);`).join('\n')}\nfunction loss(x = 1) { return f40(x); }`,
		'exponential early returns': `function loss(x = 1) {\n${Array.from({ length: 40 }, (_, i) => `\tif (x > ${i}) { if (x < ${i + 0.5}) return x * ${i}; }`).join('\n')}\n\treturn x;\n}`,
		'deeply nested parentheses': `function loss(x = 1) { return ${'('.repeat(deep)}x${')'.repeat(deep)}; }`,
		'a long chain of unary minus': `function loss(x = 1) { return ${'-'.repeat(deep).split('').join(' ')} x; }`,
		'a long sum': `function loss(x = 1) { return ${Array.from({ length: 20000 }, () => 'x').join(' + ')}; }`,
		'deeply nested blocks': `function loss(x = 1) { ${'{'.repeat(deep)} ${'}'.repeat(deep)} return x; }`,
		'deeply nested arrays': `const a = ${'['.repeat(deep)}1${']'.repeat(deep)};\nfunction loss(x = 1) { return x; }`,
		'recursion through a lambda': 'const f = (x) => f(x - 1);\nfunction loss(x = 1) { return f(x); }',
		'mutual recursion': 'function f(x) { return g(x); }\nfunction g(x) { return f(x); }\nfunction loss(x = 1) { return f(x); }',
		'a self-referencing constant': 'const a = b + 1;\nconst b = a + 1;\nfunction loss(x = 1) { return a * x; }',
		'a huge array length': 'function loss(x = 1) { return Array.from({ length: 1e9 }, (_, i) => i * x).reduce((s, v) => s + v, 0); }',
		'a huge filled array': 'function loss(x = 1) { const h = new Array(1e12).fill(0); h[0] = x; return h[0]; }',
		'a huge typed array': 'const d = new Float64Array(1e12);\nfunction loss(x = 1) { return d[0] * x; }',
		'a huge push loop': 'function loss(x = 1) { const h = []; for (let i = 0; i < 1e9; i++) h.push(x * i); return h[0]; }',
		'a huge matrix parameter': `function loss(W: number[][] = Array.from({ length: 1e6 }, () => new Array(1e6).fill(0))) { return W[0][0]; }`,
		'a spread of a huge array': 'function loss(x = 1) { return Math.max(...Array.from({ length: 1e9 }, (_, i) => i * x)); }',
		'records nested deeply': `const r = ${'{ a: '.repeat(2000)}1${' }'.repeat(2000)};\nfunction loss(x = 1) { return x; }`,
		'a triangular loop nest over data': `const xs = [${Array.from({ length: 3000 }, (_, i) => i % 7).join(', ')}];\nfunction loss(x = 1) { let s = 0; for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) s += x * xs[j]; return s; }`,
	};
	for (const [label, source] of Object.entries(adversarial)) {
		it(`ends quickly on ${label}`, () => {
			check(javaScriptFrontEnd, source);
			check(typeScriptFrontEnd, source);
		});
	}
});
