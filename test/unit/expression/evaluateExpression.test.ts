import { describe, expect, it } from 'vitest';
import { evaluateExpression, isTruthy } from '../../../src/engine/expression/evaluateExpression';
import { expressionFunctions } from '../../../src/engine/expression/functions';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { evaluate } from './helpers';

describe('IEEE arithmetic', () => {
	const table: readonly (readonly [string, number])[] = [
		['1 / 0', Infinity],
		['-1 / 0', -Infinity],
		['0 / 0', NaN],
		['5 % 0', NaN],
		['sqrt(-1)', NaN],
		['log(0)', -Infinity],
		['1e308 * 10', Infinity],
		['Infinity - Infinity', NaN],
		['NaN == NaN', 0],
		['NaN != NaN', 1],
		['NaN < 1 || NaN >= 1', 0],
		['Infinity > 1e308', 1],
		['-0 == 0', 1],
		['0.1 + 0.2', 0.1 + 0.2],
		['1e-7 * 1.5', 1.5e-7],
		['.5 + 1. + 2.5e+1 + 1E-1', 26.6],
	];
	it.each(table)('%s = %d', (text, value) => {
		expect(evaluate(text)).toBe(value);
	});
});

describe('truthiness', () => {
	it('treats 0 and NaN as false, anything else as true', () => {
		const values = [0, -0, NaN, 1, -1, 1e-300, Infinity];
		expect(values.map(isTruthy)).toEqual([false, false, false, true, true, true, true]);
		expect(evaluate('!NaN')).toBe(1);
		expect(evaluate('NaN ? 1 : 2')).toBe(2);
		expect(evaluate('0.5 && -2')).toBe(1);
		expect(evaluate('0 || NaN')).toBe(0);
	});

	it('short-circuits &&, || and ?: so skipped names are not looked up', () => {
		expect(evaluate('0 && z')).toBe(0);
		expect(evaluate('False and z')).toBe(0);
		expect(evaluate('1 || z')).toBe(1);
		expect(evaluate('1 ? 2 : z')).toBe(2);
		expect(evaluate('0 ? z : 3')).toBe(3);
		const seen: string[] = [];
		evaluateExpression(parseExpression('a || b && c'), (key) => (seen.push(key), 1));
		expect(seen).toEqual(['a']);
	});
});

describe('function table', () => {
	const table: readonly (readonly [string, number])[] = [
		['abs(-2)', 2],
		['sign(-3) + sign(0) + sign(5)', 0],
		['sqrt(16)', 4],
		['cbrt(27)', 3],
		['exp(0)', 1],
		['expm1(0)', 0],
		['log(1)', 0],
		['log(8, 2)', 3],
		['log1p(0)', 0],
		['log2(8)', 3],
		['log10(1000)', 3],
		['sin(0) + cos(0) + tan(0)', 1],
		['asin(1) * 2', Math.PI],
		['acos(1) + atan(0)', 0],
		['atan2(1, 1) * 4', Math.PI],
		['sinh(0) + cosh(0) + tanh(0)', 1],
		['asinh(0) + acosh(1) + atanh(0)', 0],
		['floor(-1.5)', -2],
		['ceil(-1.5)', -1],
		['trunc(-1.7)', -1],
		['round(2.5)', 3],
		['round(-2.5)', -3],
		['round(0.49)', 0],
		['round(-0.4)', -0],
		['min(3, 1, 2)', 1],
		['max(3, 1, 2)', 3],
		['min(1)', 1],
		['hypot(3, 4)', 5],
		['pow(2, 10)', 1024],
		['isnan(0 / 0) + isnan(1)', 1],
		['isfinite(1 / 0) + isfinite(1)', 1],
		['isinf(-1 / 0) + isinf(NaN)', 1],
	];
	it.each(table)('%s = %d', (text, value) => {
		expect(evaluate(text)).toBe(value);
	});

	it('covers every function in the table', () => {
		const tested = new Set(table.flatMap(([text]) => [...text.matchAll(/[a-z0-9]+(?=\()/g)].map((m) => m[0])));
		expect([...expressionFunctions.keys()].filter((name) => !tested.has(name))).toEqual([]);
	});
});
