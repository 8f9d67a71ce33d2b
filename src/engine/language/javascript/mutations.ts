/**
 * Arrays a loss builds for itself: `h.push(v)` and `h[j] = v` (also `W[i][j] = v` and `h[j] += v`) on an array
 * declared in the function. Each is a new value bound to the same name, so `if` and loops treat the array like any
 * other variable they assign (`lowering/scopedLoop.ts` carries it element by element, or unrolls a loop that grows
 * it). Arrays and records outside the function are data and are never changed, and an array another name refers to
 * as well is not changed either (`arrayOwners.ts`): each is an error at the statement.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail, type LoweringContext } from '../lowering/context';
import { appendToList, replaceInList } from '../lowering/listUpdates';
import { binary, type BinaryOperator } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, expectVector, scalar, type Value } from '../lowering/values';
import { elementAt } from '../lowering/vectors';
import { checkUnshared, noteHolder } from './arrayOwners';
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
	checkUnshared(name, [vector], span);
	const changed = appendToList(ctx, vector, added, span);
	scope.rebind(name, changed, span);
	noteHolder(name, changed);
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
	const touched: Value[] = [];
	const changed = replaceAt(ctx, root, indices, change, span, touched);
	checkUnshared(name, touched, span);
	scope.rebind(name, changed, span);
	noteHolder(name, changed);
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
	touched: Value[],
): Value {
	const [index, ...rest] = indices;
	if (index === undefined) return change(value);
	const vector = expectVector(value, msg`the changed element's array`, span);
	touched.push(vector);
	const old = elementAt(vector, index, span);
	return replaceInList(ctx, vector, index, replaceAt(ctx, old, rest, change, span, touched), span);
}

function arrayName(target: t.Node, span: SourceSpan): string {
	const name = rootName(target);
	if (name === undefined) return fail(msg`only arrays held in a variable can be changed`, span);
	return name;
}
