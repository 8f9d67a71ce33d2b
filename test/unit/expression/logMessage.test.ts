import { describe, expect, it } from 'vitest';
import { formatLogMessage, logMessageNames, parseLogMessage } from '../../../src/engine/expression/logMessage';
import { expressionErrorOf, lookupFrom } from './helpers';

const lookup = lookupFrom({ step: 100, loss: 0.001234567, x: 3, 'grad.x': 0.5, lr: 0.1 });

function render(template: string): string {
	return formatLogMessage(parseLogMessage(template), lookup);
}

describe('logpoint messages', () => {
	const table: readonly (readonly [string, string])[] = [
		['step {step}: loss = {loss}', 'step 100: loss = 0.00123457'],
		['{grad.x * lr}', '0.05'],
		['{ x }{x}', '33'],
		['{x > 2 and step % 10 == 0}', '1'],
		['{x / 0} {0 / 0}', 'Infinity NaN'],
		['{{literal}} {x}', '{literal} 3'],
		['}} {{', '} {'],
		['{{{x}}}', '{3}'],
		['no holes', 'no holes'],
		['', ''],
		['z = {z}', 'z = {z?}'],
		['{ z + x }!', '{z + x?}!'],
		['{0 && z}', '0'],
	];
	it.each(table)('%j → %j', (template, message) => {
		expect(render(template)).toBe(message);
	});

	it('splits text and holes', () => {
		expect(parseLogMessage('a {x} b').parts).toMatchObject([
			{ kind: 'text', text: 'a ' },
			{ kind: 'hole', text: 'x', column: 3, expression: { kind: 'name', key: 'x', span: { column: 4 } } },
			{ kind: 'text', text: ' b' },
		]);
	});

	it('lists the names the holes read', () => {
		expect(logMessageNames(parseLogMessage('{x} {grad.x * x} {{y}} {sqrt(lr)}'))).toEqual(['x', 'grad.x', 'lr']);
	});
});

describe('logpoint errors carry columns in the template', () => {
	const table: readonly (readonly [string, string, number])[] = [
		['a {', "unclosed '{' at column 3: write '{{' for a brace", 3],
		['a {x', "unclosed '{' at column 3: write '{{' for a brace", 3],
		['a } b', "unmatched '}' at column 3: write '}}' for a brace", 3],
		['{x}}', "unmatched '}' at column 4: write '}}' for a brace", 4],
		['{}', "empty '{}' at column 1: write '{{}}' for braces", 1],
		['ab {  }', "empty '{}' at column 4: write '{{}}' for braces", 4],
		['ab {x +}', 'unexpected end of expression at column 8', 8],
		['{x)}', "unexpected ')' at column 3", 3],
		['{a{b}', "unexpected character '{' at column 3", 3],
		['{foo(1)}', "unknown function 'foo'", 2],
		['step {x = 1}', "unexpected '=' at column 9: assignment is not allowed here; use == to compare", 9],
	];
	it.each(table)('%j → %s', (template, message, column) => {
		const error = expressionErrorOf(() => parseLogMessage(template));
		expect(error.message).toBe(message);
		expect(error.column).toBe(column);
	});

	it('rejects templates longer than 10,000 characters', () => {
		expect(expressionErrorOf(() => parseLogMessage('a'.repeat(10_001))).column).toBe(10_001);
	});
});
