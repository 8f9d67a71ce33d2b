/**
 * The names an expression reads: a pass over the tree of expression.ts, so the session can check a breakpoint
 * condition or watch expression against the names it knows before it ever evaluates it.
 */

import type { Expression } from './expression';

/**
 * Every lookup key `expr` reads, once each, in order of first appearance. The target of an assignment is written,
 * not read, so it is not included; names behind `&&`, `||` and `?:` are, even when evaluation would skip them.
 */
export function expressionNames(expr: Expression): string[] {
	const names = new Set<string>();
	collectNames(expr, names);
	return [...names];
}

function collectNames(expr: Expression, names: Set<string>): void {
	switch (expr.kind) {
		case 'number':
			return;
		case 'name':
			names.add(expr.key);
			return;
		case 'unary':
			return collectNames(expr.operand, names);
		case 'binary':
			collectNames(expr.left, names);
			return collectNames(expr.right, names);
		case 'conditional':
			collectNames(expr.test, names);
			collectNames(expr.consequent, names);
			return collectNames(expr.alternate, names);
		case 'call':
			return expr.args.forEach((arg) => collectNames(arg, names));
		case 'assign':
			return collectNames(expr.value, names);
		default: {
			const never: never = expr;
			return never;
		}
	}
}
