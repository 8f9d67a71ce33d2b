/**
 * Which variable holds an array, so that changing it in place (`h.push(v)`, `h[j] = v`) gives what JavaScript gives.
 * A loss lowers arrays as values and binds a changed array to the same name; that is JavaScript's meaning only while
 * no other name refers to the same array (`const a = h`, an argument, a row `const r = W[0]`). Each array value
 * records the first name bound to it; a second name marks it shared, and changing a shared array is an error.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import type { Value } from '../lowering/values';
import { msg } from '../../message';

const holders = new WeakMap<object, string | { readonly shared: readonly [string, string] }>();

/** Notes that `name` now refers to `value` (arrays only; other values are never changed in place). */
export function noteHolder(name: string, value: Value): void {
	if (value.kind !== 'vector') return;
	const holder = holders.get(value);
	if (holder === undefined) holders.set(value, name);
	else if (typeof holder === 'string' && holder !== name) holders.set(value, { shared: [holder, name] });
}

/** Marks `value` as held by more than one name: JavaScript's `fill(row)` puts the same array in every slot. */
export function markShared(value: Value, by: string): void {
	if (value.kind === 'vector') holders.set(value, { shared: [by, by] });
}

/** Throws when `values` (the array changed and the rows on the way to the element) are held by another name too. */
export function checkUnshared(name: string, values: readonly Value[], span: SourceSpan): void {
	for (const value of values) {
		const holder = holders.get(value);
		if (holder === undefined || holder === name) continue;
		const other = typeof holder === 'string' ? holder : (holder.shared.find((n) => n !== name) ?? holder.shared[0]);
		fail(msg`'${name}' refers to an array that '${other}' refers to as well; changing it would change both. Build a new array (.slice(), .map(...)) instead`, span);
	}
}
