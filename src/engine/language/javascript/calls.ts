/**
 * Calls: `Math` functions (with `...xs` spread over an array of known length), array methods (`arrayMethods.ts`),
 * `Array.from`, and user functions and lambdas, which `functions.ts` inlines. Calls on other globals (`console.log`,
 * `Date.now`) are errors at the call.
 */
import type * as t from '@babel/types';
import type { Node } from '../../graph/node';
import { fail, formatCount, limits, type LoweringContext } from '../lowering/context';
import { callBuiltin, isBuiltin } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectFunction, expectScalar, expectVector, scalar, type Value } from '../lowering/values';
import { arrayConstructor, arrayFrom, arrayMethod, isArrayConstructor } from './arrayMethods';
import { describe, evaluate, evaluateNumber } from './expressions';
import { globalNamespace, namespaceMember, propertyName } from './members';
import { spanOf, unwrap } from './parse';
import { msg } from '../../message';

/** `new Array(n)`, `new Float64Array(xs)`; other classes are not part of a loss. */
export function newExpression(ctx: LoweringContext, scope: Scope, node: t.NewExpression): Value {
	const callee = node.callee;
	const name = callee.type === 'Identifier' ? globalNamespace(scope, callee) : undefined;
	if (!isArrayConstructor(name)) return fail(msg`'new' is supported only for arrays (new Array(n), new Float64Array(xs))`, spanOf(node));
	return arrayConstructor(ctx, scope, name!, node.arguments.map(plainArgument), spanOf(node));
}

/** A call: a builtin, an array method, `Array.from`, or a user function. */
export function callExpression(ctx: LoweringContext, scope: Scope, node: t.CallExpression): Value {
	const span = spanOf(node);
	const callee = node.callee;
	if (callee.type === 'Super' || callee.type === 'V8IntrinsicIdentifier' || callee.type === 'Import') {
		return fail(msg`this call is not supported in a loss`, span);
	}
	const member = unwrap(callee);
	const method = member.type === 'MemberExpression' ? propertyName(member) : undefined;
	if (member.type !== 'MemberExpression' && isArrayConstructor(globalNamespace(scope, member))) {
		return arrayConstructor(ctx, scope, globalNamespace(scope, member)!, argumentList(node), span);
	}
	if (member.type !== 'MemberExpression' || method === undefined) {
		const fn = expectFunction(evaluate(ctx, scope, callee), describe(callee), spanOf(callee));
		return fn.call(argumentList(node).map((a) => evaluate(ctx, scope, a)), span);
	}
	const namespace = globalNamespace(scope, member.object);
	if (namespace === 'Math' && isBuiltin(method)) {
		return scalar(callBuiltin(ctx.builder, method, `Math.${method}`, mathArguments(ctx, scope, node), span));
	}
	const args = argumentList(node);
	if (isArrayConstructor(namespace) && method === 'from') return arrayFrom(ctx, scope, args, span);
	if (namespace !== undefined) return namespaceMember(ctx, namespace, method, span);
	const object = evaluate(ctx, scope, member.object);
	if (object.kind === 'vector') return arrayMethod(ctx, scope, object, method, args, span);
	const what = object.kind === 'scalar' ? msg`a number` : msg`not an array`;
	return fail(msg`${describe(member.object)} is ${what} and has no method '${method}'`, span);
}

function argumentList(node: t.CallExpression): t.Expression[] {
	return node.arguments.map(plainArgument);
}

function plainArgument(a: t.CallExpression['arguments'][number]): t.Expression {
	if (a.type === 'SpreadElement') return fail(msg`spread arguments ('...') are not supported in a loss`, spanOf(a));
	if (a.type === 'ArgumentPlaceholder') return fail(msg`this argument is not supported in a loss`, spanOf(a));
	return a;
}

/** The numbers passed to a `Math` function; `...xs` spreads an array of known length (`Math.max(...xs)`). */
function mathArguments(ctx: LoweringContext, scope: Scope, node: t.CallExpression): Node[] {
	const numbers: Node[] = [];
	for (const a of node.arguments) {
		if (a.type !== 'SpreadElement') {
			numbers.push(evaluateNumber(ctx, scope, plainArgument(a)));
			continue;
		}
		const span = spanOf(a);
		const vector = expectVector(evaluate(ctx, scope, a.argument), describe(a.argument), spanOf(a.argument));
		if (vector.length > limits.unrollNodes) {
			fail(msg`spreading ${formatCount(vector.length)} elements into a Math function is too many; use reduce`, span);
		}
		for (let i = 0; i < vector.length; i++) {
			ctx.tick(span);
			const element = vector.element(ctx.builder.constant(i), span);
			numbers.push(expectScalar(element, `element ${i} of ${vector.label}`, span));
		}
	}
	return numbers;
}
