// Property tests: random expressions over 2-3 variables, written as JavaScript source, lowered and evaluated at random
// points. The compiled code must agree with the reference interpreter, both with an evaluator of the expression tree
// written here, and autodiff with central differences wherever the function is smooth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { javaScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { relativeError } from '../fixtures/classicFunctions';

type Expr =
	| { readonly kind: 'num'; readonly value: number }
	| { readonly kind: 'var'; readonly index: number }
	| { readonly kind: 'neg'; readonly arg: Expr }
	| { readonly kind: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr }
	| { readonly kind: 'pow'; readonly base: Expr; readonly exponent: number }
	| { readonly kind: 'fn'; readonly fn: 'sin' | 'cos' | 'exp' | 'logAbs1' | 'sqrtSq1' | 'tanh'; readonly arg: Expr }
	| {
		readonly kind: 'cond';
		readonly op: '<' | '>' | '<=';
		readonly a: Expr;
		readonly b: Expr;
		readonly then: Expr;
		readonly else: Expr;
	};

const names = ['x', 'y', 'z'];

function source(e: Expr): string {
	switch (e.kind) {
		case 'num': return e.value < 0 ? `(${e.value})` : String(e.value);
		case 'var': return names[e.index]!;
		case 'neg': return `(-${source(e.arg)})`;
		case 'bin': return `(${source(e.left)} ${e.op} ${source(e.right)})`;
		case 'pow': return `(${source(e.base)} ** ${e.exponent})`;
		case 'fn': {
			const a = source(e.arg);
			if (e.fn === 'logAbs1') return `Math.log(Math.abs(${a}) + 1)`;
			if (e.fn === 'sqrtSq1') return `Math.sqrt(${a} * ${a} + 1)`;
			return `Math.${e.fn}(${a})`;
		}
		case 'cond': return `(${source(e.a)} ${e.op} ${source(e.b)} ? ${source(e.then)} : ${source(e.else)})`;
		default: {
			const never: never = e;
			return never;
		}
	}
}

/** The reference: the same arithmetic, in the same order, on numbers. */
function value(e: Expr, p: readonly number[]): number {
	switch (e.kind) {
		case 'num': return e.value;
		case 'var': return p[e.index]!;
		case 'neg': return -value(e.arg, p);
		case 'bin': {
			const a = value(e.left, p);
			const b = value(e.right, p);
			return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
		}
		case 'pow': return value(e.base, p) ** e.exponent;
		case 'fn': {
			const a = value(e.arg, p);
			if (e.fn === 'logAbs1') return Math.log(Math.abs(a) + 1);
			if (e.fn === 'sqrtSq1') return Math.sqrt(a * a + 1);
			return Math[e.fn](a);
		}
		case 'cond': {
			const a = value(e.a, p);
			const b = value(e.b, p);
			const holds = e.op === '<' ? a < b : e.op === '>' ? a > b : a <= b;
			return holds ? value(e.then, p) : value(e.else, p);
		}
		default: {
			const never: never = e;
			return never;
		}
	}
}

function expressions(variables: number): fc.Arbitrary<Expr> {
	const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
		expr: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.integer({ min: -5, max: 5 }).map((v): Expr => ({ kind: 'num', value: v })),
			fc.integer({ min: -20, max: 20 }).map((v): Expr => ({ kind: 'num', value: v / 4 })),
			fc.nat({ max: variables - 1 }).map((index): Expr => ({ kind: 'var', index })),
			fc.nat({ max: variables - 1 }).map((index): Expr => ({ kind: 'var', index })),
			tie('expr').map((arg): Expr => ({ kind: 'neg', arg })),
			fc.record({ op: fc.constantFrom('+', '-', '*', '/'), left: tie('expr'), right: tie('expr') })
				.map((r): Expr => ({ kind: 'bin', ...r })),
			fc.record({ base: tie('expr'), exponent: fc.integer({ min: 2, max: 4 }) })
				.map((r): Expr => ({ kind: 'pow', ...r })),
			fc.record({ fn: fc.constantFrom('sin', 'cos', 'exp', 'logAbs1', 'sqrtSq1', 'tanh'), arg: tie('expr') })
				.map((r): Expr => ({ kind: 'fn', ...r })),
			fc.record({
				op: fc.constantFrom('<', '>', '<='),
				a: tie('expr'),
				b: tie('expr'),
				then: tie('expr'),
				else: tie('expr'),
			}).map((r): Expr => ({ kind: 'cond', ...r })),
		),
	}));
	return expr;
}

const coordinate = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });
/** Points for finite differences: no subnormal coordinates, where a step h ≫ |x| would cross a pole. */
const moderate = fc.oneof(
	fc.integer({ min: -200, max: 200 }).map((v) => v / 100),
	coordinate.filter((v) => v === 0 || Math.abs(v) > 1e-3),
);

