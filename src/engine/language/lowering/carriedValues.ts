/**
 * How a loop statement carries its variables through `lowerLoop`, which carries numbers: a number is one slot, a
 * variable without a value one empty slot, and a list of known length one slot per element (nested lists in turn),
 * so `h = [tanh(...) for j in range(2)]` overwritten in each iteration of a loop over samples, or `g[j] += ...` on a
 * local list, are numbers to the loop lowering: overwritten, added to (a `sum`) or unrolled like any other.
 *
 * The layout of each variable is fixed for one lowering of the loop; a body that changes it (a list that grows with
 * `append`, a variable that becomes a list) throws `LayoutChanged`, and `scopedLoop.ts` retries with the new layout
 * or unrolls the loop.
 */
import type { SourceSpan } from '../../errors';
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { msg, type Message, type MessageArgument } from '../../message';
import { fail, formatCount, limits } from './context';
import { scalar, unset, type Value, type VectorValue } from './values';
import { arrayValue } from './vectors';
import type { LoweringContext } from './context';

/** The structure of a carried value: how many slots it takes and how to rebuild it. */
export type Layout =
	| { readonly kind: 'scalar' }
	| { readonly kind: 'unset' }
	| { readonly kind: 'list'; readonly items: readonly Layout[]; readonly label: MessageArgument; readonly numeric?: boolean };

/** A body changed the layout of a carried variable; `layouts` are the ones it produced. */
export class LayoutChanged extends Error {
	constructor(readonly layouts: readonly Layout[]) {
		super('internal: a carried variable changed its layout');
	}
}

/** The layout of `value`; a function cannot be carried, and a list is written out element by element. */
export function layoutOf(b: GraphBuilder, value: Value, name: string, listWord: Message, span: SourceSpan): Layout {
	switch (value.kind) {
		case 'scalar':
			return { kind: 'scalar' };
		case 'unset':
			return { kind: 'unset' };
		case 'function':
			return fail(msg`'${name}' holds a function; only numbers and lists can change inside a loop`, span);
		case 'record':
			return fail(msg`'${name}' holds a record; only numbers and lists can change inside a loop`, span);
		case 'vector': {
			if (value.length > limits.unrollNodes) {
				const count = formatCount(value.length);
				fail(msg`'${name}' holds ${listWord} of ${count} elements that changes inside the loop; at most ${formatCount(limits.unrollNodes)} can`, span);
			}
			const items = elementsOf(b, value, span).map((item) => layoutOf(b, item, name, listWord, span));
			return { kind: 'list', items, label: value.label, numeric: value.numeric };
		}
		default: {
			const never: never = value;
			return never;
		}
	}
}

/** The elements of a list, read one by one with constant indices. */
export function elementsOf(b: GraphBuilder, vector: VectorValue, span: SourceSpan): Value[] {
	return Array.from({ length: vector.length }, (_, i) => vector.element(b.constant(i), span));
}

/** Appends the slots of `value` (which must have `layout`) to `out`; false if it does not fit. */
export function flatten(b: GraphBuilder, value: Value, layout: Layout, out: (Node | undefined)[], span: SourceSpan): boolean {
	if (layout.kind !== 'list') {
		if (value.kind === 'scalar') out.push(value.node);
		else if (value.kind === 'unset') out.push(undefined);
		else return false;
		return true;
	}
	if (value.kind !== 'vector' || value.length !== layout.items.length) return false;
	return elementsOf(b, value, span).every((item, i) => flatten(b, item, layout.items[i]!, out, span));
}

/** The value `layout` describes, from `slots` starting at `at.next`. */
export function rebuild(ctx: LoweringContext, slots: readonly (Node | undefined)[], layout: Layout, at: { next: number }, span: SourceSpan): Value {
	if (layout.kind !== 'list') {
		const node = slots[at.next++];
		return node ? scalar(node) : unset;
	}
	const items = layout.items.map((item) => rebuild(ctx, slots, item, at, span));
	const list = arrayValue(ctx, items, items.map(() => span), layout.label);
	return layout.numeric ? { ...list, numeric: true } : list;
}
