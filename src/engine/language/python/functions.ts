/**
 * User functions: a `def` or `lambda` becomes a function value that is inlined at each call, its body lowered in a
 * new frame over the scope it was defined in, with positional and keyword arguments and defaults, and a check that
 * rejects recursion. As in Python, every name a function body assigns is local to it from the start, so a name first
 * assigned inside a loop is still a variable of the whole function. The loss itself runs through `runBody` too.
 */
import type { TraceCall } from '../../graph/traceSteps';
import type { Mode } from '../lowering/branches';
import { fail } from '../lowering/context';
import { Scope } from '../lowering/scope';
import { unset, valueKey, type Value } from '../lowering/values';
import { assignedNames } from './astScan';
import { argumentValue, pythonFunction, type Invocation, type PythonFunction } from './callables';
import { evaluate } from './expressions';
import type { FunctionDef, LambdaExpr, Stmt } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { executeBlock } from './statements';
import { msg } from '../../message';

/**
 * The function `def` defined in `scope`. A top-level function sees only constants, so a call with the same arguments
 * gives the same value and is inlined once: `f(g(x)) * f(g(x))` costs one inlining of each.
 */
export function userFunction(ctx: PythonContext, scope: Scope, def: FunctionDef): PythonFunction {
	const memo = scope.parent === undefined ? new Map<string, { value: Value; frame: TraceCall | undefined }>() : undefined;
	return pythonFunction(def.name, (call) => {
		if (def.problem) fail(def.problem.message, def.problem.span);
		const values = bindArguments(ctx, scope, def, call);
		const key = memo && values.map(valueKey).join(',');
		const known = key === undefined ? undefined : memo!.get(key);
		if (known) {
			ctx.replayCall(known.frame);
			return known.value;
		}
		const called = ctx.traceCall(def.name, call.span, () => ctx.inline(def, def.name, call.span, () => {
			const frame = new Scope(scope, true);
			def.params.forEach((p, i) => {
				frame.declare(p.name, values[i]!, 'let', p.nameSpan);
				if (values[i]!.kind === 'scalar') ctx.recordArgument(p.name, values[i]!.node, p.nameSpan);
			});
			declareLocals(frame, def);
			return runBody(ctx, frame, def, { trace: true, inLoop: false });
		}));
		if (key !== undefined) memo!.set(key, called);
		return called.value;
	});
}

const lambdaDefs = new WeakMap<LambdaExpr, FunctionDef>();

/** A `lambda` evaluated in `scope`; `name` is the variable it is assigned to, if any. */
export function lambdaFunction(ctx: PythonContext, scope: Scope, e: LambdaExpr, name: string): PythonFunction {
	let def = lambdaDefs.get(e);
	if (!def) {
		def = { name, nameSpan: e.span, params: e.params, body: e.body, problem: undefined, span: e.span };
		lambdaDefs.set(e, def);
	}
	return userFunction(ctx, scope, def);
}

/** The argument values of a call, by parameter: positional, then keyword, then the default. */
function bindArguments(ctx: PythonContext, scope: Scope, def: FunctionDef, call: Invocation): Value[] {
	const name = def.name;
	for (const p of def.params) {
		if (p.star) fail(msg`'${p.star}${p.name}' parameters are not supported in a loss`, p.span);
	}
	const positional = call.args;
	if (positional.length > def.params.length) {
		const n = def.params.length;
		const given = positional.length;
		fail(n === 1 ? msg`'${name}' takes 1 argument but ${given} were given`
			: msg`'${name}' takes ${n} arguments but ${given} were given`, call.span);
	}
	for (const k of call.keywords) {
		if (!def.params.some((p) => p.name === k.name)) {
			fail(msg`'${name}' got an unexpected keyword argument '${k.name}'`, k.span);
		}
	}
	return def.params.map((p, i) => {
		const keyword = call.keywords.find((k) => k.name === p.name);
		if (keyword && i < positional.length) {
			fail(msg`'${name}' got multiple values for argument '${p.name}'`, keyword.span);
		}
		const arg = i < positional.length ? positional[i] : keyword?.arg;
		if (arg) return argumentValue(ctx, arg);
		if (p.initial) return evaluate(ctx, scope, p.initial);
		return fail(msg`'${name}' is called without its argument '${p.name}'`, call.span);
	});
}

/** True for a `def`'s statements, false for a `lambda`'s expression. */
export function isBlock(body: FunctionDef['body']): body is readonly Stmt[] {
	return Array.isArray(body);
}

/** Declares every name the body assigns (other than the parameters) as a local without a value yet. */
export function declareLocals(frame: Scope, def: FunctionDef): void {
	if (!isBlock(def.body)) return;
	for (const name of assignedNames(def.body)) {
		if (!frame.declares(name)) frame.declare(name, unset, 'let', def.nameSpan);
	}
}

/** Lowers a function body in `frame`; a `def` must return a value on every path. */
export function runBody(ctx: PythonContext, frame: Scope, def: FunctionDef, mode: Mode): Value {
	const body = def.body;
	if (!isBlock(body)) {
		const value = evaluate(ctx, frame, body);
		if (mode.trace && value.kind === 'scalar') ctx.record('return', value.node, body.span);
		return value;
	}
	const flow = executeBlock(ctx, frame, body, mode);
	if (flow.kind !== 'return') return fail(msg`'${def.name}' ends without returning a value`, def.nameSpan);
	if (flow.value.kind === 'unset') return fail(msg`'${def.name}' returns a variable that has no value`, def.nameSpan);
	return flow.value;
}
