import { describe, expect, it } from 'vitest';
import { ExpressionError, isExpressionError, maxExpressionLength } from '../../../src/engine/expression/expression';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { evaluate, expressionErrorOf } from './helpers';
import { msg } from '../../../src/engine/message';

function parseError(text: string): ExpressionError {
	return expressionErrorOf(() => parseExpression(text));
}

describe('syntax errors point at the offending token', () => {
	const table: readonly (readonly [string, string, number])[] = [
		['', 'unexpected end of expression at column 1', 1],
		['   ', 'unexpected end of expression at column 4', 4],
		['1 + 2 )', "unexpected ')' at column 7", 7],
		['(1 + 2))', "unexpected ')' at column 8", 8],
		['1 +', 'unexpected end of expression at column 4', 4],
		['* 2', "unexpected '*' at column 1", 1],
		['x y', "unexpected name 'y' at column 3", 3],
		['1 2', "unexpected number '2' at column 3", 3],
		['and', "unexpected 'and' at column 1", 1],
		['(1', "unexpected end of expression at column 3: expected ')'", 3],
		['sqrt(1', "unexpected end of expression at column 7: expected ')'", 7],
		['max(1, )', "unexpected ')' at column 8", 8],
		['1 ? 2', "unexpected end of expression at column 6: expected ':'", 6],
		['1 ? 2 , 3', "unexpected ',' at column 7: expected ':'", 7],
		['a < b < c', "unexpected '<' at column 7: comparisons do not chain; write a < b && b < c", 7],
		['a == b == c', "unexpected '==' at column 8: comparisons do not chain; write a < b && b < c", 8],
		['a < b == c', "unexpected '==' at column 7: comparisons do not chain; write a < b && b < c", 7],
		['a + not b', "unexpected 'not' at column 5: put 'not ...' in parentheses", 5],
		['a < not b', "unexpected 'not' at column 5: put 'not ...' in parentheses", 5],
		['x # 1', "unexpected character '#' at column 3", 3],
		['x & y', "unexpected character '&' at column 3", 3],
		['x | y', "unexpected character '|' at column 3", 3],
		['x ~ 😀', "unexpected character '~' at column 3", 3],
		['😀', "unexpected character '😀' at column 1", 1],
		['grad. x', "unexpected character '.' at column 5", 5],
		['grad .x', "unexpected character '.' at column 6", 6],
		['w [0]', "unexpected character '[' at column 3", 3],
		['w[ 0]', 'expected an integer index at column 3', 3],
		['w[-1]', 'expected an integer index at column 3', 3],
		['w[i]', 'expected an integer index at column 3', 3],
		['w[0', 'expected an integer index at column 3', 3],
		['w[1234567890123456]', 'expected an integer index at column 3', 3],
		['2x', "malformed number '2x' at column 1", 1],
		['1 + 1e', "malformed number '1e' at column 5", 5],
		['1.2.3', "malformed number '1.2.3' at column 1", 1],
	];
	it.each(table)('%j → %s', (text, message, column) => {
		const error = parseError(text);
		expect(error.message).toBe(message);
		expect(error.column).toBe(column);
		expect(error.endColumn).toBeGreaterThan(column);
		expect(error.name).toBe('ExpressionError');
		expect(isExpressionError(error)).toBe(true);
	});
});

describe('functions', () => {
	it('names an unknown function at its column', () => {
		expect(parseError('foo(1)')).toMatchObject({ message: "unknown function 'foo'", column: 1, endColumn: 4 });
		expect(parseError('x + bar(2)')).toMatchObject({ message: "unknown function 'bar'", column: 5 });
		expect(parseError('x(2)')).toMatchObject({ message: "unknown function 'x'", column: 1 });
		expect(parseError('grad.x(2)')).toMatchObject({ message: "unknown function 'grad.x'", column: 1 });
		expect(parseError('os.system(1)')).toMatchObject({ message: "unknown function 'os.system'" });
		expect(parseError('constructor(1)')).toMatchObject({ message: "unknown function 'constructor'" });
		expect(parseError('Math.PI(1)')).toMatchObject({ message: "unknown function 'Math.PI'" });
	});

	it('checks the number of arguments', () => {
		expect(parseError('1 + sqrt(1, 2)')).toMatchObject({
			message: 'sqrt() takes 1 argument, got 2 (column 5)',
			column: 5,
			endColumn: 15,
		});
		expect(parseError('min()').message).toBe('min() takes at least 1 argument, got 0 (column 1)');
		expect(parseError('pow(1)').message).toBe('pow() takes 2 arguments, got 1 (column 1)');
		expect(parseError('math.log(1, 2, 3)').message).toBe('math.log() takes 1 to 2 arguments, got 3 (column 1)');
	});
});

