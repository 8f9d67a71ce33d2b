/**
 * How Python functions are called during lowering. A call passes its arguments as syntax still to be evaluated, so a
 * builtin can look at them first (`sum(x for x in xs if x > 0)` is reduced in place, never built as a list), with
 * keyword arguments by name. Lowering code that calls a function with values it already has (`map(f, xs)`) passes
 * values instead. Every function value the Python front end makes is a `PythonFunction`.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import type { Scope } from '../lowering/scope';
import { expectScalar, expectVector, type FunctionValue, type Value, type VectorValue } from '../lowering/values';
import { describe, evaluate } from './expressions';
import type { PythonContext } from './pythonContext';
import type { Expr } from './pythonAst';
import type { MessageArgument } from '../../message';

/** An argument: an expression to evaluate in `scope`, or a value already computed. */
export type Argument =
	| { readonly expr: Expr; readonly scope: Scope }
	| { readonly value: Value; readonly span: SourceSpan };

/** `name=value` in a call. */
export interface KeywordArgument {
	readonly name: string;
	readonly arg: Argument;
	readonly span: SourceSpan;
}

/** One call: its arguments and where it is. */
export interface Invocation {
	readonly args: readonly Argument[];
	readonly keywords: readonly KeywordArgument[];
	readonly span: SourceSpan;
}

/** A function value that takes a call with its syntax, keywords included. */
export interface PythonFunction extends FunctionValue {
	invoke(call: Invocation): Value;
}

/** True for function values made by the Python front end. */
export function isPythonFunction(value: Value): value is PythonFunction {
	return value.kind === 'function' && typeof (value as Partial<PythonFunction>).invoke === 'function';
}

/** A function value from its `invoke`; `call` passes values positionally. */
export function pythonFunction(name: string, invoke: (call: Invocation) => Value): PythonFunction {
	return {
		kind: 'function',
		name,
		invoke,
		call: (args, span) => invoke({ args: args.map((value) => ({ value, span })), keywords: [], span }),
	};
}

/** The value of an argument. */
export function argumentValue(ctx: PythonContext, arg: Argument, label?: string): Value {
	return 'expr' in arg ? evaluate(ctx, arg.scope, arg.expr, label) : arg.value;
}

/** Where an argument is, for messages. */
export function argumentSpan(arg: Argument): SourceSpan {
	return 'expr' in arg ? arg.expr.span : arg.span;
}

/** How to name an argument in a message. */
export function describeArgument(arg: Argument, fallback: MessageArgument): MessageArgument {
	return 'expr' in arg && arg.expr.kind !== 'number' ? describe(arg.expr) : fallback;
}

/** The number an argument evaluates to; `what` names it in errors (`the argument of math.sin`). */
export function numberArgument(ctx: PythonContext, arg: Argument, what: MessageArgument): Node {
	return expectScalar(argumentValue(ctx, arg), what, argumentSpan(arg));
}

/** The list an argument evaluates to. */
export function vectorArgument(ctx: PythonContext, arg: Argument, what: MessageArgument): VectorValue {
	return expectVector(argumentValue(ctx, arg), what, argumentSpan(arg));
}
