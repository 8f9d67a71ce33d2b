/**
 * `if`/`else` without control flow: both branches are lowered (each in a shadow scope, so neither sees the other's
 * writes) and every variable either branch assigns becomes `select(condition, then, else)`. A constant condition
 * lowers only the branch it takes. Returns inside branches are handled by the front end appending the rest of the
 * block to both branches (`if (c) return a; rest` is `if (c) return a; else { rest }`), so both branches return and
 * the returned value is a `select` too.
 */
import type { SourceSpan } from '../../errors';
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { fail, type LoweringContext } from './context';
import { isTrue } from './operators';
import type { Scope } from './scope';
import { describeValue, scalar, unset, type Value } from './values';
import { msg, type MessageArgument, type Message } from '../../message';

/** How a block of statements ended: it ran to its end, or returned a value. */
export type Flow =
	| { readonly kind: 'normal' }
	| { readonly kind: 'return'; readonly value: Value };

export const normal: Flow = { kind: 'normal' };

/** Where statements are: at the loss's top level (traced), and inside a loop (no `return`). */
export interface Mode {
	readonly trace: boolean;
	readonly inLoop: boolean;
}

/**
 * What runs after a block that ends normally (the rest of the enclosing blocks) and the names it may assign: the
 * front ends append it to both branches of an `if` that returns.
 */
export interface Rest {
	readonly names: ReadonlySet<string>;
	run(scope: Scope): Flow;
}

/** `names` with those `rest` may assign added. */
export function withRestNames(names: Set<string>, rest: Rest | undefined): Set<string> {
	for (const name of rest?.names ?? []) names.add(name);
	return names;
}

/** A branch of an `if`: lowers its statements into `scope` and says how they ended. */
export type BranchBody = (scope: Scope) => Flow;

/**
 * Lowers `if (condition) whenTrue else whenFalse`. `assigned` are the names either branch (with any continuation)
 * may assign; `span` is the `if` statement.
 */
export function lowerIf(
	ctx: LoweringContext,
	scope: Scope,
	condition: Node,
	assigned: Iterable<string>,
	whenTrue: BranchBody,
	whenFalse: BranchBody,
	span: SourceSpan,
): Flow {
	if (condition.kind === 'const') return isTrue(condition.value) ? whenTrue(scope) : whenFalse(scope);
	const names = [...assigned];
	const t = scope.shadow(names, span);
	const flowTrue = whenTrue(t.scope);
	const f = scope.shadow(names, span);
	const flowFalse = whenFalse(f.scope);
	if (flowTrue.kind === 'return' && flowFalse.kind === 'return') {
		const value = mergeValues(ctx.builder, condition, flowTrue.value, flowFalse.value, msg`the returned value`, span);
		return { kind: 'return', value };
	}
	if (flowTrue.kind !== flowFalse.kind) {
		fail(flowTrue.kind === 'normal'
			? msg`not every path returns a value: when this condition is true, the function ends without a return`
			: msg`not every path returns a value: when this condition is false, the function ends without a return`, span);
	}
	for (const name of t.names) {
		const [x, y] = [t.scope.ownValue(name), f.scope.ownValue(name)];
		scope.rebind(name, mergeValues(ctx.builder, condition, x, y, `'${name}'`, span), span);
	}
	return normal;
}

/** The value that is `x` where `condition` holds and `y` elsewhere. Arrays merge element by element, lazily. */
export function mergeValues(
	b: GraphBuilder,
	condition: Node,
	x: Value,
	y: Value,
	what: MessageArgument,
	span: SourceSpan,
): Value {
	if (x === y) return x;
	if (x.kind === 'unset' && y.kind === 'unset') return unset;
	const nan = scalar(b.constant(Number.NaN));
	const left = x.kind === 'unset' ? nan : x;
	const right = y.kind === 'unset' ? nan : y;
	if (left.kind === 'scalar' && right.kind === 'scalar') return scalar(b.select(condition, left.node, right.node));
	if (left.kind === 'vector' && right.kind === 'vector' && left.length === right.length) {
		return {
			kind: 'vector',
			length: left.length,
			label: left.label,
			element: (index, at) => {
				return mergeValues(b, condition, left.element(index, at), right.element(index, at), what, at);
			},
		};
	}
	if (left.kind === 'record' && right.kind === 'record' && sameKeys(left.fields, right.fields)) {
		const fields = new Map([...left.fields].map(([k, v]) => [k, mergeValues(b, condition, v, right.fields.get(k)!, `'${k}'`, span)]));
		return { kind: 'record', label: left.label, fields };
	}
	const both = describePair(left, right);
	return fail(msg`${what} would be ${both} depending on the condition; both branches must agree`, span);
}

function sameKeys(a: ReadonlyMap<string, Value>, b: ReadonlyMap<string, Value>): boolean {
	return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

function describePair(x: Value, y: Value): Message {
	return msg`${describeValue(x)} or ${describeValue(y)}`;
}
