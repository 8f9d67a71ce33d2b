/**
 * numpy's indexing of an array by a tuple (https://numpy.org/doc/stable/user/basics.indexing.html): integers drop an
 * axis (negative ones count from the end), slices `a:b:c` keep it (bounds known before the loss runs, clamped as
 * Python clamps them), `None` adds an axis of length 1, and integer arrays known before the loss runs (`np.arange(n)`,
 * a label vector `y`) pick elements, broadcast together, as in `P[np.arange(n), y]`. The result is an element
 * function; an integer array is data read by the loop index, never unrolled.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { broadcastShapes } from './broadcast';
import { fail, NotConstantError, type LoweringContext } from './context';
import { sizeOf, type NdArray } from './ndArray';

export type IndexPart =
	| { readonly kind: 'integer'; readonly index: Node }
	| { readonly kind: 'slice'; readonly lower?: Node; readonly upper?: Node; readonly step?: Node }
	| { readonly kind: 'integers'; readonly values: Float64Array; readonly shape: readonly number[] }
	| { readonly kind: 'newaxis' };

/** The first element, step and length of `lower:upper:step` over an axis of length `n`, with Python's clamping. */
export function sliceRange(n: number, part: { lower?: Node; upper?: Node; step?: Node }, span: SourceSpan) {
	const step = part.step ? whole(part.step, msg`the step of a slice`, span) : 1;
	if (step === 0) fail(msg`slice step cannot be zero`, span);
	const clamp = (node: Node | undefined, otherwise: number) => {
		if (!node) return otherwise;
		const v = whole(node, 'slice bounds', span);
		if (v < 0) return Math.max(step > 0 ? 0 : -1, v + n);
		return Math.min(v, step > 0 ? n : n - 1);
	};
	const start = clamp(part.lower, step > 0 ? 0 : n - 1);
	const stop = clamp(part.upper, step > 0 ? n : -1);
	return { start, step, length: Math.max(0, Math.ceil((stop - start) / step)) };
}

function whole(node: Node, what: string | ReturnType<typeof msg>, span: SourceSpan): number {
	if (node.kind !== 'const') throw new NotConstantError(msg`${what} must be known before the loss runs`, span);
	if (!Number.isInteger(node.value)) fail(msg`${what} must be whole numbers, not ${node.value}`, span);
	return node.value;
}

/** `array[parts]`. */
export function indexArray(ctx: LoweringContext, array: NdArray, parts: readonly IndexPart[], span: SourceSpan): NdArray {
	const b = ctx.builder;
	const rank = array.shape.length;
	const used = parts.filter((p) => p.kind !== 'newaxis').length;
	if (used > rank) fail(msg`too many indices for array: array is ${rank}-dimensional, but ${used} were indexed`, span);
	const all: IndexPart[] = [...parts, ...Array.from({ length: rank - used }, () => ({ kind: 'slice' as const }))];
	const fancy = all.map((p, i) => (p.kind === 'integers' ? i : -1)).filter((i) => i >= 0);
	const fancyShape = broadcastShapes(fancy.map((i) => (all[i] as { shape: readonly number[] }).shape), span);
	const adjacent = fancy.every((i, k) => k === 0 || i === fancy[k - 1]! + 1);
	const fancyAt = fancy.length === 0 ? -1 : adjacent ? outputPosition(all, fancy[0]!) : 0;
	const shape: number[] = [];
	const readers: ((out: readonly Node[], fancyIndices: readonly Node[]) => Node | undefined)[] = [];
	if (fancy.length > 0 && !adjacent) shape.push(...fancyShape);
	let axis = 0;
	for (const part of all) {
		if (adjacent && fancy.length > 0 && part === all[fancy[0]!]) shape.push(...fancyShape);
		const n = array.shape[axis] ?? 1;
		const own = axis;
		if (part.kind === 'integer') {
			readers.push(() => integerIndex(b, part.index, n, own, span));
		} else if (part.kind === 'slice') {
			const { start, step, length } = sliceRange(n, part, span);
			const position = shape.length;
			shape.push(length);
			readers.push((out) => b.add(b.constant(start), b.mul(b.constant(step), out[position]!)));
		} else if (part.kind === 'newaxis') {
			shape.push(1);
			continue;
		} else {
			const read = integersReader(ctx, part, n, own, fancyShape, span);
			readers.push((_out, fancyIndices) => read(fancyIndices));
		}
		axis++;
	}
	const start = fancyAt < 0 ? 0 : fancyAt;
	return {
		shape,
		label: msg`an indexed array`,
		at: (indices, at) => {
			const fancyIndices = indices.slice(start, start + fancyShape.length);
			return array.at(readers.map((r) => r(indices, fancyIndices)!), at);
		},
	};
}

/** Where the broadcast block of integer arrays lands in the output when they are adjacent: after the axes before them. */
function outputPosition(parts: readonly IndexPart[], first: number): number {
	return parts.slice(0, first).filter((p) => p.kind === 'slice' || p.kind === 'newaxis').length;
}

function integerIndex(b: LoweringContext['builder'], index: Node, n: number, axis: number, span: SourceSpan): Node {
	if (index.kind !== 'const') return index;
	const i = index.value;
	if (!Number.isInteger(i)) fail(msg`only integers, slices, None and integer arrays are valid indices, not ${i}`, span);
	if (i < -n || i >= n) fail(msg`index ${i} is out of bounds for axis ${axis} with size ${n}`, span);
	return b.constant(i < 0 ? i + n : i);
}

/** Reads an integer array (checked and wrapped now) at the broadcast indices of the integer-array block. */
function integersReader(
	ctx: LoweringContext,
	part: IndexPart & { kind: 'integers' },
	n: number,
	axis: number,
	fancyShape: readonly number[],
	span: SourceSpan,
): (indices: readonly Node[]) => Node {
	const b = ctx.builder;
	const values = part.values.map((v) => {
		if (!Number.isInteger(v)) fail(msg`arrays used as indices must be of integer type, not ${v}`, span);
		if (v < -n || v >= n) fail(msg`index ${v} is out of bounds for axis ${axis} with size ${n}`, span);
		return v < 0 ? v + n : v;
	});
	const id = sizeOf(part.shape) > 0 ? b.addData(values) : -1;
	const offset = fancyShape.length - part.shape.length;
	return (indices) => {
		const own = part.shape.map((k, i) => (k === 1 ? b.constant(0) : indices[i + offset]!));
		const flat = own.reduce<Node>((f, index, i) => b.add(b.mul(f, b.constant(part.shape[i]!)), index), b.constant(0));
		return b.data_(id, flat);
	};
}
