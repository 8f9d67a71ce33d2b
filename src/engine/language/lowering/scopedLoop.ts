/**
 * A loop statement over a scope, shared by JavaScript's `for` / `for ... of` and Python's `for`: the variables the
 * body assigns are the loop-carried values of `lowerLoop` (numbers only), each iteration runs in a scope that
 * shadows them, and after the loop the enclosing scope holds their final values.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg, type Message } from '../../message';
import { fail, type LoweringContext } from './context';
import { lowerLoop } from './loops';
import type { Scope } from './scope';
import { scalar, unset, type Value } from './values';

export interface ScopedLoop {
	readonly count: number;
	/** The names the body assigns: the loop-carried variables. */
	readonly assigned: Iterable<string>;
	/** More names each iteration's scope shadows (Python's loop targets). */
	readonly alsoShadowed?: Iterable<string>;
	/** What the language calls a list (`an array`, `a list`), for the error when a carried variable holds one. */
	readonly listWord: Message;
	readonly span: SourceSpan;
	/** Binds the loop variable of iteration `k` and runs the body, in `iteration` (the scope with the carried values). */
	body(iteration: Scope, k: Node): void;
}

/** Lowers `loop` in `scope`; returns the carried names. */
export function lowerScopedLoop(ctx: LoweringContext, scope: Scope, loop: ScopedLoop): readonly string[] {
	const { span } = loop;
	const names = scope.shadow(loop.assigned, span).names;
	const carried = (value: Value, name: string) => carriedValue(value, name, loop.listWord, span);
	const initial = names.map((name) => carried(scope.lookup(name, span)!.value, name));
	const after = lowerLoop(ctx, {
		count: loop.count,
		names,
		initial,
		span,
		step: (values, k) => {
			const { scope: iteration } = scope.shadow([...names, ...(loop.alsoShadowed ?? [])], span);
			names.forEach((name, i) => iteration.assign(name, numberOrUnset(values[i]), span));
			loop.body(iteration, k);
			return names.map((name) => carried(iteration.ownValue(name), name));
		},
	});
	names.forEach((name, i) => scope.assign(name, numberOrUnset(after[i]), span));
	return names;
}

function numberOrUnset(node: Node | undefined): Value {
	return node ? scalar(node) : unset;
}

function carriedValue(value: Value, name: string, listWord: Message, span: SourceSpan): Node | undefined {
	if (value.kind === 'scalar') return value.node;
	if (value.kind === 'unset') return undefined;
	const what = value.kind === 'vector' ? listWord : msg`a function`;
	return fail(msg`'${name}' holds ${what}; only numbers can change inside a loop`, span);
}