function point(coordinates: fc.Arbitrary<number>, variables: number): fc.Arbitrary<number[]> {
	return fc.array(coordinates, { minLength: variables, maxLength: variables });
}

function agree(a: number, b: number): boolean {
	if (!Number.isFinite(a) || !Number.isFinite(b)) return !Number.isFinite(a) && !Number.isFinite(b);
	return relativeError(a, b) <= 1e-12;
}

describe('random expressions', () => {
	for (const variables of [2, 3]) {
		it(`agree between the compiled code, the interpreter and the expression (${variables} variables)`, () => {
			let infiniteTimesZero = 0;
			fc.assert(
				fc.property(expressions(variables), point(coordinate, variables), (e, p) => {
					const text = `function loss(${names.slice(0, variables).join(', ')}) {\n\treturn ${source(e)};\n}\n`;
					const { graph } = javaScriptFrontEnd.lower(text, {});
					const g = new Float64Array(variables);
					const gi = new Float64Array(variables);
					const f = compileGraph(graph).valueAndGradient(p, g);
					const fi = interpretValueAndGradient(graph, p, gi);
					expect(agree(f, value(e, p)), `${text} at [${p}]: ${f} vs ${value(e, p)}`).toBe(true);
					expect(agree(f, fi), `${text}: compiled ${f}, interpreted ${fi}`).toBe(true);
					if (!Number.isFinite(f)) return;
					for (let i = 0; i < variables; i++) {
						// The interpreter skips zero adjoints (0 · ∞ = 0); the compiled code guards only select
						// branches, so where a partial is infinite but its adjoint zero (exp(-1 / x²) at x = 0) it
						// gives NaN.
						if (Number.isNaN(g[i]!) && Number.isFinite(gi[i]!)) {
							infiniteTimesZero++;
							continue;
						}
						expect(agree(g[i]!, gi[i]!), `${text} at [${p}]: ∂${names[i]} ${g[i]} vs ${gi[i]}`).toBe(true);
					}
				}),
				{ numRuns: 500, seed: 20240611 + variables },
			);
			expect(infiniteTimesZero).toBeLessThan(10);
		});

		it(`have autodiff gradients equal to central differences where smooth (${variables} variables)`, () => {
			let checked = 0;
			fc.assert(
				fc.property(expressions(variables), point(moderate, variables), (e, p) => {
					const text = `const loss = (${names.slice(0, variables).join(', ')}) => ${source(e)};`;
					const { graph } = javaScriptFrontEnd.lower(text, {});
					const compiled = compileGraph(graph);
					const g = new Float64Array(variables);
					if (!Number.isFinite(compiled.valueAndGradient(p, g))) return;
					for (let i = 0; i < variables; i++) {
						const numeric = centralDifference((q) => compiled.value(q), p, i);
						if (numeric === undefined || !Number.isFinite(g[i]!)) continue;
						checked++;
						const error = Math.abs(g[i]! - numeric) / Math.max(1, Math.abs(g[i]!), Math.abs(numeric));
						const what = `${text} at [${p}]: ∂${names[i]} autodiff ${g[i]}, numeric ${numeric}`;
						expect(error, what).toBeLessThan(1e-5);
					}
				}),
				{ numRuns: 500, seed: 7 + variables },
			);
			expect(checked).toBeGreaterThan(300);
		});
	}
});

/**
 * ∂f/∂p_i by central differences, or undefined where f is not smooth enough to tell: no value may be non-finite, the
 * one-sided differences must agree (no kink or jump within h), the estimates with steps h and h/2 must agree, and
 * rounding in f, magnified by 1/h, must be far below the tolerance.
 */
function centralDifference(f: (q: number[]) => number, p: readonly number[], i: number): number | undefined {
	const shifted = (h: number) => {
		const q = [...p];
		q[i]! += h;
		return f(q);
	};
	const h = 1e-5 * Math.max(1, Math.abs(p[i]!));
	const [minus, centre, plus] = [shifted(-h), f([...p]), shifted(h)];
	const coarse = (plus - minus) / (2 * h);
	const fine = (shifted(h / 2) - shifted(-h / 2)) / h;
	if (![minus, centre, plus, coarse, fine].every(Number.isFinite)) return undefined;
	const scale = Math.max(1, Math.abs(fine));
	if (Math.abs((plus - centre) / h - (centre - minus) / h) > 1e-3 * scale) return undefined;
	if (Math.abs(coarse - fine) > 1e-7 * scale) return undefined;
	if ((1e-15 * Math.abs(centre)) / h > 1e-7 * scale) return undefined;
	return fine;
}
