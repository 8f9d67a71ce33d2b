/**
 * Shared helpers for the expression-language tests: evaluate text against a table of names, and capture the
 * `ExpressionError` a call throws.
 */
import { expect } from 'vitest';
import { ExpressionError, type Lookup } from '../../../src/engine/expression/expression';
import { evaluateExpression } from '../../../src/engine/expression/evaluateExpression';
import { parseExpression } from '../../../src/engine/expression/parseExpression';

/** A lookup over a plain table; names not in it are unknown. */
export function lookupFrom(values: Readonly<Record<string, number>>): Lookup {
	const table = new Map(Object.entries(values));
	return (key) => table.get(key);
}

/** Parses and evaluates `text` with `values` as the known names. */
export function evaluate(text: string, values: Readonly<Record<string, number>> = {}): number {
	return evaluateExpression(parseExpression(text), lookupFrom(values));
}

/** The `ExpressionError` that `run` throws; fails the test when it throws nothing or something else. */
export function expressionErrorOf(run: () => unknown): ExpressionError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ExpressionError);
		return error as ExpressionError;
	}
	throw new Error('expected an ExpressionError, but nothing was thrown');
}
