/**
 * Lowers Python expressions to symbolic values: numbers become IR nodes, lists and tuples become data or lazy lists,
 * names resolve through the local scopes, then the file's top level, then Python's builtins. Arithmetic follows
 * Python (`pythonOperators.ts`), comparisons chain, `and`/`or` return one of their operands, and `a if c else b` is a
 * `select`. Calls are in `calls.ts`, attribute access and subscripts in `members.ts`.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { mergeValues } from '../lowering/branches';
import { fail } from '../lowering/context';
import { binary, isTrue, logicalAnd, logicalOr, unary } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, scalar, type Value } from '../lowering/values';
import { arrayValue, dataVector } from '../lowering/vectors';
import { callExpression } from './calls';
import { comprehensionValue } from './comprehensions';
import { lambdaFunction } from './functions';
import { attribute, subscript } from './members';
import { identifier } from './names';
import type { BinaryExpr, CompareExpr, Expr, SequenceExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { arithmetic } from './pythonOperators';
import { arrayArithmetic, arrayComparison, arrayNegation, isArray } from './arrayOperators';
import { sequenceArithmetic } from './sequences';
import { msg, type Message, type MessageArgument } from '../../message';

/** The value of `e` in `scope`; `label` names a list or lambda being assigned (`'xs'`). */
export function evaluate(ctx: PythonContext, scope: Scope, e: Expr, label?: string): Value {
	ctx.tick(e.span);
	const b = ctx.builder;
	switch (e.kind) {
		case 'number':
			return scalar(b.constant(e.value));
		case 'name':
			return identifier(ctx, scope, e.name, e.span);
		case 'string':
			return fail(msg`strings are not supported in a loss`, e.span);
		case 'binary':
			return binaryChain(ctx, scope, e);
		case 'compare':
			return comparison(ctx, scope, e);
		case 'unary': {
			if (e.op !== 'not') {
				const value = evaluate(ctx, scope, e.operand);
				if (isArray(value)) return arrayNegation(ctx, e.op, value, e.span);
				return scalar(unary(b, e.op, expectScalar(value, describe(e.operand), e.operand.span)));
			}
			return scalar(unary(b, '!', evaluateNumber(ctx, scope, e.operand)));
		}
		case 'logical': {
			const left = evaluateNumber(ctx, scope, e.left);
			const right = () => evaluateNumber(ctx, scope, e.right);
			return scalar(e.op === 'and' ? logicalAnd(b, left, right) : logicalOr(b, left, right));
		}
		case 'conditional':
			return conditional(ctx, scope, e);
		case 'call':
			return callExpression(ctx, scope, e);
		case 'attribute':
			return attribute(ctx, scope, e);
		case 'subscript':
			return subscript(ctx, scope, e);
		case 'sequence':
			return sequence(ctx, scope, e, label === undefined ? sequenceForm(e.form) : `'${label}'`);
		case 'comprehension':
			return comprehensionValue(ctx, scope, e);
		case 'lambda':
			return lambdaFunction(ctx, scope, e, label ?? 'a lambda');
		case 'unsupported':
			return fail(e.message, e.span);
		default: {
			const never: never = e;
			return never;
		}
	}
}

/** The number `e` evaluates to; anything else is an error naming the expression. */
export function evaluateNumber(ctx: PythonContext, scope: Scope, e: Expr): Node {
	return expectScalar(evaluate(ctx, scope, e), describe(e), e.span);
}

/** How to name an expression in a message: `'x'`, `'xs[i]'`, `'np.pi'`, or `this expression`. */
export function describe(e: Expr): MessageArgument {
	const text = shortText(e, 3);
	return text === undefined ? msg`this expression` : `'${text}'`;
}

function shortText(e: Expr, depth: number): string | undefined {
	if (depth < 0) return undefined;
	if (e.kind === 'name') return e.name;
	if (e.kind === 'number') return String(e.value);
	if (e.kind === 'attribute') {
		const object = shortText(e.object, depth - 1);
		return object === undefined ? undefined : `${object}.${e.name}`;
	}
	if (e.kind === 'subscript' && e.index.kind !== 'slice' && e.index.kind !== 'indexTuple') {
		const [object, index] = [shortText(e.object, depth - 1), shortText(e.index, depth - 1)];
		return object === undefined || index === undefined ? undefined : `${object}[${index}]`;
	}
	return undefined;
}

