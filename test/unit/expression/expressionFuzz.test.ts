/**
 * Fuzzing: random and mutated text must give a number or an ExpressionError with a column inside the text, never
 * another exception and never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isExpressionError } from '../../../src/engine/expression/expression';
import { evaluateExpression } from '../../../src/engine/expression/evaluateExpression';
import { expressionNames } from '../../../src/engine/expression/expressionNames';
import { formatLogMessage, parseLogMessage } from '../../../src/engine/expression/logMessage';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { lookupFrom } from './helpers';

const lookup = lookupFrom({ x: 3, y: -1, 'grad.x': 0.5, 'w[0]': 2, 'w[1]': 0, loss: 1e-4, step: 10, θ: 1 });

const validExpressions = [
	'loss < 1e-3',
	'step % 10 == 0',
	'x > 2 && gradNorm < 0.1',
	'grad.x * lr',
	'w[0] + w[1]',
	'grad.w[2]',
	'abs(grad.y)',
	'sqrt(x^2 + y^2)',
	'not x > 2 or True',
	'x ** -2 ** 0.5',
	'lr = 0.01',
	'w[1] = 0.5',
	'x > 0 ? max(x, 1, 2) : -x',
	'math.log(x, 2) + np.pi',
	'θ * 2 + .5e-3',
];
const validTemplates = ['step {step}: loss = {loss}', '{{x}} = {x}', '{grad.x * 2} }} {{'];
const alphabet = [...'0123456789.eE+-*/%^()[]{},?:=<>!&|_ xywθ', 'and', 'or', 'not', '**', 'sqrt', 'grad', '\n'];

/** Runs `body`; passes when it returns or throws an ExpressionError with a column inside `text`. */
function expectResultOrColumn(text: string, body: () => unknown): void {
	try {
		body();
	} catch (error) {
		if (!isExpressionError(error)) {
			throw new Error(`${String(error)} for ${JSON.stringify(text)}`);
		}
		expect(error.column).toBeGreaterThanOrEqual(1);
		expect(error.column).toBeLessThanOrEqual(text.length + 1);
		expect(error.endColumn).toBeGreaterThan(error.column);
	}
}

function evaluateText(text: string): void {
	const expr = parseExpression(text);
	expressionNames(expr);
	expect(typeof evaluateExpression(expr, lookup)).toBe('number');
}

function renderText(text: string): void {
	expect(typeof formatLogMessage(parseLogMessage(text), lookup)).toBe('string');
}

interface MutationStep {
	readonly kind: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate';
	readonly at: number;
	readonly length: number;
	readonly piece: string;
}

const mutationStep: fc.Arbitrary<MutationStep> = fc.record({
	kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
	at: fc.nat(),
	length: fc.integer({ min: 1, max: 6 }),
	piece: fc.constantFrom(...alphabet),
});

function mutate(text: string, steps: readonly MutationStep[]): string {
	return steps.reduce((t, { kind, at, length, piece }) => {
		const i = at % (t.length + 1);
		switch (kind) {
			case 'insert':
				return t.slice(0, i) + piece + t.slice(i);
			case 'delete':
				return t.slice(0, i) + t.slice(i + length);
			case 'replace':
				return t.slice(0, i) + piece + t.slice(i + 1);
			case 'duplicate':
				return t.slice(0, i + length) + t.slice(i);
			case 'truncate':
				return t.slice(0, i);
		}
	}, text);
}

const soup = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((pieces) => pieces.join(''));
const mutated = (sources: readonly string[]): fc.Arbitrary<string> =>
	fc
		.tuple(fc.constantFrom(...sources), fc.array(mutationStep, { minLength: 1, maxLength: 5 }))
		.map(([text, steps]) => mutate(text, steps));

describe('fuzz', () => {
	it('gives a number or an ExpressionError for arbitrary strings', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), soup),
				(text) => expectResultOrColumn(text, () => evaluateText(text)),
			),
			{ numRuns: 3000 },
		);
	});

	it('gives a number or an ExpressionError for mutated valid expressions', () => {
		fc.assert(
			fc.property(mutated(validExpressions), (text) => expectResultOrColumn(text, () => evaluateText(text))),
			{ numRuns: 3000 },
		);
	});

	it('gives a message or an ExpressionError for random and mutated logpoint templates', () => {
		fc.assert(
			fc.property(fc.oneof(soup, fc.string({ maxLength: 40 }), mutated(validTemplates)), (text) =>
				expectResultOrColumn(text, () => renderText(text)),
			),
			{ numRuns: 3000 },
		);
	});

	it('handles long repetitive input quickly', () => {
		fc.assert(
			fc.property(fc.constantFrom(...alphabet), fc.integer({ min: 1, max: 10_050 }), (piece, total) => {
				const text = piece.repeat(Math.ceil(total / piece.length)).slice(0, total);
				const started = Date.now();
				expectResultOrColumn(text, () => evaluateText(text));
				expectResultOrColumn(text, () => renderText(text));
				expect(Date.now() - started).toBeLessThan(10_000); // a hang is minutes; load stretches seconds
			}),
			{ numRuns: 200 },
		);
	});
});
