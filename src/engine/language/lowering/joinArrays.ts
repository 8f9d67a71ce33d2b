/**
 * Joining arrays: `concatenate` along an existing axis and `stack` along a new one
 * (https://numpy.org/doc/stable/reference/generated/numpy.concatenate.html), and `where(c, x, y)`, an element-wise
 * choice with broadcasting. A joined element at a computed index chooses its operand with `select`s, each operand
 * read at an index clamped into its own range, so the operand not chosen never reads outside its data.
 */
import type { SourceSpan } from '../../errors';
import { msg } from '../../message';
import { elementwise } from './broadcast';
import { fail, type LoweringContext } from './context';
import { formatShape, normalizeAxis, type NdArray } from './ndArray';

/** `np.concatenate(arrays, axis)`. */
export function concatenateArrays(ctx: LoweringContext, arrays: readonly NdArray[], axis: number, span: SourceSpan): NdArray {
	const b = ctx.builder;
	if (arrays.length === 0) fail(msg`need at least one array to concatenate`, span);
	const first = arrays[0]!;
	const rank = first.shape.length;
	if (rank === 0) fail(msg`zero-dimensional arrays cannot be concatenated`, span);
	const a = normalizeAxis(axis, rank, span);
	arrays.forEach((array, i) => {
		const fits = array.shape.length === rank && array.shape.every((n, k) => k === a || n === first.shape[k]);
		if (!fits) {
			fail(msg`all the input array dimensions except for the concatenation axis must match exactly, but array ${i} has shape ${formatShape(array.shape)} and array 0 ${formatShape(first.shape)}`, span);
		}
	});
	const offsets = arrays.map((_, i) => arrays.slice(0, i).reduce((s, x) => s + x.shape[a]!, 0));
	const shape = first.shape.map((n, k) => (k === a ? offsets.at(-1)! + arrays.at(-1)!.shape[a]! : n));
	return {
		shape,
		label: msg`a concatenated array`,
		at: (indices, at) => {
			const index = indices[a]!;
			const read = (i: number) => {
				const n = arrays[i]!.shape[a]!;
				const local = b.sub(index, b.constant(offsets[i]!));
				const clamped = index.kind === 'const' ? local : b.op('max', b.constant(0), b.op('min', b.constant(n - 1), local));
				return arrays[i]!.at(indices.map((x, k) => (k === a ? clamped : x)), at);
			};
			if (index.kind === 'const') {
				return read(offsets.reduce((found, o, i) => (o <= index.value ? i : found), 0));
			}
			let result = read(arrays.length - 1);
			for (let i = arrays.length - 2; i >= 0; i--) {
				result = b.select(b.op('lt', index, b.constant(offsets[i + 1]!)), read(i), result);
			}
			return result;
		},
	};
}

/** `np.stack(arrays, axis)`: arrays of one shape along a new axis. */
export function stackArrays(ctx: LoweringContext, arrays: readonly NdArray[], axis: number, span: SourceSpan): NdArray {
	if (arrays.length === 0) fail(msg`need at least one array to stack`, span);
	const shape = arrays[0]!.shape;
	if (arrays.some((x) => x.shape.length !== shape.length || x.shape.some((n, k) => n !== shape[k]))) {
		fail(msg`all input arrays must have the same shape`, span);
	}
	const a = normalizeAxis(axis, shape.length + 1, span);
	const expanded = arrays.map((x): NdArray => ({
		shape: [...shape.slice(0, a), 1, ...shape.slice(a)],
		label: x.label,
		at: (indices, at) => x.at(indices.filter((_, k) => k !== a), at),
	}));
	return concatenateArrays(ctx, expanded, a, span);
}

/** `np.where(condition, x, y)`. */
export function whereArrays(ctx: LoweringContext, condition: NdArray, x: NdArray, y: NdArray, span: SourceSpan): NdArray {
	return elementwise(ctx, [condition, x, y], ([c, u, v]) => ctx.builder.select(c!, u!, v!), span);
}
