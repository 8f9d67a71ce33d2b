/**
 * Arrays a loss builds for itself: `h.push(v)` and `h[j] = v` (also `W[i][j] = v` and `h[j] += v`) on an array
 * declared in the function. Each is a new value bound to the same name, so `if` and loops treat the array like any
 * other variable they assign (a loop that changes an array is unrolled, `lowering/scopedLoop.ts`). Arrays and
 * records outside the function are data and are never changed: that is an error at the statement.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail, formatCount, limits, type LoweringContext } from '../lowering/context';
import { binary, type BinaryOperator } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, expectVector, scalar, type Value, type VectorValue } from '../lowering/values';
import { arrayValue, elementAt } from '../lowering/vectors';
import { describe, evaluate, evaluateNumber } from './expressions';
import { spanOf, unwrap } from './parse';
import { rootName } from './syntaxScan';
import { msg } from '../../message';

/** `h.push(a, b, ...)`, as a statement. */
export function pushStatement(ctx: LoweringContext, scope: Scope, call: t.CallExpression, member: t.MemberExpression) {
	const span = spanOf(call);
	const name = arrayName(member.object, span);
	const vector = expectVector(evaluate(ctx, scope, member.object), describe(member.object), spanOf(member.object));
	const added = call.arguments.map((a) => {
		if (a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder') return fail(msg`push takes values, not '...'`, spanOf(a));
		return evaluate(ctx, scope, a);
	});
	const items = [...elementsOf(ctx, vector, span), ...added];
	const spans = items.map(() => span);
	scope.rebind(name, arrayValue(ctx, items, spans, `'${name}'`), span);
}

/** `h[j] = v` or `h[j] op= v` (also nested: `W[i][j] = v`). */
export function elementAssignment(
	ctx: LoweringContext,
	scope: Scope,
	e: t.AssignmentExpression & { left: t.MemberExpression },
	op: BinaryOperator | undefined,
) {
	const span = spanOf(e);
	const name = arrayName(e.left, span);
	const indices = indexPath(ctx, scope, e.left);
	const right = evaluate(ctx, scope, e.right);
	const change = (old: Value): Value => {
		if (!op) return right;
		const current = expectScalar(old, describe(e.left), spanOf(e.left));
		return scalar(binary(ctx.builder, op, current, expectScalar(right, describe(e.right), spanOf(e.right))));
	};
	const root = scope.lookup(name, span)?.value ?? fail(msg`unknown name '${name}'`, span);
	scope.rebind(name, replaceAt(ctx, root, indices, change, span), span);
}

/** The indices of `h[i][j]`, outermost first, evaluated in source order. */
function indexPath(ctx: LoweringContext, scope: Scope, target: t.Expression): Node[] {
	const path: t.MemberExpression[] = [];
	let e = unwrap(target);
	while (e.type === 'MemberExpression') {
		if (!e.computed) fail(msg`records in a loss are read, never changed; build a new one`, spanOf(e));
		path.unshift(e);
		e = unwrap(e.object as t.Expression);
	}
	return path.map((m) => evaluateNumber(ctx, scope, m.property as t.Expression));
}

function replaceAt(
	ctx: LoweringContext,
	value: Value,
	indices: readonly Node[],
	change: (old: Value) => Value,
	span: SourceSpan,
): Value {
	const [index, ...rest] = indices;
	if (index === undefined) return change(value);
	const vector = expectVector(value, msg`the changed element's array`, span);
	const old = elementAt(vector, index, span);
	return withElement(ctx, vector, index, replaceAt(ctx, old, rest, change, span), span);
}

/** `vector` with element `index` replaced by `value`; a computed index selects element by element. */
function withElement(ctx: LoweringContext, vector: VectorValue, index: Node, value: Value, span: SourceSpan): Value {
	const b = ctx.builder;
	if (index.kind === 'const') {
		const items = elementsOf(ctx, vector, span);
		items[index.value] = value;
		return arrayValue(ctx, items, items.map(() => span), vector.label);
	}
	const number = expectScalar(value, msg`the value stored at a computed index`, span);
	return {
		kind: 'vector',
		length: vector.length,
		label: vector.label,
		element: (at, where) => {
			const old = expectScalar(vector.element(at, where), msg`an element of ${vector.label}`, where);
			return scalar(b.select(b.op('eq', at, index), number, old));
		},
	};
}

/** Every element of an array the loss builds (short: it is as long as the code that built it). */
function elementsOf(ctx: LoweringContext, vector: VectorValue, span: SourceSpan): Value[] {
	if (vector.length > limits.unrollNodes) {
		fail(msg`${vector.label} has ${formatCount(vector.length)} elements, too many to change one by one; build it with map`, span);
	}
	return Array.from({ length: vector.length }, (_, i) => vector.element(ctx.builder.constant(i), span));
}

function arrayName(target: t.Node, span: SourceSpan): string {
	const name = rootName(target);
	if (name === undefined) return fail(msg`only arrays held in a variable can be changed`, span);
	return name;
}
