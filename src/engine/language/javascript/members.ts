/**
 * Property accesses: `Math.PI` and the other `Math`/`Number` constants, `Math.f` as a function value, `xs.length` and
 * element reads `X[i][j]` (range-checked when the index is a constant). Names of global namespaces count only when no
 * local shadows them.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { builtinConstants } from '../builtins';
import { fail, type LoweringContext } from '../lowering/context';
import { callBuiltin, isBuiltin } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, expectVector, scalar, type FunctionValue, type Value } from '../lowering/values';
import { elementAt } from '../lowering/vectors';
import { describe, evaluate, evaluateNumber } from './expressions';
import { spanOf, unwrap } from './parse';
import { recordField } from './records';
import { msg, type Message } from '../../message';

const mathConstants = new Set(['PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2']);
const numberConstants: ReadonlyMap<string, number> = new Map([
	['EPSILON', Number.EPSILON],
	['MAX_VALUE', Number.MAX_VALUE],
	['MIN_VALUE', Number.MIN_VALUE],
	['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
	['POSITIVE_INFINITY', Infinity],
	['NEGATIVE_INFINITY', -Infinity],
]);

/** What arrays support, for messages. */
/** The error for a member arrays do not have in a loss. */
export const unsupportedArrayMember = (name: string): Message =>
	msg`arrays in a loss support only map, reduce, slice, entries and length, not '${name}'`;

/** The name of a global namespace (`Math`, `console`) an expression refers to, unless a local shadows it. */
export function globalNamespace(scope: Scope, node: t.Expression): string | undefined {
	const e = unwrap(node);
	if (e.type !== 'Identifier' || scope.lookup(e.name, spanOf(e))) return undefined;
	return e.name;
}

/** The name in `a.name`, or undefined for `a[expr]`. */
export function propertyName(node: t.MemberExpression): string | undefined {
	return !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
}

/** `object.property` or `object[index]`. */
export function memberExpression(ctx: LoweringContext, scope: Scope, node: t.MemberExpression): Value {
	const span = spanOf(node);
	if (node.property.type === 'PrivateName') return fail(msg`private names are not supported in a loss`, span);
	const namespace = globalNamespace(scope, node.object);
	const property = propertyName(node);
	if (namespace !== undefined && property !== undefined) return namespaceMember(ctx, namespace, property, span);
	const object = evaluate(ctx, scope, node.object);
	if (node.computed) {
		const vector = expectVector(object, describe(node.object), spanOf(node.object));
		return elementAt(vector, evaluateNumber(ctx, scope, node.property as t.Expression), span);
	}
	const at = spanOf(node.property);
	if (object.kind === 'vector' && property === 'length') return scalar(ctx.builder.constant(object.length));
	if (object.kind === 'vector') return fail(unsupportedArrayMember(String(property)), at);
	if (object.kind === 'record' && property !== undefined) return recordField(object, property, at);
	return fail(msg`${describe(node.object)} has no property '${String(property)}'`, at);
}

/** `Math.PI`, `Math.sin` (as a value), `Number.EPSILON`; anything else on a global namespace is an error. */
export function namespaceMember(ctx: LoweringContext, namespace: string, property: string, span: SourceSpan): Value {
	const b = ctx.builder;
	if (namespace === 'Math' && mathConstants.has(property)) return scalar(b.constant(builtinConstants.get(property)!));
	if (namespace === 'Math' && isBuiltin(property)) return builtinFunction(ctx, property);
	if (namespace === 'Math' && property === 'random') {
		return fail(msg`Math.random is not supported: a loss must give the same value every time`, span);
	}
	const numberConstant = namespace === 'Number' ? numberConstants.get(property) : undefined;
	if (numberConstant !== undefined) return scalar(b.constant(numberConstant));
	if (namespace === 'console') {
		return fail(msg`console.${property} is not supported in a loss: the loss is analysed, not run`, span);
	}
	return fail(msg`${namespace}.${property} is not supported in a loss`, span);
}

const variadic = new Set(['min', 'max', 'hypot']);
const binaryBuiltins = new Set(['atan2', 'pow']);

/** `Math.f` as a value (`xs.map(Math.exp)`): extra arguments are ignored, as JavaScript does. */
function builtinFunction(ctx: LoweringContext, name: string): FunctionValue {
	return {
		kind: 'function',
		name: `Math.${name}`,
		call: (args, span) => {
			const numbers = args.filter((a) => a.kind === 'scalar').map((a) => expectScalar(a, msg`an argument`, span));
			const arity = variadic.has(name) ? numbers.length : binaryBuiltins.has(name) ? 2 : 1;
			return scalar(callBuiltin(ctx.builder, name, `Math.${name}`, numbers.slice(0, Math.max(1, arity)), span));
		},
	};
}
