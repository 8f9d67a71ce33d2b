import { describe, expect, it } from 'vitest';
import { isAssignment } from '../../../src/engine/expression/expression';
import { evaluateExpression } from '../../../src/engine/expression/evaluateExpression';
import { expressionNames } from '../../../src/engine/expression/expressionNames';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { evaluate, lookupFrom } from './helpers';

const names = { x: 3, y: 4, step: 100, loss: 5e-4, gradNorm: 0.05, lr: 0.1, 'grad.x': 0.5 };

describe('precedence and associativity', () => {
	const table: readonly (readonly [string, number])[] = [
		['1 + 2 * 3', 7],
		['(1 + 2) * 3', 9],
		['10 - 4 - 3', 3],
		['100 / 10 / 5', 2],
		['7 % 4 * 2', 6],
		['2 * 7 % 4', 2],
		['-3 % 2', -1],
		['2 ** 3 ** 2', 512],
		['2 ^ 3 ^ 2', 512],
		['(2 ** 3) ** 2', 64],
		['-2 ** 2', -4],
		['-2 ^ 2', -4],
		['(-2) ** 2', 4],
		['-x ** 2', -9],
		['2 ** -1', 0.5],
		['2 ** -1 ** 2', 0.5],
		['2 ** 2 * 3', 12],
		['2 * 2 ** 3', 16],
		['2 * -3', -6],
		['1 - -1', 2],
		['- - 2', 2],
		['--x', 3],
		['+x', 3],
		['!0 + 1', 2],
		['not 0 + 1', 0],
		['!x + 1', 1],
		['not x + 1', 0],
		['not x < 2', 1],
		['1 + 2 < 4', 1],
		['(1 < 2) == 1', 1],
		['1 < 2 && 3 < 2', 0],
		['1 || 0 && 0', 1],
		['(1 || 0) && 0', 0],
		['0 && 1 || 1', 1],
		['x > 2 && y < 5', 1],
		['step % 10 == 0', 1],
		['step % 7 == 0', 0],
		['loss < 1e-3', 1],
		['x > 2 && gradNorm < 0.1', 1],
		['1 ? 2 : 3 ? 4 : 5', 2],
		['0 ? 2 : 1 ? 4 : 5', 4],
		['0 ? 2 : 0 ? 4 : 5', 5],
		['1 ? 0 ? 6 : 7 : 8', 7],
		['1 + 1 ? 10 : 20', 10],
		['0 || 0 ? 1 : 2', 2],
		['x > 2 ? x : -x', 3],
		['sqrt(x^2 + y^2)', 5],
		['grad.x * lr', 0.05],
		['abs(-x) - 1', 2],
		['max(1, x, 2) * 2', 6],
	];
	it.each(table)('%s = %d', (text, value) => {
		expect(evaluate(text, names)).toBe(value);
	});
});

describe('Python spellings', () => {
	const table: readonly (readonly [string, number])[] = [
		['x > 2 and y < 5', 1],
		['x < 2 or y < 5', 1],
		['x < 2 or y > 5', 0],
		['not x', 0],
		['not not x', 1],
		['x > 2 and not y > 5', 1],
		['not x > 2 or True', 1],
		['True', 1],
		['False + 1', 1],
		['true + true', 2],
		['x ** 2', 9],
		['math.sqrt(16) + np.abs(-2) + numpy.floor(1.5)', 7],
		['Math.max(1, 2) + Math.PI - math.pi', 2],
		['np.inf', Infinity],
		['math.e == Math.E', 1],
		['x === 3', 1],
		['x !== 3', 0],
	];
	it.each(table)('%s = %d', (text, value) => {
		expect(evaluate(text, names)).toBe(value);
	});
});

describe('names', () => {
	it('resolves paths to canonical lookup keys', () => {
		expect(expressionNames(parseExpression('grad.w[2] + w[0] * w[1] - a[3].b + grad.x'))).toEqual([
			'grad.w[2]',
			'w[0]',
			'w[1]',
			'a[3].b',
			'grad.x',
		]);
		expect(expressionNames(parseExpression('w[007] + w[7]'))).toEqual(['w[7]']);
	});

	it('accepts Unicode letters, digits, _ and $', () => {
		const lookup = lookupFrom({ θ: 2, '𝜃': 3, _x1: 4, $a: 5, 'θ.β[1]': 6 });
		expect(evaluateExpression(parseExpression('θ * 𝜃 + _x1 + $a + θ.β[1]'), lookup)).toBe(21);
	});

	it('lists names behind short-circuits and conditionals, once each, in order', () => {
		expect(expressionNames(parseExpression('a && b || c ? d : sqrt(e) + a'))).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(expressionNames(parseExpression('math.pi + 1'))).toEqual([]);
	});

	it('keeps spans in 1-based columns with exclusive ends', () => {
		const expr = parseExpression(' grad.w[0] + abs(x)');
		expect(expr.span).toEqual({ column: 2, endColumn: 20 });
		expect(expr.kind === 'binary' && expr.left.span).toEqual({ column: 2, endColumn: 11 });
		expect(expr.kind === 'binary' && expr.right.kind === 'call' && expr.right.callee).toBe('abs');
	});

	it('normalizes spellings in the tree', () => {
		const expr = parseExpression('a ^ b and not c');
		expect(expr).toMatchObject({
			kind: 'binary',
			operator: '&&',
			left: { kind: 'binary', operator: '**' },
			right: { kind: 'unary', operator: '!' },
		});
		expect(parseExpression('Math.sqrt(1)')).toMatchObject({ kind: 'call', callee: 'sqrt' });
	});
});

describe('assignments', () => {
	it('parses name = expr at the top', () => {
		for (const [text, target, value] of [
			['lr = 0.01', 'lr', 0.01],
			['x = 3', 'x', 3],
			['w[1] = 0.5', 'w[1]', 0.5],
			['grad.x = -1', 'grad.x', -1],
			['(x) = 2', 'x', 2],
			['x = y > 3 ? 1 : 2', 'x', 1],
		] as const) {
			const expr = parseExpression(text);
			expect(isAssignment(expr)).toBe(true);
			if (!isAssignment(expr)) continue;
			expect(expr.target).toBe(target);
			expect(evaluateExpression(expr.value, lookupFrom(names))).toBe(value);
			expect(evaluateExpression(expr, lookupFrom(names))).toBe(value);
		}
	});

	it('reports only the names the right-hand side reads', () => {
		const expr = parseExpression('x = x + lr * y');
		expect(expressionNames(expr)).toEqual(['x', 'lr', 'y']);
		expect(expressionNames(parseExpression('z = 1'))).toEqual([]);
		expect(parseExpression('lr = 1')).toMatchObject({ targetSpan: { column: 1, endColumn: 3 } });
	});

	it('does not take == or comparisons for assignments', () => {
		expect(isAssignment(parseExpression('x == 3'))).toBe(false);
		expect(isAssignment(parseExpression('x <= 3'))).toBe(false);
	});
});
