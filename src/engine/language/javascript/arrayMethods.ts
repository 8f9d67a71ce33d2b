/**
 * The array methods a loss may call, all lazy: `map` makes an element function, `reduce` is a loop handed to the
 * loop lowering (a sum when the accumulator is updated additively), `slice` and `entries` are views, and
 * `Array.from({ length: n }, f)` is a mapped range. Methods whose result would depend on the parameters (`filter`) or
 * that only have effects (`forEach`) are errors with a suggestion.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail, formatCount, NotConstantError, type LoweringContext } from '../lowering/context';
import { reduceVector } from '../lowering/loops';
import type { Scope } from '../lowering/scope';
import { expectFunction, expectVector, scalar, unset } from '../lowering/values';
import type { FunctionValue, Value, VectorValue } from '../lowering/values';
import { entriesVector, mappedVector, sliceVector } from '../lowering/vectors';
import { describe, evaluate, evaluateNumber } from './expressions';
import { markShared } from './arrayOwners';
import { unsupportedArrayMember } from './members';
import { spanOf, unwrap } from './parse';
import { msg, type MessageArgument } from '../../message';

const maxLength = 10_000_000;

/** `vector.method(...args)`. */
export function arrayMethod(
	ctx: LoweringContext,
	scope: Scope,
	vector: VectorValue,
	method: string,
	args: readonly t.Expression[],
	span: SourceSpan,
): Value {
	switch (method) {
		case 'map': {
			const fn = callback(ctx, scope, args, 'map', span);
			return mappedVector(vector, (element, index, at) => fn.call([element, scalar(index), vector], at));
		}
		case 'reduce': {
			const fn = callback(ctx, scope, args, 'reduce', span);
			const initial = args[1] ? evaluateNumber(ctx, scope, args[1]) : undefined;
			const combine = (acc: Node, element: Value, index: Node) => {
				return fn.call([scalar(acc), element, scalar(index), vector], span);
			};
			return scalar(reduceVector(ctx, vector, initial, combine, span));
		}
		case 'slice':
			return slice(ctx, scope, vector, args);
		case 'entries':
			return entriesVector(ctx.builder, vector);
		case 'fill': {
			if (args.length !== 1) return fail(msg`fill in a loss takes one value and fills the whole array`, span);
			const value = evaluate(ctx, scope, args[0]!);
			markShared(value, 'fill');
			return { kind: 'vector', length: vector.length, label: vector.label, element: () => value };
		}
		case 'forEach':
			return fail(msg`forEach returns nothing; call it as a statement of its own`, span);
		case 'push':
			return fail(msg`push changes an array; call it as a statement of its own, on an array declared in the function`, span);
		case 'filter':
			return fail(msg`filter is not supported in a loss (its length would depend on the parameters); use a condition inside reduce`, span);
		default:
			return fail(unsupportedArrayMember(method), span);
	}
}

function callback(ctx: LoweringContext, scope: Scope, args: readonly t.Expression[], method: string, span: SourceSpan) {
	if (!args[0]) return fail(msg`${method} needs a function argument`, span);
	return expectFunction(evaluate(ctx, scope, args[0]), msg`the argument of ${method}`, spanOf(args[0]));
}

/** `xs.slice(from, to)` with bounds known before the loss runs (negative ones count from the end). */
function slice(ctx: LoweringContext, scope: Scope, vector: VectorValue, args: readonly t.Expression[]): VectorValue {
	const n = vector.length;
	const bound = (arg: t.Expression | undefined, otherwise: number) => {
		if (!arg) return otherwise;
		const v = Math.trunc(constantArgument(ctx, scope, arg, 'slice bounds'));
		return Math.max(0, Math.min(n, v < 0 ? n + v : v));
	};
	const start = bound(args[0], 0);
	const end = bound(args[1], n);
	return sliceVector(ctx.builder, vector, start, Math.max(0, end - start));
}

/** A number that must be known before the loss runs (slice bounds, array lengths). */
export function constantArgument(ctx: LoweringContext, scope: Scope, node: t.Expression, what: MessageArgument): number {
	const value = evaluateNumber(ctx, scope, node);
	if (value.kind !== 'const') throw new NotConstantError(msg`${what} must be known before the loss runs`, spanOf(node));
	return value.value;
}

const arrayConstructors = new Set(['Array', 'Float64Array', 'Float32Array']);

/** True for the global array constructors a loss may call (`Array`, `Float64Array`). */
export function isArrayConstructor(name: string | undefined): boolean {
	return name !== undefined && arrayConstructors.has(name);
}

/**
 * `new Array(n)` (n empty slots, to fill or assign), `new Float64Array(n)` (n zeros), and `new Float64Array(xs)`,
 * `Array(n)`: a copy of an array is the array itself, since a loss never changes data in place.
 */
export function arrayConstructor(
	ctx: LoweringContext,
	scope: Scope,
	name: string,
	args: readonly t.Expression[],
	span: SourceSpan,
): Value {
	const [first] = args;
	if (first === undefined) return { kind: 'vector', length: 0, label: msg`an array`, element: () => unset };
	const value = args.length === 1 ? evaluate(ctx, scope, first) : undefined;
	if (value?.kind === 'vector') return value;
	if (value === undefined || value.kind !== 'scalar' || value.node.kind !== 'const') {
		return fail(msg`new ${name}(...) in a loss takes a length known before the loss runs, or an array`, span);
	}
	const n = value.node.value;
	if (!Number.isInteger(n) || n < 0 || n > maxLength) {
		fail(msg`an array length must be a whole number up to ${formatCount(maxLength)}, not ${n}`, spanOf(first));
	}
	const zero = scalar(ctx.builder.constant(0));
	const element = name === 'Array' ? () => unset : () => zero;
	return { kind: 'vector', length: n, label: msg`an array`, element };
}

/** `Array.from({ length: n }, (_, i) => ...)` or `Array.from(xs, f)`. */
export function arrayFrom(ctx: LoweringContext, scope: Scope, args: readonly t.Expression[], span: SourceSpan): Value {
	const [source, map] = args;
	if (!source) return fail(msg`Array.from needs an argument`, span);
	const vector = arrayLike(ctx, scope, source);
	if (!map) return vector;
	const fn: FunctionValue = expectFunction(evaluate(ctx, scope, map), msg`the mapping of Array.from`, spanOf(map));
	return mappedVector(vector, (element, index, at) => fn.call([element, scalar(index)], at));
}

function arrayLike(ctx: LoweringContext, scope: Scope, node: t.Expression): VectorValue {
	const e = unwrap(node);
	if (e.type !== 'ObjectExpression') return expectVector(evaluate(ctx, scope, node), describe(node), spanOf(node));
	const [length] = e.properties;
	const isLength = e.properties.length === 1 && length?.type === 'ObjectProperty' && !length.computed
		&& length.key.type === 'Identifier' && length.key.name === 'length';
	if (!isLength) return fail(msg`Array.from takes an array or { length: n }`, spanOf(e));
	const n = constantArgument(ctx, scope, length.value as t.Expression, msg`the length`);
	if (!Number.isInteger(n) || n < 0 || n > maxLength) {
		fail(msg`an array length must be a whole number up to ${formatCount(maxLength)}, not ${n}`, spanOf(e));
	}
	return { kind: 'vector', length: n, label: msg`an array`, element: () => unset };
}