describe('assignment errors', () => {
	it('needs a name on the left', () => {
		const message = 'cannot assign to this expression at column 1';
		expect(parseError('1 = 2')).toMatchObject({ message, column: 1 });
		expect(parseError('x + 1 = 2')).toMatchObject({ column: 1, endColumn: 6 });
		expect(parseError('True = 1').message).toBe('cannot assign to this expression at column 1');
		expect(parseError('sqrt(x) = 1').message).toBe('cannot assign to this expression at column 1');
	});

	it('is only allowed at the top', () => {
		const hint = 'assignment is only allowed at the top level; use == to compare';
		expect(parseError('x = y = 3').message).toBe(`unexpected '=' at column 7: ${hint}`);
		expect(parseError('(x = 1)').message).toBe(`unexpected '=' at column 4: expected ')'`);
		expect(parseError('x == 1 = 2').message).toBe(`cannot assign to this expression at column 1`);
		expect(parseError('x = ').message).toBe('unexpected end of expression at column 5');
		expect(parseError('= 1').message).toBe("unexpected '=' at column 1");
		expect(parseError('x += 1').message).toBe("unexpected '=' at column 4");
	});
});

describe('limits', () => {
	it('rejects input longer than 10,000 characters', () => {
		const error = parseError(`x${' '.repeat(maxExpressionLength)}`);
		expect(error.message).toBe('expression is longer than 10000 characters');
		expect(error.column).toBe(10_001);
		expect(parseExpression(`${' '.repeat(maxExpressionLength - 1)}x`)).toMatchObject({ kind: 'name', key: 'x' });
	});

	it('accepts 150 levels of nesting', () => {
		expect(evaluate(`${'('.repeat(150)}1${')'.repeat(150)}`)).toBe(1);
		expect(evaluate(`${'-'.repeat(150)}1`)).toBe(1);
		expect(evaluate(`1${' + 1'.repeat(150)}`)).toBe(151);
		expect(evaluate(`${'abs('.repeat(150)}-1${')'.repeat(150)}`)).toBe(1);
	});

	const deep: readonly (readonly [string, string])[] = [
		['parentheses', `${'('.repeat(201)}1${')'.repeat(201)}`],
		['prefix operators', `${'-'.repeat(300)}1`],
		['not', `${'not '.repeat(300)}1`],
		['a left-associative chain', `1${'+1'.repeat(300)}`],
		['a right-associative chain', `${'2**'.repeat(300)}1`],
		['conditionals', `${'1?2:'.repeat(300)}3`],
		['consequents', `${'1?'.repeat(300)}1${':2'.repeat(300)}`],
		['calls', `${'abs('.repeat(250)}1${')'.repeat(250)}`],
		['unclosed parentheses at the length limit', '('.repeat(maxExpressionLength)],
		['prefix operators at the length limit', '!'.repeat(maxExpressionLength)],
	];
	it.each(deep)('rejects deep %s with an ExpressionError, not a stack overflow', (_, text) => {
		const error = parseError(text);
		expect(error.message).toMatch(/^expression is nested too deeply \(more than 200 levels\) at column \d+$/);
		expect(error.column).toBeGreaterThanOrEqual(1);
		expect(error.column).toBeLessThanOrEqual(text.length + 1);
	});
});

describe('evaluation errors', () => {
	it('names an unknown name at its column', () => {
		const error = expressionErrorOf(() => evaluate('x + z', { x: 1 }));
		expect(error).toMatchObject({ message: "unknown name 'z'", column: 5, endColumn: 6 });
		expect(expressionErrorOf(() => evaluate('1 +  grad.w[0]', {}))).toMatchObject({
			message: "unknown name 'grad.w[0]'",
			column: 6,
			endColumn: 15,
		});
		expect(expressionErrorOf(() => evaluate('pi * 2')).message).toBe("unknown name 'pi'");
		expect(expressionErrorOf(() => evaluate('lr = z')).column).toBe(6);
	});

	it('does not look up prototype members', () => {
		expect(expressionErrorOf(() => evaluate('constructor + __proto__', {})).message).toBe(
			"unknown name 'constructor'",
		);
	});

	it('recognizes errors by name across bundles', () => {
		const foreign = Object.assign(new Error('x'), { name: 'ExpressionError', column: 3 });
		expect(isExpressionError(foreign)).toBe(true);
		expect(isExpressionError(new Error('x'))).toBe(false);
		expect(isExpressionError('ExpressionError')).toBe(false);
		expect(new ExpressionError(msg`m`, 4).endColumn).toBe(5);
	});
});
