/**
 * The evaluator of the expression language: one pass over the tree of expression.ts that reads names through a
 * `Lookup` the session provides. Everything is a number: comparisons and logic give 1 or 0, arithmetic follows
 * IEEE 754 (`1/0` is `Infinity`, `0/0` is `NaN`) with JavaScript's `%` (the result takes the dividend's sign).
 * The only error is an unknown name, reported at its column.
 */

import {
	ExpressionError,
	type BinaryExpression,
	type BinaryOperator,
	type Expression,
	type Lookup,
	type UnaryOperator,
} from './expression';
import { expressionFunctions } from './functions';
import { msg } from '../message';

export type { Lookup } from './expression';

/** How a number counts as a condition: true unless it is 0 or NaN (as in JavaScript). */
export function isTruthy(value: number): boolean {
	return value !== 0 && !Number.isNaN(value);
}

/**
 * The value of `expr`, with booleans as 1/0. `&&`, `||` and `?:` evaluate only the operands they need, so
 * `false && z` does not look `z` up. An assignment evaluates to its right-hand side; performing the write is the
 * caller's job. Throws `ExpressionError("unknown name 'z'")` at the column of a name `lookup` does not know.
 */
export function evaluateExpression(expr: Expression, lookup: Lookup): number {
	switch (expr.kind) {
		case 'number':
			return expr.value;
		case 'name': {
			const value = lookup(expr.key);
			if (value === undefined) {
				throw new ExpressionError(msg`unknown name '${expr.key}'`, expr.span.column, expr.span.endColumn);
			}
			return value;
		}
		case 'unary':
			return applyUnary(expr.operator, evaluateExpression(expr.operand, lookup));
		case 'binary':
			return evaluateBinary(expr, lookup);
		case 'conditional': {
			const branch = isTruthy(evaluateExpression(expr.test, lookup)) ? expr.consequent : expr.alternate;
			return evaluateExpression(branch, lookup);
		}
		case 'call':
			return callFunction(expr.callee, expr.args.map((arg) => evaluateExpression(arg, lookup)));
		case 'assign':
			return evaluateExpression(expr.value, lookup);
		default: {
			const never: never = expr;
			return never;
		}
	}
}

function applyUnary(operator: UnaryOperator, value: number): number {
	switch (operator) {
		case '-':
			return -value;
		case '+':
			return value;
		case '!':
			return isTruthy(value) ? 0 : 1;
		default: {
			const never: never = operator;
			return never;
		}
	}
}

function evaluateBinary(expr: BinaryExpression, lookup: Lookup): number {
	const left = evaluateExpression(expr.left, lookup);
	if (expr.operator === '&&') {
		return isTruthy(left) && isTruthy(evaluateExpression(expr.right, lookup)) ? 1 : 0;
	}
	if (expr.operator === '||') {
		return isTruthy(left) || isTruthy(evaluateExpression(expr.right, lookup)) ? 1 : 0;
	}
	return applyBinary(expr.operator, left, evaluateExpression(expr.right, lookup));
}

function applyBinary(operator: BinaryOperator, a: number, b: number): number {
	switch (operator) {
		case '+':
			return a + b;
		case '-':
			return a - b;
		case '*':
			return a * b;
		case '/':
			return a / b;
		case '%':
			return a % b;
		case '**':
			return a ** b;
		case '<':
			return a < b ? 1 : 0;
		case '<=':
			return a <= b ? 1 : 0;
		case '>':
			return a > b ? 1 : 0;
		case '>=':
			return a >= b ? 1 : 0;
		case '==':
			return a === b ? 1 : 0;
		case '!=':
			return a !== b ? 1 : 0;
		case '&&':
			return isTruthy(a) && isTruthy(b) ? 1 : 0;
		case '||':
			return isTruthy(a) || isTruthy(b) ? 1 : 0;
		default: {
			const never: never = operator;
			return never;
		}
	}
}

function callFunction(callee: string, args: readonly number[]): number {
	const fn = expressionFunctions.get(callee);
	if (fn === undefined) {
		// Only a hand-built tree can name a function the parser does not know.
		throw new Error(`no expression function '${callee}'`);
	}
	return fn.apply(args);
}
