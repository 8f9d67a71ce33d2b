/**
 * Operators and builtin calls on numbers, by language-neutral names: arithmetic, comparisons (0/1 nodes), logic on
 * conditions, and the functions of `builtins.ts`. Each front end maps its own spelling (`Math.sin`, `math.sin`,
 * `and`, `&&`) onto these and keeps the source position for errors.
 */
import type { SourceSpan } from '../../errors';
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { builtins } from '../builtins';
import { fail } from './context';
import { argumentCountError } from '../argumentCount';
import { msg } from '../../message';

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '**' | '<' | '<=' | '>' | '>=' | '==' | '!=';
export type UnaryOperator = '-' | '+' | '!';

/** `x op y`. Comparisons give 1 or 0. `%` is JavaScript's (the sign of `x`). */
export function binary(b: GraphBuilder, op: BinaryOperator, x: Node, y: Node): Node {
	switch (op) {
		case '+': return b.add(x, y);
		case '-': return b.sub(x, y);
		case '*': return b.mul(x, y);
		case '/': return b.div(x, y);
		case '%': return b.op('mod', x, y);
		case '**': return b.pow(x, y);
		case '<': return b.op('lt', x, y);
		case '<=': return b.op('le', x, y);
		case '>': return b.op('gt', x, y);
		case '>=': return b.op('ge', x, y);
		case '==': return b.op('eq', x, y);
		case '!=': return b.op('ne', x, y);
		default: {
			const never: never = op;
			return never;
		}
	}
}

export function unary(b: GraphBuilder, op: UnaryOperator, x: Node): Node {
	switch (op) {
		case '-': return b.neg(x);
		case '+': return x;
		case '!': return b.op('not', x);
		default: {
			const never: never = op;
			return never;
		}
	}
}

const booleanOps = new Set(['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not']);

/** True when `node` can only be 0 or 1 (a comparison, a logical op, or a constant 0/1). */
export function isBoolean(node: Node): boolean {
	if (node.kind === 'const') return node.value === 0 || node.value === 1;
	return node.kind === 'op' && booleanOps.has(node.op);
}

/**
 * Whether a constant condition holds with Python's truthiness, which the IR's `select`, `and`, `or` and `not` share:
 * 0 is false, everything else (NaN too: `bool(float('nan'))` is True) is true. JavaScript's conditions go through
 * `javaScriptCondition` first.
 */
export function isTrue(value: number): boolean {
	return value !== 0;
}

/** A JavaScript condition as a 0/1 node: 0 and NaN are false (https://tc39.es/ecma262/#sec-toboolean). */
export function javaScriptCondition(b: GraphBuilder, x: Node): Node {
	if (isBoolean(x)) return x;
	if (x.kind === 'const') return b.constant(x.value !== 0 && !Number.isNaN(x.value) ? 1 : 0);
	return b.op('and', b.op('ne', x, b.constant(0)), b.op('eq', x, x));
}

/** `x && y` / `x and y`: `x` if `test` (the truth of `x`, itself by default) is false, else `y`. */
export function logicalAnd(b: GraphBuilder, x: Node, y: () => Node, test: Node = x): Node {
	if (test.kind === 'const') return isTrue(test.value) ? y() : x;
	const right = y();
	return isBoolean(x) && isBoolean(right) ? b.op('and', x, right) : b.select(test, right, x);
}

/** `x || y` / `x or y`: `x` if `test` (the truth of `x`, itself by default) is true, else `y`. */
export function logicalOr(b: GraphBuilder, x: Node, y: () => Node, test: Node = x): Node {
	if (test.kind === 'const') return isTrue(test.value) ? x : y();
	const right = y();
	return isBoolean(x) && isBoolean(right) ? b.op('or', x, right) : b.select(test, x, right);
}

/** `condition ? whenTrue : whenFalse`, evaluating only the live branch of a constant condition. */
export function conditional(b: GraphBuilder, condition: Node, whenTrue: () => Node, whenFalse: () => Node): Node {
	if (condition.kind === 'const') return isTrue(condition.value) ? whenTrue() : whenFalse();
	return b.select(condition, whenTrue(), whenFalse());
}

/** True when `name` is a builtin function of `builtins.ts`. */
export function isBuiltin(name: string): boolean {
	return builtins.has(name);
}

/** Calls builtin `name` (which must exist) shown to the user as `display`, checking the argument count. */
export function callBuiltin(
	b: GraphBuilder,
	name: string,
	display: string,
	args: readonly Node[],
	span: SourceSpan,
): Node {
	const builtin = builtins.get(name);
	if (!builtin) return fail(msg`unknown function ${display}`, span);
	if (args.length < builtin.minArgs || args.length > builtin.maxArgs) {
		fail(argumentCountError(display, builtin.minArgs, builtin.maxArgs, args.length), span);
	}
	return builtin.lower(b, args);
}
