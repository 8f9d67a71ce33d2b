// Every syntax error is a LossSyntaxError at the offending token, naming it.
import { describe, expect, it } from 'vitest';
import { latexFrontEnd, mathFrontEnd } from '../../../src/engine/language/math/mathFrontEnd';
import { loweringError } from './evaluateMath';

type Case = readonly [language: 'math' | 'latex', source: string, message: string, line: number, column: number];

const cases: readonly Case[] = [
	['math', 'x + )', "unexpected ')'", 1, 5],
	['math', '(x + 1', "'(' is never closed", 1, 7],
	['math', '(x + 1]', "expected ')' to close '(', found ']'", 1, 7],
	['latex', '\\foo{x} + 1', 'unknown function \\foo', 1, 1],
	['latex', 'x + \\sum x', '\\sum needs bounds like \\sum_{i=1}^{n}', 1, 5],
	['latex', '\\sum_{i}^{3} x', '\\sum needs bounds like \\sum_{i=1}^{n}', 1, 1],
	['latex', '\\sum_{i=1}^{n} (x - i)^2', 'the bounds of \\sum must be numbers, and n is not one', 1, 13],
	['latex', '\\sum_{i=1}^{2.5} x', 'the upper bound of \\sum must be an integer, like \\sum_{i=1}^{10}', 1, 13],
	['latex', '\\sum_{i=1}^{10^{12}} (x - i)^2', '\\sum of 1000000000000 terms is too long: at most 10,000,000 iterations in all', 1, 1],
	['math', 'sum_{i=1}^{1e12} (x - i)^2', '\\sum of 1000000000000 terms is too long: at most 10,000,000 iterations in all', 1, 1],
	['latex', '\\sum_{i=1}^{5000}\\sum_{j=1}^{5000} x', '\\sum of 5000 terms is too long: at most 10,000,000 iterations in all', 1, 18],
	['math', 'f(x) = x + y', 'unknown name y: f(x) does not take it', 1, 12],
	['math', 'f(x) = x = 2', "more than one '=': write one equation per block", 1, 10],
	['math', 'x + y = 1', "the left side of '=' must name the function, like f(x, y) = ...", 1, 3],
	['math', 'y = y + x', 'y is defined in terms of itself', 1, 5],
	['latex', 'x^2^3', 'double superscript: use braces, like {x^{a}}^{b}', 1, 4],
	['latex', 'f(x) =\n  x + \\foo', 'unknown function \\foo', 2, 7],
	['latex', '\\sin(x, y)', 'sin takes 1 argument, not 2', 1, 1],
	['latex', '\\sin^{-1} x', "'\\sin'^{-1} is ambiguous: write the inverse (\\arcsin) or 1 / '\\sin'", 1, 1],
	['latex', 'x_{i+1}', 'the subscript of x must be a name or a number, like x_{1}', 1, 1],
	['latex', 'w - \\eta \\nabla L', 'uses \\nabla: an update rule, not a loss', 1, 10],
	['latex', 'L = f(a, b, ...)', 'unknown function f: only built-in functions such as sin, exp and log can be called', 1, 5],
	['latex', 'x + \\ldots', 'uses an ellipsis (\\ldots): not a computable expression', 1, 5],
	['math', 'x + ... + z', 'uses an ellipsis (...): not a computable expression', 1, 5],
	['math', 'x ! 2', "unexpected '!'", 1, 3],
	['math', 'x @ 2', "unexpected character '@'", 1, 3],
	['latex', 'f(x, x) = x', 'parameter x appears twice', 1, 6],
	['latex', '\\begin{cases} x \\end{cases}', 'the cases environment is not supported', 1, 1],
	['latex', 'a \\\\ b', 'several lines (\\\\): write one equation per block', 1, 3],
	['math', '3 + 4', 'f has no variables: nothing to minimize', 1, 1],
	['math', '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x', 'the expression is nested too deeply', 1, 101],
];

describe('syntax errors', () => {
	for (const [language, source, message, line, column] of cases) {
		it(`${language}: ${source.slice(0, 40)} → ${message}`, () => {
			expect(loweringError(language, source)).toEqual({ message, line, column });
		});
	}

	it('lists an unparsable text by throwing, and a lowering failure as an error entry', () => {
		expect(() => mathFrontEnd.list('x + )')).toThrow("unexpected ')'");
		const [found] = latexFrontEnd.list('\\sum_{i=1}^{n} x');
		expect(found?.kind).toBe('error');
		expect(mathFrontEnd.list('   \n ')).toEqual([]);
	});

	it('rejects a name that is not the loss', () => {
		expect(() => mathFrontEnd.lower('y = x^2', { name: 'z' })).toThrow("no loss named 'z' (found: y)");
	});
});
