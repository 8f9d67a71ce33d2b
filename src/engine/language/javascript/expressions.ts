/**
 * Lowers JavaScript/TypeScript expressions to symbolic values: numbers become IR nodes, names are looked up in the
 * lexical scopes (then among the few globals a loss may use), operators map to the neutral operators of
 * `lowering/operators.ts`, array literals become data or lists, and arrow functions become closures to inline.
 * Calls and property accesses are in `calls.ts`.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail, type LoweringContext } from '../lowering/context';
import { mergeValues } from '../lowering/branches';
import { binary, isTrue, javaScriptCondition, logicalAnd, logicalOr, unary } from '../lowering/operators';
import type { BinaryOperator, UnaryOperator } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, scalar, type Value } from '../lowering/values';
import { arrayValue, dataVector } from '../lowering/vectors';
import { callExpression, newExpression } from './calls';
import { memberExpression } from './members';
import { unsupported } from './constructNames';
import { closure } from './functions';
import { objectExpression } from './records';
import { spanOf } from './parse';
import { msg, type Message, type MessageArgument } from '../../message';

/** The value of `node` in `scope`. `name` names a function expression being bound to a variable. */
export function evaluate(ctx: LoweringContext, scope: Scope, node: t.Expression, name?: string): Value {
	ctx.tick(spanOf(node));
	switch (node.type) {
		case 'NumericLiteral':
			return scalar(ctx.builder.constant(node.value));
		case 'BooleanLiteral':
			return scalar(ctx.builder.constant(node.value ? 1 : 0));
		case 'Identifier':
			return identifier(ctx, scope, node);
		case 'BinaryExpression':
			return scalar(binaryExpression(ctx, scope, node));
		case 'UnaryExpression':
			return scalar(unaryExpression(ctx, scope, node));
		case 'LogicalExpression':
			return scalar(logicalExpression(ctx, scope, node));
		case 'ConditionalExpression':
			return conditionalExpression(ctx, scope, node);
		case 'CallExpression':
			return callExpression(ctx, scope, node);
		case 'MemberExpression':
			return memberExpression(ctx, scope, node);
		case 'NewExpression':
			return newExpression(ctx, scope, node);
		case 'ObjectExpression':
			return objectExpression(ctx, scope, node, name === undefined ? msg`an object` : `'${name}'`);
		case 'ArrayExpression':
			return arrayExpression(ctx, scope, node, name === undefined ? msg`an array literal` : `'${name}'`);
		case 'ArrowFunctionExpression':
		case 'FunctionExpression':
			return closure(ctx, scope, node, name ?? functionName(node));
		case 'TSAsExpression':
		case 'TSSatisfiesExpression':
		case 'TSTypeAssertion':
		case 'TSNonNullExpression':
		case 'TSInstantiationExpression':
		case 'ParenthesizedExpression':
			return evaluate(ctx, scope, node.expression, name);
		case 'AssignmentExpression':
		case 'UpdateExpression':
			return unsupported(node, (what) => msg`${what}; write it as a statement of its own`);
		default:
			return unsupported(node);
	}
}

function functionName(node: t.ArrowFunctionExpression | t.FunctionExpression): string {
	return (node.type === 'FunctionExpression' ? node.id?.name : undefined) ?? 'an anonymous function';
}

/** The number `node` evaluates to; anything else is an error naming the expression. */
export function evaluateNumber(ctx: LoweringContext, scope: Scope, node: t.Expression): Node {
	return expectScalar(evaluate(ctx, scope, node), describe(node), spanOf(node));
}

/** How to name an expression in a message: `'x'`, `'xs.length'`, or `this expression`. */
export function describe(node: t.Node): MessageArgument {
	if (node.type === 'Identifier') return `'${node.name}'`;
	if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
		const [object, property] = [node.object.name, node.property.name];
		return node.computed ? `'${object}[${property}]'` : `'${object}.${property}'`;
	}
	return msg`this expression`;
}

const globalHints: ReadonlyMap<string, Message> = new Map([
	['undefined', msg`'undefined' is not a number`],
	['Math', msg`'Math' is a namespace; use its members, like Math.sin(x) or Math.PI`],
	['console', msg`'console' is not supported in a loss: the loss is analysed, not run`],
	['require', msg`'require' is not supported: a loss may only use names defined in its own file`],
	['window', msg`'window' is not available to a loss`],
	['globalThis', msg`'globalThis' is not available to a loss`],
	['process', msg`'process' is not available to a loss`],
]);

function identifier(ctx: LoweringContext, scope: Scope, node: t.Identifier): Value {
	const span = spanOf(node);
	const binding = scope.lookup(node.name, span);
	if (binding) {
		if (binding.value.kind === 'unset') fail(msg`'${node.name}' is used before it has a value`, span);
		return binding.value;
	}
	if (node.name === 'Infinity') return scalar(ctx.builder.constant(Infinity));
	if (node.name === 'NaN') return scalar(ctx.builder.constant(Number.NaN));
	return fail(globalHints.get(node.name) ?? msg`unknown name '${node.name}'`, span);
}

