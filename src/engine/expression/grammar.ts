/**
 * The grammar tables and token helpers of the expression parser (parseExpression.ts): binding powers of the infix
 * operators, spans, and the "unexpected X at column N" errors.
 */

import { ExpressionError, type BinaryOperator, type ExpressionSpan } from './expression';
import type { Operator, Token } from './tokenize';
import { msg, type Message, type MessageArgument } from '../message';

/** Binding power of the comparisons, which do not chain. */
export const comparisonPower = 3;
/** `not x` takes everything down to comparisons, as in Python. */
export const notOperandPower = 2;
/** `-x` takes only `**` and tighter. */
export const unaryOperandPower = 6;

/** How an infix operator binds. */
export interface InfixRule {
	readonly power: number;
	readonly operator: BinaryOperator;
	readonly rightAssociative?: boolean;
}

/** Infix operators by token; a higher power binds tighter. */
export const infixRules: ReadonlyMap<Operator, InfixRule> = new Map<Operator, InfixRule>([
	['||', { power: 1, operator: '||' }],
	['&&', { power: 2, operator: '&&' }],
	...(['<', '<=', '>', '>=', '==', '!='] as const).map(
		(op) => [op, { power: comparisonPower, operator: op }] as const,
	),
	['+', { power: 4, operator: '+' }],
	['-', { power: 4, operator: '-' }],
	['*', { power: 5, operator: '*' }],
	['/', { power: 5, operator: '/' }],
	['%', { power: 5, operator: '%' }],
	['**', { power: 7, operator: '**', rightAssociative: true }],
]);

/** The span of one token. */
export function spanOf(token: Token): ExpressionSpan {
	return { column: token.start + 1, endColumn: token.end + 1 };
}

/** The span from the start of `first` to the end of `last`. */
export function joinSpans(first: ExpressionSpan, last: ExpressionSpan): ExpressionSpan {
	return { column: first.column, endColumn: last.endColumn };
}

function describe(token: Token): MessageArgument {
	switch (token.kind) {
		case 'end':
			return msg`end of expression`;
		case 'number':
			return msg`number '${token.text}'`;
		case 'name':
			return msg`name '${token.text}'`;
		case 'operator':
			return `'${token.text}'`;
		default: {
			const never: never = token;
			return never;
		}
	}
}

/** The error for a token the grammar does not allow here, with an optional hint. */
export function unexpected(token: Token, hint?: Message): ExpressionError {
	const [what, column] = [describe(token), token.start + 1];
	const message = hint ? msg`unexpected ${what} at column ${column}: ${hint}` : msg`unexpected ${what} at column ${column}`;
	return new ExpressionError(message, token.start + 1, token.end + 1);
}

/** True when `token` is the operator `op`. */
export function isOperator(token: Token, op: Operator): boolean {
	return token.kind === 'operator' && token.op === op;
}
