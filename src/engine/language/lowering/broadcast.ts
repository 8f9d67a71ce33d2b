/**
 * Element-wise operations on arrays with numpy's broadcasting rules
 * (https://numpy.org/doc/stable/user/basics.broadcasting.html): shapes are aligned at their last axis, and an axis of
 * length 1 (or a missing one) is stretched to match. The result's element reads each operand at its own indices, with
 * index 0 on a stretched axis, so `X - mu` over 1,000 rows is one element function, not 1,000 nodes.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { fail, type LoweringContext } from './context';
import { formatShape, type NdArray } from './ndArray';

/** The shape the operands broadcast to; an error worded as numpy's when they do not. */
export function broadcastShapes(shapes: readonly (readonly number[])[], span: SourceSpan): number[] {
	const rank = Math.max(0, ...shapes.map((s) => s.length));
	const result: number[] = [];
	for (let axis = 0; axis < rank; axis++) {
		let n = 1;
		for (const shape of shapes) {
			const k = shape[shape.length - rank + axis] ?? 1;
			if (k === n || k === 1) continue;
			if (n !== 1) {
				const all = shapes.map(formatShape).join(' ');
				fail(msg`operands could not be broadcast together with shapes ${all}`, span);
			}
			n = k;
		}
		result.push(n);
	}
	return result;
}

/** `array` read at indices of the larger `shape` it broadcasts to. */
export function broadcastTo(ctx: LoweringContext, array: NdArray, shape: readonly number[]): NdArray {
	const offset = shape.length - array.shape.length;
	const zero = ctx.builder.constant(0);
	return {
		shape,
		label: array.label,
		at: (indices, span) => array.at(array.shape.map((n, axis) => (n === 1 ? zero : indices[axis + offset]!)), span),
	};
}

/** `f` applied element by element to the broadcast operands. */
export function elementwise(
	ctx: LoweringContext,
	operands: readonly NdArray[],
	f: (elements: Node[]) => Node,
	span: SourceSpan,
): NdArray {
	const shape = broadcastShapes(operands.map((a) => a.shape), span);
	const stretched = operands.map((a) => broadcastTo(ctx, a, shape));
	return {
		shape,
		label: operands[0]?.label ?? msg`an array`,
		at: (indices, at) => f(stretched.map((a) => a.at(indices, at))),
	};
}