const binaryOperators: Readonly<Record<string, BinaryOperator>> = {
	'+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '**': '**',
	'<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '===': '==', '!=': '!=', '!==': '!=',
};

/** `a op b`; a left-nested chain (`a + b + c + ...`) is folded in a loop, so long sums cannot overflow the stack. */
function binaryExpression(ctx: LoweringContext, scope: Scope, node: t.BinaryExpression): Node {
	const chain: t.BinaryExpression[] = [];
	let innermost: t.Expression | t.PrivateName = node;
	while (innermost.type === 'BinaryExpression') {
		chain.push(innermost);
		innermost = innermost.left;
	}
	if (innermost.type === 'PrivateName') return fail(msg`private names are not supported in a loss`, spanOf(innermost));
	let value = evaluateNumber(ctx, scope, innermost);
	for (let i = chain.length - 1; i >= 0; i--) {
		const link = chain[i]!;
		ctx.tick(spanOf(link));
		const op = binaryOperators[link.operator];
		if (!op) fail(msg`the operator '${link.operator}' is not supported in a loss`, operatorSpan(link));
		value = binary(ctx.builder, op, value, evaluateNumber(ctx, scope, link.right));
	}
	return value;
}

/** From the end of the left operand to the start of the right one: where the operator is. */
function operatorSpan(node: t.BinaryExpression | t.LogicalExpression): SourceSpan {
	const left = spanOf(node.left);
	const right = spanOf(node.right);
	return { line: left.endLine, column: left.endColumn, endLine: right.line, endColumn: right.column };
}

const unaryOperators: Readonly<Record<string, UnaryOperator>> = { '-': '-', '+': '+', '!': '!' };

function unaryExpression(ctx: LoweringContext, scope: Scope, node: t.UnaryExpression): Node {
	const op = unaryOperators[node.operator];
	if (!op) fail(msg`the operator '${node.operator}' is not supported in a loss`, spanOf(node));
	const operand = evaluateNumber(ctx, scope, node.argument);
	return unary(ctx.builder, op, op === '!' ? javaScriptCondition(ctx.builder, operand) : operand);
}

function logicalExpression(ctx: LoweringContext, scope: Scope, node: t.LogicalExpression): Node {
	const left = evaluateNumber(ctx, scope, node.left);
	const right = () => evaluateNumber(ctx, scope, node.right);
	const test = javaScriptCondition(ctx.builder, left);
	switch (node.operator) {
		case '&&':
			return logicalAnd(ctx.builder, left, right, test);
		case '||':
			return logicalOr(ctx.builder, left, right, test);
		case '??':
			return fail(msg`the operator '??' is not supported in a loss`, operatorSpan(node));
		default: {
			const never: never = node.operator;
			return never;
		}
	}
}

function conditionalExpression(ctx: LoweringContext, scope: Scope, node: t.ConditionalExpression): Value {
	const condition = javaScriptCondition(ctx.builder, evaluateNumber(ctx, scope, node.test));
	if (condition.kind === 'const') {
		return evaluate(ctx, scope, isTrue(condition.value) ? node.consequent : node.alternate);
	}
	const whenTrue = evaluate(ctx, scope, node.consequent);
	const whenFalse = evaluate(ctx, scope, node.alternate);
	return mergeValues(ctx.builder, condition, whenTrue, whenFalse, msg`the conditional expression`, spanOf(node));
}

function arrayExpression(ctx: LoweringContext, scope: Scope, node: t.ArrayExpression, label: MessageArgument): Value {
	const numbers = numberLiterals(node);
	if (numbers) return dataVector(ctx.builder, numbers, [numbers.length], label);
	const items: Value[] = [];
	const spans: SourceSpan[] = [];
	for (const element of node.elements) {
		if (element === null) return fail(msg`arrays with holes are not supported in a loss`, spanOf(node));
		if (element.type === 'SpreadElement') return fail(msg`spread ('...') is not supported in a loss`, spanOf(element));
		items.push(evaluate(ctx, scope, element));
		spans.push(spanOf(element));
	}
	return arrayValue(ctx, items, spans, label);
}

/** The values of an array of plain number literals (`[1, -2.5, 3e-4]`), the common shape of data; else undefined. */
function numberLiterals(node: t.ArrayExpression): Float64Array | undefined {
	const values = new Float64Array(node.elements.length);
	for (let i = 0; i < values.length; i++) {
		const e = node.elements[i];
		if (e?.type === 'NumericLiteral') {
			values[i] = e.value;
		} else if (e?.type === 'UnaryExpression' && e.operator === '-' && e.argument.type === 'NumericLiteral') {
			values[i] = -e.argument.value;
		} else {
			return undefined;
		}
	}
	return values;
}
