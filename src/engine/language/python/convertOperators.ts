/**
 * Converts Python operator expressions: arithmetic, comparisons (a chain `a < b < c` is one `compare` node, as in
 * Python, where the grammar nests it to the left), `and`/`or`/`not`, and unary signs. Chains of any length are walked
 * iteratively, so a sum of 20,000 terms cannot overflow the stack. Bitwise operators, `in` and `is` are kept as
 * `unsupported` nodes with a hint.
 */
import type { SyntaxNode } from '@lezer/common';
import type { SourceSpan } from '../../errors';
import { convertExpr, unsupported } from './convertExpressions';
import { childrenOf, type SourceText } from './parsePython';
import type { ArithmeticOperator, ComparisonOperator, Expr } from './pythonAst';
import { msg, type Message } from '../../message';

const arithmetic = new Set<string>(['+', '-', '*', '/', '//', '%', '**', '@']);
const comparisons: Readonly<Record<string, ComparisonOperator>> = {
	'<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '!=': '!=', '<>': '!=',
};

/** A `BinaryExpression` or `UnaryExpression` node. */
export function operatorExpression(src: SourceText, node: SyntaxNode): Expr {
	return node.name === 'UnaryExpression' ? unaryChain(src, node) : binaryChain(src, node);
}

/** Folds a left-nested chain from its innermost operand outwards. */
function binaryChain(src: SourceText, node: SyntaxNode): Expr {
	const spine: SyntaxNode[] = [];
	let innermost: SyntaxNode = node;
	while (innermost.name === 'BinaryExpression') {
		spine.push(innermost);
		innermost = innermost.firstChild!;
	}
	let value = convertExpr(src, innermost);
	let chained = false;
	for (let i = spine.length - 1; i >= 0; i--) {
		const link = spine[i]!;
		const parts = childrenOf(link);
		const operator = parts.slice(1, -1).map((p) => src.textOf(p)).join(' ');
		const opSpan = src.span(parts[1]!.from, parts.at(-2)!.to);
		const right = convertExpr(src, parts.at(-1)!);
		const span = src.of(link);
		const comparison = comparisons[operator];
		if (comparison && chained && value.kind === 'compare') {
			value = { ...value, operands: [...value.operands, right], ops: [...value.ops, comparison], span };
		} else if (comparison) {
			value = { kind: 'compare', operands: [value, right], ops: [comparison], span };
		} else {
			value = combine(operator, value, right, span, opSpan);
		}
		chained = comparison !== undefined;
	}
	return value;
}

function combine(operator: string, left: Expr, right: Expr, span: SourceSpan, opSpan: SourceSpan): Expr {
	if (arithmetic.has(operator)) {
		return { kind: 'binary', op: operator as ArithmeticOperator, left, right, span, opSpan };
	}
	if (operator === 'and' || operator === 'or') return { kind: 'logical', op: operator, left, right, span };
	return unsupported(describeOperator(operator), opSpan);
}

function describeOperator(operator: string): Message {
	switch (operator) {
		case '^':
			return msg`the bitwise operator '^' (use '**' for powers) is not supported in a loss`;
		case '|':
		case '&':
		case '<<':
		case '>>':
			return bitwise(operator);
		default:
			return msg`${`'${operator}'`} is not supported in a loss`;
	}
}

const bitwise = (operator: string): Message => msg`the bitwise operator ${`'${operator}'`} is not supported in a loss`;

/** Folds `- - not x` from the operand outwards. */
function unaryChain(src: SourceText, node: SyntaxNode): Expr {
	const spine: SyntaxNode[] = [];
	let operand: SyntaxNode = node;
	while (operand.name === 'UnaryExpression') {
		spine.push(operand);
		operand = childrenOf(operand).at(-1)!;
	}
	return prefixed(src, spine, operand);
}

/**
 * The unary operators of `spine` (outermost first) applied to `operand`. @lezer/python nests `not a and b` as
 * `not (a and b)`, but Python binds `not` tighter than `and`/`or`
 * (https://docs.python.org/3/reference/expressions.html#operator-precedence): the operators go onto the leftmost
 * operand of the `and`/`or` chain, `(not a) and b`.
 */
function prefixed(src: SourceText, spine: readonly SyntaxNode[], operand: SyntaxNode): Expr {
	const parts = operand.name === 'BinaryExpression' ? childrenOf(operand) : [];
	const logical = parts.length === 3 ? src.textOf(parts[1]!) : undefined;
	if (logical === 'and' || logical === 'or') {
		const left = prefixed(src, spine, parts[0]!);
		return { kind: 'logical', op: logical, left, right: convertExpr(src, parts[2]!), span: src.span(spine[0]!.from, operand.to) };
	}
	let value = convertExpr(src, operand);
	for (let i = spine.length - 1; i >= 0; i--) {
		const link = spine[i]!;
		const op = src.textOf(childrenOf(link)[0]!);
		const span = src.span(link.from, operand.to);
		if (op === '-' || op === '+' || op === 'not') value = { kind: 'unary', op, operand: value, span };
		else value = unsupported(bitwise(op), span);
	}
	return value;
}
