/**
 * Arrays with a shape, as numpy and torch code uses them: an `NdArray` is its shape plus the scalar node of each
 * element as a function of one index node per axis, so every array operation (`broadcast.ts`, `reduceAxes.ts`,
 * `matmul.ts`, `reshape.ts`, `indexArray.ts`, `joinArrays.ts`) is an element function over index nodes and lowers to
 * the IR's index expressions and `sum` loops; nothing is unrolled over data. `toNdArray` reads any value (a number,
 * a nested list, data, a parameter) as an array; `fromNdArray` turns one back into a (nested, lazy) `VectorValue`
 * marked `numeric`, which the rest of the lowering reads like any list.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg, type MessageArgument } from '../../message';
import { fail, type LoweringContext } from './context';
import { expectScalar, scalar, type Value, type VectorValue } from './values';

export interface NdArray {
	readonly shape: readonly number[];
	readonly label: MessageArgument;
	/** The element at `indices` (one node per axis, each within its axis' range). */
	at(indices: readonly Node[], span: SourceSpan): Node;
}

/** The shape of a value: `[]` for a number, `[rows, cols]` for a list of rows, ... (from its first elements). */
export function shapeOf(ctx: LoweringContext, value: Value, span: SourceSpan): number[] {
	const shape: number[] = [];
	let v = value;
	while (v.kind === 'vector') {
		if (v.shape) return [...shape, ...v.shape];
		shape.push(v.length);
		if (v.length === 0) break;
		v = v.element(ctx.builder.constant(0), span);
	}
	return shape;
}

/** Reads `value` as an array; anything but a number or a (nested) list is an error naming `what`. */
export function toNdArray(ctx: LoweringContext, value: Value, what: MessageArgument, span: SourceSpan): NdArray {
	if (value.kind === 'scalar') return { shape: [], label: what, at: () => value.node };
	if (value.kind !== 'vector') return { shape: [], label: what, at: () => expectScalar(value, what, span) };
	const shape = shapeOf(ctx, value, span);
	return {
		shape,
		label: value.label,
		at: (indices, at) => {
			let v: Value = value;
			for (const index of indices) {
				if (v.kind !== 'vector') break;
				v = v.element(index, at);
			}
			return expectScalar(v, msg`an element of ${value.label}`, at);
		},
	};
}

/** The array as a value: a number for shape `[]`, else a lazy numeric `VectorValue` whose rows are arrays too. */
export function fromNdArray(array: NdArray, span: SourceSpan): Value {
	if (array.shape.length === 0) return scalar(array.at([], span));
	return view(array, []);
}

function view(array: NdArray, prefix: readonly Node[]): VectorValue {
	const rest = array.shape.slice(prefix.length);
	const [length = 0, ...inner] = rest;
	return {
		kind: 'vector',
		length,
		label: array.label,
		shape: rest,
		numeric: true,
		element: (index, span) => {
			const indices = [...prefix, index];
			return inner.length === 0 ? scalar(array.at(indices, span)) : view(array, indices);
		},
	};
}

/** A shape as numpy prints it: `(3,)`, `(3,2)`, `()`. */
export function formatShape(shape: readonly number[]): string {
	return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** An axis argument (negative counts from the end) checked against `rank`, as numpy words the error. */
export function normalizeAxis(axis: number, rank: number, span: SourceSpan): number {
	if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
		fail(msg`axis ${axis} is out of bounds for array of dimension ${rank}`, span);
	}
	return axis < 0 ? axis + rank : axis;
}

/** The element count of a shape. */
export function sizeOf(shape: readonly number[]): number {
	return shape.reduce((p, n) => p * n, 1);
}

/** Caches an array's elements by their index nodes, so an element read twice (a sum, say) is built once. */
export function memoized(array: NdArray): NdArray {
	const cache = new Map<string, Node>();
	return {
		shape: array.shape,
		label: array.label,
		at: (indices, span) => {
			const key = indices.map((n) => n.id).join(',');
			let node = cache.get(key);
			if (!node) cache.set(key, (node = array.at(indices, span)));
			return node;
		},
	};
}
