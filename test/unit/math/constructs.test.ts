// One test per construct of the math and LaTeX front ends, each against a value and derivative computed by hand.
import { describe, expect, it } from 'vitest';
import { latexFrontEnd } from '../../../src/engine/language/math/mathFrontEnd';
import { evaluateMath } from './evaluateMath';

type Case = readonly [source: string, point: readonly number[], value: number, gradient: readonly number[]];

function check(language: 'math' | 'latex', cases: readonly Case[]): void {
	for (const [source, point, value, gradient] of cases) {
		it(`${source} at (${point.join(', ')}) = ${value}`, () => {
			const result = evaluateMath(language, source, point);
			expect(result.value).toBeCloseTo(value, 12);
			expect(result.gradient.length).toBe(gradient.length);
			gradient.forEach((g, j) => expect(result.gradient[j], `∂/∂${result.params[j]}`).toBeCloseTo(g, 12));
		});
	}
}

describe('LaTeX constructs', () => {
	describe('\\frac, \\dfrac, \\tfrac', () => check('latex', [
		['\\frac{x}{4}', [2], 0.5, [0.25]],
		['\\dfrac{1}{x}', [2], 0.5, [-0.25]],
		['\\tfrac12 x', [3], 1.5, [0.5]],
		['\\frac{x+1}{x-1}', [3], 2, [-0.5]],
	]));
	describe('\\sqrt and \\sqrt[n]', () => check('latex', [
		['\\sqrt{x}', [9], 3, [1 / 6]],
		['\\sqrt x + 1', [4], 3, [0.25]],
		['\\sqrt[3]{x}', [8], 2, [1 / 12]],
		['\\sqrt[4]{x}', [16], 2, [1 / 32]],
	]));
	describe('powers: ^{}, ^2, e^{-x}', () => check('latex', [
		['x^{2}', [3], 9, [6]],
		['x^2', [3], 9, [6]],
		['x^23', [2], 12, [12]],
		['e^{-x}', [1], Math.exp(-1), [-Math.exp(-1)]],
		['x^{-1}', [2], 0.5, [-0.25]],
		['2^{x}', [3], 8, [8 * Math.LN2]],
	]));
	describe('subscripts are part of names', () => {
		check('latex', [['w_1^2 + 3w_{2}', [2, 5], 19, [4, 3]]]);
		it('names w_{new} and x_{i} like w_new and x_i', () => {
			expect(evaluateMath('latex', 'L = w_{new} - x_{i}', [5, 2]).params).toEqual(['w_new', 'x_i']);
			expect(evaluateMath('latex', '\\theta_0 + \\theta_{1}', [1, 2]).params).toEqual(['θ_0', 'θ_1']);
		});
	});
	describe('\\cdot and \\times', () => check('latex', [['3 \\cdot x \\times y', [2, 5], 30, [15, 6]]]));
	describe('\\left( \\right), \\left[ \\right], \\{ \\}', () => check('latex', [
		['\\left(x - 1\\right)^2 + \\left[x + 1\\right]^2 + \\left\\{x\\right\\}', [2], 12, [9]],
		['\\bigl(x\\bigr) + \\{x\\}', [1], 2, [2]],
	]));
	describe('\\sum over an integer range', () => {
		check('latex', [
			['\\sum_{i=1}^{3} (x - i)^2', [0], 14, [-12]],
			['\\sum_{i=1}^{3} (x - i)^2', [2], 2, [0]],
			['\\sum^{3}_{k=0} k x', [2], 12, [6]],
			['\\sum_{i=1}^{2}\\sum_{j=1}^{3} (x - i j)^2', [0], 70, [-36]],
			['\\sum_{i=1}^{3} x_i^2', [1, 2, 3], 14, [2, 4, 6]],
		]);
		it('keeps a sum over its index as a loop', () => {
			const { graph } = latexFrontEnd.lower('\\sum_{i=1}^{1000} (x - i)^2', {});
			expect(graph.output.kind).toBe('sum');
		});
		it('names the parameters of a written-out sum x_1, x_2, ...', () => {
			expect(evaluateMath('latex', '\\sum_{i=1}^{3} x_i^2', [1, 2, 3]).params).toEqual(['x_1', 'x_2', 'x_3']);
		});
	});
	describe('implicit multiplication', () => check('latex', [
		['2x', [3], 6, [2]],
		['3(x+1)', [1], 6, [3]],
		['x y', [2, 3], 6, [3, 2]],
		['xy', [2, 3], 6, [3, 2]],
		['2\\pi x', [1], 2 * Math.PI, [2 * Math.PI]],
		['(x+1)(x-1)', [3], 8, [6]],
	]));
	describe('Greek letters and constants', () => {
		check('latex', [
			['\\theta^2 + 2\\eta', [3, 1], 11, [6, 2]],
			['θ^2 + η', [3, 1], 10, [6, 1]],
			['e x + \\pi', [1], Math.E + Math.PI, [Math.E]],
		]);
		it('names Greek parameters by their letters', () => {
			expect(evaluateMath('latex', '\\theta^2 + 2\\eta', [0, 0]).params).toEqual(['θ', 'η']);
		});
		it('takes e as a parameter when the signature declares it', () => {
			expect(evaluateMath('latex', 'f(e) = e^2', [3]).value).toBe(9);
		});
	});
	describe('absolute values |x|, \\left| \\right|, \\abs', () => check('latex', [
		['|x|', [-3], 3, [-1]],
		['|x - 3| + \\left| y \\right|', [1, -2], 4, [-1, -1]],
		['\\abs{x}', [-2], 2, [-1]],
		['||x| - 2|', [-1], 1, [1]],
		['|x| |y|', [-2, 3], 6, [-3, 2]],
	]));
	describe('functions', () => check('latex', [
		['\\sin x + \\cos x', [0], 1, [1]],
		['\\ln x', [Math.E], 1, [1 / Math.E]],
		['\\log x', [Math.E], 1, [1 / Math.E]],
		['\\log_2 x', [8], 3, [1 / (8 * Math.LN2)]],
		['\\log_{10} x', [100], 2, [1 / (100 * Math.LN10)]],
		['\\exp(x)', [0], 1, [1]],
		['\\sin^2 x + \\cos^2 x', [0.7], 1, [0]],
		['\\max(x, 1)', [3], 3, [1]],
		['\\tanh x', [0], 0, [1]],
		['\\arctan x', [1], Math.PI / 4, [0.5]],
		['\\sin 2x', [Math.PI / 4], 1, [0]],
		['\\mathrm{lr} \\cdot x', [2, 3], 6, [3, 2]],
	]));
	describe('spacing commands are ignored', () => check('latex', [['x\\,+\\;1\\!\\quad + \\qquad 0', [1], 2, [1]]]));
});

