/**
 * Changing a local list, as front ends lower `xs.append(v)` / `xs.push(v)` and `xs[i] = v`: lists are values, so an
 * update makes a new list that the front end binds to the same name (`scope.assign`). The loop lowering carries such
 * lists element by element (`carriedValues.ts`): assigning elements of a list of fixed length keeps a loop symbolic,
 * appending makes the loop that appends unrolled.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { elementsOf } from './carriedValues';
import { fail, formatCount, limits, type LoweringContext } from './context';
import { expectScalar, type Value, type VectorValue } from './values';
import { arrayValue, elementAt } from './vectors';

/** `list` with `items` added at the end. */
export function appendToList(ctx: LoweringContext, list: VectorValue, items: readonly Value[], span: SourceSpan): VectorValue {
	const length = list.length + items.length;
	if (length > limits.unrollNodes) {
		fail(msg`a list built in the loss may hold at most ${formatCount(limits.unrollNodes)} elements, not ${formatCount(length)}`, span);
	}
	const all = [...elementsOf(ctx.builder, list, span), ...items];
	return arrayValue(ctx, all, all.map(() => span), list.label);
}

/**
 * `list` with the element at `index` replaced by `item`. A constant index replaces that element; a computed one
 * (a loop index the loop lowering could not fix) selects, element by element, and needs a list of numbers.
 */
export function replaceInList(ctx: LoweringContext, list: VectorValue, index: Node, item: Value, span: SourceSpan): VectorValue {
	const b = ctx.builder;
	if (index.kind === 'const') elementAt(list, index, span);
	const old = elementsOf(b, list, span);
	const items = old.map((value, i) => {
		if (index.kind === 'const') return index.value === i ? item : value;
		const what = msg`an element of ${list.label}`;
		const [current, next] = [expectScalar(value, what, span), expectScalar(item, msg`the value assigned`, span)];
		return { kind: 'scalar', node: b.select(b.op('eq', index, b.constant(i)), next, current) } as const;
	});
	const updated = arrayValue(ctx, items, items.map(() => span), list.label);
	return list.numeric ? { ...updated, numeric: true } : updated;
}
