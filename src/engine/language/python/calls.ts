/**
 * Calls: the callee is evaluated to a function value (a builtin, a math/numpy function, a user `def` or `lambda`),
 * which receives its arguments unevaluated, with keyword arguments by name (`callables.ts`).
 */
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { expectFunction, type Value } from '../lowering/values';
import { argumentValue, isPythonFunction, type Invocation } from './callables';
import { describe, evaluate } from './expressions';
import type { CallExpr } from './pythonAst';
import { attribute } from './members';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** `callee(args..., name=value...)`. */
export function callExpression(ctx: PythonContext, scope: Scope, e: CallExpr): Value {
	const callee = e.callee.kind === 'attribute' ? attribute(ctx, scope, e.callee, true) : evaluate(ctx, scope, e.callee);
	const fn = expectFunction(callee, describe(e.callee), e.callee.span);
	const seen = new Set<string>();
	for (const k of e.keywords) {
		if (seen.has(k.name)) fail(msg`keyword argument '${k.name}' is repeated`, k.span);
		seen.add(k.name);
	}
	const call: Invocation = {
		args: e.args.map((expr) => ({ expr, scope })),
		keywords: e.keywords.map((k) => ({ name: k.name, arg: { expr: k.value, scope }, span: k.span })),
		span: e.span,
	};
	if (isPythonFunction(fn)) return fn.invoke(call);
	if (call.keywords.length > 0) fail(msg`'${fn.name}' takes no keyword arguments`, call.keywords[0]!.span);
	return fn.call(call.args.map((a) => argumentValue(ctx, a)), e.span);
}
