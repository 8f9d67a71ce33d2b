/**
 * Subscripts of numpy arrays: `X[i]`, `X[:, 0]`, `w[1:]`, `X[::-1, None]`, and integer arrays known before the loss
 * runs (`P[np.arange(n), y]`), converted to the parts of `lowering/indexArray.ts`. A tuple index, `None` or an array
 * index makes numpy indexing of a plain list too, as `np.asarray(xs)[...]` would.
 */
import { fail } from '../lowering/context';
import { indexArray, type IndexPart } from '../lowering/indexArray';
import { fromNdArray, toNdArray } from '../lowering/ndArray';
import type { Scope } from '../lowering/scope';
import type { Value, VectorValue } from '../lowering/values';
import { describe, evaluate, evaluateNumber } from './expressions';
import type { Expr, IndexTuple, SliceBounds } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

const isNone = (e: Expr | SliceBounds | IndexTuple) => (e.kind === 'name' && e.name === 'None') || (e.kind === 'attribute' && e.name === 'newaxis');

/** True for an index only numpy arrays take: a tuple (`X[i, j]`) or `None`. */
export function isArrayIndex(index: Expr | SliceBounds | IndexTuple): boolean {
	return index.kind === 'indexTuple' || (index.kind === 'sequence' && index.form === 'tuple') || isNone(index);
}

/** `array[index]` with numpy's rules. */
export function arraySubscript(ctx: PythonContext, scope: Scope, array: VectorValue, index: Expr | SliceBounds | IndexTuple): Value {
	const items = index.kind === 'indexTuple' || (index.kind === 'sequence' && index.form === 'tuple') ? index.items : [index];
	const parts = items.map((item) => indexPart(ctx, scope, item));
	const nd = toNdArray(ctx, array, array.label, index.span);
	return fromNdArray(indexArray(ctx, nd, parts, index.span), index.span);
}

function indexPart(ctx: PythonContext, scope: Scope, item: Expr | SliceBounds): IndexPart {
	if (item.kind === 'slice') {
		const bound = (x: Expr | undefined) => (x ? evaluateNumber(ctx, scope, x) : undefined);
		return { kind: 'slice', lower: bound(item.lower), upper: bound(item.upper), step: bound(item.step) };
	}
	if (isNone(item)) return { kind: 'newaxis' };
	const value = evaluate(ctx, scope, item);
	if (value.kind === 'scalar') return { kind: 'integer', index: value.node };
	if (value.kind === 'vector' && value.constants) return { kind: 'integers', values: value.constants.values, shape: value.constants.shape };
	return fail(msg`${describe(item)} cannot index an array: indices must be whole numbers, slices, None, or integer arrays known before the loss runs`, item.span);
}
