/**
 * The list changes a loss may make to its own local lists: `xs.append(v)`, `xs.extend(ys)` as statements, and element
 * assignment `xs[i] = v`, `W[i][j] = v`, `g[j] += v`. Lists are values in the lowering, so each change binds the
 * name to an updated list (`lowering/listUpdates.ts`); the loop lowering carries it (`lowering/scopedLoop.ts`).
 */
import { fail } from '../lowering/context';
import { appendToList, replaceInList } from '../lowering/listUpdates';
import type { Scope } from '../lowering/scope';
import { expectVector, type Value, type VectorValue } from '../lowering/values';
import { elementsOf } from '../lowering/carriedValues';
import { appendedName, elementRoot } from './astScan';
import { describe, evaluate, evaluateNumber } from './expressions';
import type { Expr, SubscriptExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** Runs `xs.append(v)` or `xs.extend(ys)`; false if `e` is neither. */
export function appendStatement(ctx: PythonContext, scope: Scope, e: Expr): boolean {
	const name = appendedName(e);
	if (name === undefined || e.kind !== 'call' || e.callee.kind !== 'attribute') return false;
	const method = e.callee.name;
	const list = expectVector(evaluate(ctx, scope, e.callee.object), `'${name}'`, e.callee.object.span);
	if (e.args.length !== 1 || e.keywords.length > 0) fail(msg`${`${name}.${method}`}() takes exactly one argument`, e.span);
	const value = evaluate(ctx, scope, e.args[0]!);
	const items = method === 'append'
		? [value]
		: elementsOf(ctx.builder, expectVector(value, describe(e.args[0]!), e.args[0]!.span), e.span);
	scope.assign(name, appendToList(ctx, list, items, e.span), e.callee.object.span);
	return true;
}

/** `target = value` for a subscript target: binds the root name to the updated list. */
export function assignElement(ctx: PythonContext, scope: Scope, target: SubscriptExpr, value: Value): void {
	const root = elementRoot(target);
	if (root === undefined) return fail(msg`cannot assign to this subscript; assign to name[i] or name[i][j]`, target.span);
	scope.assign(root, updated(ctx, scope, target, value), target.span);
}

/** The list `target.object` with element `target.index` replaced, as the value of the root name. */
function updated(ctx: PythonContext, scope: Scope, target: SubscriptExpr, value: Value): Value {
	const list = expectVector(evaluate(ctx, scope, target.object), describe(target.object), target.object.span);
	const next = replaceInList(ctx, list, wrappedIndex(ctx, scope, list, target), value, target.span);
	return target.object.kind === 'subscript' ? updated(ctx, scope, target.object, next) : next;
}

function wrappedIndex(ctx: PythonContext, scope: Scope, list: VectorValue, target: SubscriptExpr) {
	if (target.index.kind === 'slice' || target.index.kind === 'indexTuple') {
		return fail(msg`assigning to a slice is not supported in a loss`, target.index.span);
	}
	const index = evaluateNumber(ctx, scope, target.index);
	if (index.kind === 'const' && index.value < 0) return ctx.builder.constant(index.value + list.length);
	return index;
}