/** `a op b`; a left-nested chain (`a + b + c + ...`) is folded in a loop, so long sums cannot overflow the stack. */
function binaryChain(ctx: PythonContext, scope: Scope, e: BinaryExpr): Value {
	const chain: BinaryExpr[] = [];
	let innermost: Expr = e;
	while (innermost.kind === 'binary') {
		chain.push(innermost);
		innermost = innermost.left;
	}
	let value = evaluate(ctx, scope, innermost);
	for (let i = chain.length - 1; i >= 0; i--) {
		const link = chain[i]!;
		ctx.tick(link.span);
		const right = evaluate(ctx, scope, link.right);
		if (link.op === '@' || isArray(value) || isArray(right)) {
			value = arrayArithmetic(ctx, link.op, value, right, link.opSpan);
		} else if (value.kind === 'scalar' && right.kind === 'scalar') {
			value = scalar(arithmetic(ctx.builder, link.op, value.node, right.node));
		} else {
			value = sequenceArithmetic(ctx, link, value, right);
		}
	}
	return value;
}

/**
 * `a < b <= c` is `a < b and b <= c`, each operand evaluated once, stopping at the first known false. A comparison
 * with an array operand is element-wise (one operator only, as numpy allows).
 */
function comparison(ctx: PythonContext, scope: Scope, e: CompareExpr): Value {
	const first = evaluate(ctx, scope, e.operands[0]!);
	if (e.ops.length === 1) {
		const second = evaluate(ctx, scope, e.operands[1]!);
		if (isArray(first) || isArray(second)) return arrayComparison(ctx, e.ops[0]!, first, second, e.span);
		const [x, y] = [expectScalar(first, describe(e.operands[0]!), e.operands[0]!.span), expectScalar(second, describe(e.operands[1]!), e.operands[1]!.span)];
		return scalar(binary(ctx.builder, e.ops[0]!, x, y));
	}
	return scalar(comparisonChain(ctx, scope, e, expectScalar(first, describe(e.operands[0]!), e.operands[0]!.span)));
}

function comparisonChain(ctx: PythonContext, scope: Scope, e: CompareExpr, first: Node): Node {
	const b = ctx.builder;
	let left = first;
	let result: Node | undefined;
	e.ops.forEach((op, i) => {
		const compare = () => {
			const right = evaluateNumber(ctx, scope, e.operands[i + 1]!);
			const value = binary(b, op, left, right);
			left = right;
			return value;
		};
		result = result === undefined ? compare() : logicalAnd(b, result, compare);
	});
	return result!;
}

function conditional(ctx: PythonContext, scope: Scope, e: Expr & { kind: 'conditional' }): Value {
	const condition = evaluateNumber(ctx, scope, e.test);
	if (condition.kind === 'const') return evaluate(ctx, scope, isTrue(condition.value) ? e.whenTrue : e.whenFalse);
	const whenTrue = evaluate(ctx, scope, e.whenTrue);
	const whenFalse = evaluate(ctx, scope, e.whenFalse);
	return mergeValues(ctx.builder, condition, whenTrue, whenFalse, msg`the conditional expression`, e.span);
}

/** A list or tuple literal: numbers written out become data; anything else a list of values. */
function sequence(ctx: PythonContext, scope: Scope, e: SequenceExpr, label: MessageArgument): Value {
	const numbers = numberLiterals(e);
	if (numbers) return dataVector(ctx.builder, numbers, [numbers.length], label);
	const items = e.items.map((item) => evaluate(ctx, scope, item));
	const spans: SourceSpan[] = e.items.map((item) => item.span);
	return arrayValue(ctx, items, spans, label);
}

/** The values of a list of plain number literals (`[1, -2.5, 3e-4]`), the common shape of data; else undefined. */
function numberLiterals(e: SequenceExpr): Float64Array | undefined {
	const values = new Float64Array(e.items.length);
	for (let i = 0; i < values.length; i++) {
		const item = e.items[i]!;
		if (item.kind === 'number') {
			values[i] = item.value;
		} else if (item.kind === 'unary' && item.op !== 'not' && item.operand.kind === 'number') {
			values[i] = item.op === '-' ? -item.operand.value : item.operand.value;
		} else {
			return undefined;
		}
	}
	return values;
}

/** How a message names a list or tuple display that has no name of its own. */
function sequenceForm(form: 'list' | 'tuple'): Message {
	return form === 'list' ? msg`a list` : msg`a tuple`;
}
