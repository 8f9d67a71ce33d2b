/**
 * Attribute access and subscripts: `math.pi`, `np.exp` and `np.linalg.norm` through the imported modules (unless a
 * local variable shadows the module's name), element reads `X[i][j]` with Python's negative indices, and slices.
 * Methods of lists are errors, with a word on list mutation, since a loss treats lists as values.
 */
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { describeValue, type Value } from '../lowering/values';
import { describe, evaluate, evaluateNumber } from './expressions';
import { pythonIndex, sliceVector } from './indexing';
import type { AttributeExpr, Expr, SubscriptExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { arrayFunction, isKnownModule, namespaceMember } from './pythonNamespaces';
import { arrayAttribute, scalarAttribute } from './arrayMethods';
import { arraySubscript, isArrayIndex } from './arraySubscript';
import { frameAttribute, recordSubscript } from './dataValues';
import { msg } from '../../message';

const mutators = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse']);

/** The module path an expression names (`np.linalg` is `numpy.linalg`) and its spelling, if it names one. */
export function modulePath(ctx: PythonContext, scope: Scope, e: Expr): { path: string; display: string } | undefined {
	if (e.kind === 'name') {
		if (scope.lookup(e.name, e.span)) return undefined;
		const path = ctx.module.moduleOf(scope, e.name);
		return path === undefined ? undefined : { path, display: e.name };
	}
	if (e.kind !== 'attribute') return undefined;
	const inner = modulePath(ctx, scope, e.object);
	return inner && { path: `${inner.path}.${e.name}`, display: `${inner.display}.${e.name}` };
}

/** `object.name`; `called` when it is the callee of a call (torch's `x.size(0)` against numpy's `x.size`). */
export function attribute(ctx: PythonContext, scope: Scope, e: AttributeExpr, called = false): Value {
	const module = modulePath(ctx, scope, e.object);
	if (module) {
		const [path, display] = [`${module.path}.${e.name}`, `${module.display}.${e.name}`];
		if (isKnownModule(path)) return fail(msg`'${display}' is a module; use its functions`, e.span);
		return namespaceMember(ctx, path, display, e.span);
	}
	const object = evaluate(ctx, scope, e.object);
	const what = describe(e.object);
	if (object.kind === 'vector' && object.numeric) return arrayAttribute(ctx, object, e.name, arrayFunction, e.nameSpan, called);
	const dataAttribute = object.kind === 'record' ? frameAttribute(ctx, object, e.name, e.nameSpan) : undefined;
	if (dataAttribute) return dataAttribute;
	const torchMethod = object.kind === 'scalar' ? scalarAttribute(object, e.name, e.span) : undefined;
	if (torchMethod) return torchMethod;
	if (object.kind === 'vector' && mutators.has(e.name)) {
		const text = typeof what === 'string' ? `${what.slice(1, -1)}.${e.name}` : `.${e.name}`;
		return fail(msg`list mutation ('${text}') is not supported in a loss; build a new list with a comprehension`, e.span);
	}
	if (object.kind === 'vector') {
		return fail(msg`lists in a loss support len(), indexing, slicing and iteration, not '.${e.name}'`, e.nameSpan);
	}
	return fail(msg`${what} is ${describeValue(object)} and has no attribute '${e.name}'`, e.nameSpan);
}

/** `object[index]` or `object[lower:upper:step]`. */
export function subscript(ctx: PythonContext, scope: Scope, e: SubscriptExpr): Value {
	const object = evaluate(ctx, scope, e.object);
	if (object.kind === 'record') return recordSubscript(ctx, scope, object, e);
	if (object.kind !== 'vector') {
		const what = object.kind === 'unset' ? msg`not yet assigned` : describeValue(object);
		return fail(msg`${describe(e.object)} is ${what} and cannot be indexed`, e.object.span);
	}
	const index = e.index;
	if (index.kind === 'indexTuple' || object.numeric || isArrayIndex(index)) return arraySubscript(ctx, scope, object, index);
	if (index.kind === 'slice') {
		const bound = (x: Expr | undefined) => (x ? evaluateNumber(ctx, scope, x) : undefined);
		const parts = { lower: bound(index.lower), upper: bound(index.upper), step: bound(index.step) };
		return sliceVector(ctx, object, parts, index.span);
	}
	if (index.kind === 'sequence' && index.form === 'tuple') {
		return fail(msg`indexing with several indices (X[i, j]) is not supported in a loss; use X[i][j]`, index.span);
	}
	return pythonIndex(ctx, object, evaluateNumber(ctx, scope, index), e.span);
}
