/**
 * A loop statement over a scope, shared by JavaScript's `for` / `for ... of` and Python's `for`: the variables the
 * body assigns are the loop-carried values of `lowerLoop`, each iteration runs in a scope that shadows them, and after
 * the loop the enclosing scope holds their final values.
 *
 * Carried variables may hold numbers or lists (`carriedValues.ts`): a list of fixed length is carried element by
 * element, so a list overwritten in each iteration (`h = [... for j in range(2)]`) or updated in place (`g[j] += ...`)
 * keeps a loop over data a `sum`. A list whose length changes from one iteration to the next (built by `append` /
 * `push`) cannot be one symbolic iteration, so that loop is unrolled (it is as long as the list it builds).
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg, type Message } from '../../message';
import { fail, formatCount, limits, type LoweringContext } from './context';
import { flatten, layoutOf, LayoutChanged, rebuild, type Layout } from './carriedValues';
import { lowerLoop } from './loops';
import type { Scope } from './scope';
import type { Value } from './values';

export interface ScopedLoop {
	readonly count: number;
	/** The loop variable's name for the step-into trace (`n`), or `''`. */
	readonly variable: string;
	/** The names the body assigns or changes in place (`h.append(...)`, `g[j] = ...`): the loop-carried variables. */
	readonly assigned: Iterable<string>;
	/** More names each iteration's scope shadows (Python's loop targets). */
	readonly alsoShadowed?: Iterable<string>;
	/** What the language calls a list (`an array`, `a list`), for messages about carried lists. */
	readonly listWord: Message;
	readonly span: SourceSpan;
	/** Binds the loop variable of iteration `k` and runs the body, in `iteration` (the scope with the carried values). */
	body(iteration: Scope, k: Node): void;
}

/** Lowers `loop` in `scope`; returns the carried names. */
export function lowerScopedLoop(ctx: LoweringContext, scope: Scope, loop: ScopedLoop): readonly string[] {
	const { span } = loop;
	const names = scope.shadow(loop.assigned, span).names;
	if (loop.count <= 0) return names;
	const initial = names.map((name) => scope.lookup(name, span)!.value);
	let layouts = names.map((name, i) => layoutOf(ctx.builder, initial[i]!, name, loop.listWord, span));
	// A changed layout is retried once (a list first given a value, or overwritten, in the body); a second change
	// means the layout differs from one iteration to the next, and the loop is unrolled.
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const after = ctx.traceLoop(loop.variable, loop.count, span, () => carriedLoop(ctx, scope, loop, names, initial, layouts));
			names.forEach((name, i) => scope.rebind(name, after[i]!, span));
			return names;
		} catch (error) {
			if (!(error instanceof LayoutChanged)) throw error;
			layouts = error.layouts.slice();
		}
	}
	const after = ctx.traceLoop(loop.variable, loop.count, span, () => ({ value: unrolled(ctx, scope, loop, names, initial), initials: [], finals: [] }));
	names.forEach((name, i) => scope.rebind(name, after[i]!, span));
	return names;
}

function carriedLoop(
	ctx: LoweringContext,
	scope: Scope,
	loop: ScopedLoop,
	names: readonly string[],
	initial: readonly Value[],
	layouts: readonly Layout[],
): { value: Value[]; initials: readonly (Node | undefined)[]; finals: readonly (Node | undefined)[] } {
	const { span } = loop;
	const b = ctx.builder;
	const slotsOf = (values: readonly Value[]) => {
		const out: (Node | undefined)[] = [];
		values.forEach((value, i) => {
			if (!flatten(b, value, layouts[i]!, out, span)) {
				throw new LayoutChanged(values.map((v, j) => layoutOf(b, v, names[j]!, loop.listWord, span)));
			}
		});
		return out;
	};
	const fits = initial.map((value, i) => {
		const out: (Node | undefined)[] = [];
		return flatten(b, value, layouts[i]!, out, span) ? out : undefined;
	});
	// A variable whose layout the body changed starts empty: its value before the loop is overwritten.
	const start = fits.flatMap((slots, i) => slots ?? emptySlots(layouts[i]!));
	const valuesOf = (slots: readonly (Node | undefined)[]) => {
		const at = { next: 0 };
		return layouts.map((layout) => rebuild(ctx, slots, layout, at, span));
	};
	const slotNames = layouts.flatMap((layout, i) => emptySlots(layout).map(() => names[i]!));
	const after = lowerLoop(ctx, {
		count: loop.count,
		names: slotNames,
		initial: start,
		span,
		traced: true,
		step: (slots, k) => {
			const carried = ctx.traceIteration(k, () => {
				const { scope: iteration } = scope.shadow([...names, ...(loop.alsoShadowed ?? [])], span);
				valuesOf(slots).forEach((value, i) => iteration.rebind(names[i]!, value, span));
				loop.body(iteration, k);
				const out = slotsOf(names.map((name) => iteration.ownValue(name)));
				return out.map((node, i) => ({ name: slotNames[i]!, before: slots[i], after: node }));
			});
			return carried.map((c) => c.after);
		},
	});
	return { value: valuesOf(after), initials: start, finals: after };
}

function emptySlots(layout: Layout): undefined[] {
	if (layout.kind !== 'list') return [undefined];
	return layout.items.flatMap(emptySlots);
}

/** Runs the body once per iteration with a constant index, carrying values of any layout. */
function unrolled(ctx: LoweringContext, scope: Scope, loop: ScopedLoop, names: readonly string[], initial: readonly Value[]): Value[] {
	const { span } = loop;
	if (loop.count > limits.unrollNodes) {
		const count = formatCount(loop.count);
		fail(msg`a list changes its length inside a loop of ${count} iterations; such loops are unrolled, and at most ${formatCount(limits.unrollNodes)} iterations can be`, span);
	}
	return ctx.withTrips(loop.count, span, () => {
		let values = initial.slice();
		for (let k = 0; k < loop.count; k++) {
			ctx.tick(span);
			ctx.traceIteration(ctx.builder.constant(k), () => {
				const { scope: iteration } = scope.shadow([...names, ...(loop.alsoShadowed ?? [])], span);
				values.forEach((value, i) => iteration.rebind(names[i]!, value, span));
				loop.body(iteration, ctx.builder.constant(k));
				values = names.map((name) => iteration.ownValue(name));
				return [];
			});
		}
		return values;
	});
}
