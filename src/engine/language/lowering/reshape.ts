/**
 * Views that move elements without computing: `reshape` (row-major, one axis may be `-1`), `transpose` / `.T`
 * (https://numpy.org/doc/stable/reference/generated/numpy.reshape.html). A reshape that only adds or drops axes of
 * length 1 maps indices directly; any other reads the source at the row-major position of the element (index
 * arithmetic with `floor` and `mod`, on indices only, so it never reaches a gradient).
 */
import type { SourceSpan } from '../../errors';
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { fail } from './context';
import { formatShape, normalizeAxis, sizeOf, type NdArray } from './ndArray';

/** `shape` with a `-1` replaced by what makes its size `size`; numpy's error when none does. */
export function resolveShape(size: number, shape: readonly number[], span: SourceSpan): number[] {
	const unknown = shape.filter((n) => n === -1).length;
	const known = sizeOf(shape.filter((n) => n !== -1));
	const bad = () => fail(msg`cannot reshape array of size ${size} into shape ${formatShape(shape)}`, span);
	if (unknown > 1 || shape.some((n) => !Number.isInteger(n) || n < -1)) bad();
	if (unknown === 1) {
		if (known === 0 || size % known !== 0) bad();
		return shape.map((n) => (n === -1 ? size / known : n));
	}
	if (known !== size) bad();
	return [...shape];
}

/** `array.reshape(shape)` (shape already resolved to the same size). */
export function reshapeArray(b: GraphBuilder, array: NdArray, shape: readonly number[], span: SourceSpan): NdArray {
	const from = array.shape;
	if (sizeOf(shape) !== sizeOf(from)) fail(msg`cannot reshape array of size ${sizeOf(from)} into shape ${formatShape(shape)}`, span);
	const kept = (s: readonly number[]) => s.map((n, i) => [n, i] as const).filter(([n]) => n !== 1);
	const [source, target] = [kept(from), kept(shape)];
	if (source.length === target.length && source.every(([n], i) => n === target[i]![0])) {
		return {
			shape,
			label: array.label,
			at: (indices, at) => {
				const out: Node[] = from.map(() => indices[0]!);
				let t = 0;
				from.forEach((n, axis) => {
					out[axis] = n === 1 ? b.constant(0) : indices[target[t++]![1]]!;
				});
				return array.at(out, at);
			},
		};
	}
	return {
		shape,
		label: array.label,
		at: (indices, at) => array.at(unflatten(b, flatIndex(b, indices, shape), from), at),
	};
}

/** The row-major position of `indices` in `shape`. */
function flatIndex(b: GraphBuilder, indices: readonly Node[], shape: readonly number[]): Node {
	return indices.reduce<Node>((flat, index, axis) => b.add(b.mul(flat, b.constant(shape[axis]!)), index), b.constant(0));
}

/** The indices of row-major position `flat` in `shape`. */
function unflatten(b: GraphBuilder, flat: Node, shape: readonly number[]): Node[] {
	let stride = sizeOf(shape);
	return shape.map((n) => {
		stride /= n;
		return b.op('mod', b.op('floor', b.div(flat, b.constant(stride))), b.constant(n));
	});
}

/** `array.transpose(axes)`; without `axes` the axes reversed (`.T`). */
export function transposeArray(array: NdArray, axes: readonly number[] | undefined, span: SourceSpan): NdArray {
	const rank = array.shape.length;
	const order = axes ? axes.map((a) => normalizeAxis(a, rank, span)) : array.shape.map((_, i) => rank - 1 - i);
	if (order.length !== rank || new Set(order).size !== rank) fail(msg`axes don't match array`, span);
	return {
		shape: order.map((a) => array.shape[a]!),
		label: array.label,
		at: (indices, at) => {
			const source: Node[] = new Array<Node>(rank);
			order.forEach((a, i) => (source[a] = indices[i]!));
			return array.at(source, at);
		},
	};
}