describe('plain math', () => {
	describe('expressions', () => check('math', [
		['(x-1)^2 + 1', [5], 17, [8]],
		['x**3', [2], 8, [12]],
		['x^-1', [4], 0.25, [-1 / 16]],
		['x + 2^3^2', [0], 512, [1]],
		['2 sin x', [Math.PI / 2], 2, [0]],
		['log(x) + ln(x)', [Math.E], 2, [2 / Math.E]],
		['log10(x) + log2(y)', [1000, 8], 6, [1 / (1000 * Math.LN10), 1 / (8 * Math.LN2)]],
		['sqrt(x) + abs(y)', [9, -2], 5, [1 / 6, -1]],
		['2pi x + e', [1], 2 * Math.PI + Math.E, [2 * Math.PI]],
		['θ^2 + 2η', [3, 1], 11, [6, 2]],
		['1.5e2 x', [2], 300, [150]],
	]));
	it('names an equation by its left side and takes the signature order', () => {
		const f = evaluateMath('math', 'f(x, y) = x^2 + 3y^2', [1, 2]);
		expect([f.name, f.params, f.value, f.gradient]).toEqual(['f', ['x', 'y'], 13, [2, 12]]);
		const l = evaluateMath('math', 'L(w, b) = (w + 2b - 1)^2', [1, 1]);
		expect([l.name, l.params, l.value, l.gradient]).toEqual(['L', ['w', 'b'], 4, [4, 8]]);
		expect(evaluateMath('math', 'f(y, x) = x - y', [1, 5]).value).toBe(4);
	});
	it('takes free variables in order of first appearance without a signature', () => {
		const y = evaluateMath('math', 'y = (x - 1)^2 + 1', [5]);
		expect([y.name, y.params, y.value, y.gradient]).toEqual(['y', ['x'], 17, [8]]);
		expect(evaluateMath('math', 'z = b + a^2', [1, 2]).params).toEqual(['b', 'a']);
		expect(evaluateMath('math', '(x-1)^2', [0]).name).toBe('f');
		expect(evaluateMath('latex', '\\sin^{a} x', [1, 0]).params).toEqual(['a', 'x']);
	});
	it('reads a multi-letter run as one name, split only into declared one-letter parameters', () => {
		expect(evaluateMath('math', 'z = xy + 1', [2]).params).toEqual(['xy']);
		expect(evaluateMath('math', 'f(x, y) = xy^2', [2, 3]).value).toBe(18);
		expect(evaluateMath('math', 'loss = rate * w^2', [2, 3]).params).toEqual(['rate', 'w']);
		expect(evaluateMath('math', 'w_1 + w_new', [1, 2]).params).toEqual(['w_1', 'w_new']);
	});
	it('joins adjacent letters into one name on the left side in LaTeX', () => {
		expect(evaluateMath('latex', 'loss(w) = w^2', [3]).name).toBe('loss');
	});
	it('accepts LaTeX wrapped in $...$, \\[...\\] or an equation environment', () => {
		for (const source of ['$x^2$', '$$x^2$$', '\\[ x^2 \\]', '\\(x^2\\)', '\\begin{equation}\n  f(x) = x^2 \\label{eq:f}\n\\end{equation}']) {
			expect(evaluateMath('latex', source, [3]).value, source).toBe(9);
		}
		expect(evaluateMath('latex', 'f(x) &= x^2 .', [3]).value).toBe(9);
	});
});
