/**
 * numpy's and torch's reductions over axes: `sum`, `mean`, `max`, `min`, `prod` with `axis` (`dim`) and `keepdims`
 * (https://numpy.org/doc/stable/reference/generated/numpy.sum.html). Each reduced axis is a loop through
 * `lowerLoop`, so a sum or mean over data is one `sum` node whatever its length; `max`, `min` and `prod` are not
 * additive and are unrolled while that stays small, like the same loops written by hand.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { fail, type LoweringContext } from './context';
import { lowerLoop } from './loops';
import { memoized, normalizeAxis, type NdArray } from './ndArray';

export type AxisReduction = 'sum' | 'mean' | 'max' | 'min' | 'prod';

/**
 * `array` reduced by `kind` over `axes` (all axes when undefined); `keepdims` keeps each reduced axis with length 1.
 */
export function reduceAxes(
	ctx: LoweringContext,
	array: NdArray,
	kind: AxisReduction,
	axes: readonly number[] | undefined,
	keepdims: boolean,
	span: SourceSpan,
): NdArray {
	const rank = array.shape.length;
	const chosen = new Set((axes ?? array.shape.map((_, i) => i)).map((a) => normalizeAxis(a, Math.max(rank, 1), span)));
	if (rank === 0) return array;
	const reduced = [...chosen].sort((a, b) => b - a).reduce((acc, axis) => reduceAxis(ctx, acc, kind, axis, span), array);
	if (!keepdims) return reduced;
	const shape = array.shape.map((n, i) => (chosen.has(i) ? 1 : n));
	return {
		shape,
		label: reduced.label,
		at: (indices, at) => reduced.at(indices.filter((_, i) => !chosen.has(i)), at),
	};
}

/** One axis reduced away. */
function reduceAxis(ctx: LoweringContext, array: NdArray, kind: AxisReduction, axis: number, span: SourceSpan): NdArray {
	const b = ctx.builder;
	const n = array.shape[axis]!;
	if (n === 0 && (kind === 'max' || kind === 'min')) {
		fail(msg`zero-size array to reduction operation ${kind === 'max' ? 'maximum' : 'minimum'} which has no identity`, span);
	}
	const shape = array.shape.filter((_, i) => i !== axis);
	const read = (indices: readonly Node[], k: Node, at: SourceSpan) => array.at([...indices.slice(0, axis), k, ...indices.slice(axis)], at);
	return memoized({
		shape,
		label: array.label,
		at: (indices, at) => {
			if (kind === 'sum' || kind === 'mean') {
				const total = accumulate(ctx, n, b.constant(0), (acc, k) => b.add(acc, read(indices, k, at)), span);
				return kind === 'mean' ? b.div(total, b.constant(n)) : total;
			}
			if (kind === 'prod') return accumulate(ctx, n, b.constant(1), (acc, k) => b.mul(acc, read(indices, k, at)), span);
			const op = kind === 'max' ? 'max' : 'min';
			const first = read(indices, b.constant(0), at);
			return accumulate(ctx, n - 1, first, (acc, k) => b.op(op, acc, read(indices, b.add(k, b.constant(1)), at)), span);
		},
	});
}

/** `initial` combined with `count` terms by `step`: a sum node when the step adds, else unrolled. */
export function accumulate(
	ctx: LoweringContext,
	count: number,
	initial: Node,
	step: (accumulator: Node, k: Node) => Node,
	span: SourceSpan,
): Node {
	const [result] = lowerLoop(ctx, {
		count,
		names: [msg`the accumulator`],
		initial: [initial],
		span,
		step: ([accumulator], k) => [step(accumulator!, k)],
	});
	return result!;
}
