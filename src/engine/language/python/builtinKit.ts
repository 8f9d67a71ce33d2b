/**
 * The pieces Python's builtins and the math/numpy functions are made of: checking a call's arguments the way Python
 * reports them (`sum() got an unexpected keyword argument 'axis'`), functions of numbers from the shared
 * `builtins.ts`, and functions written out over the graph builder.
 */
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { fail } from '../lowering/context';
import { callBuiltin } from '../lowering/operators';
import { scalar, type Value } from '../lowering/values';
import { numberArgument, type Argument, type Invocation } from './callables';
import type { PythonContext } from './pythonContext';
import { argumentCountError } from '../argumentCount';
import { msg, type Message } from '../../message';

/** Lowers one call of a builtin shown to the user as `display`. */
export type BuiltinImpl = (ctx: PythonContext, call: Invocation, display: string) => Value;

/** The positional arguments of a call, after checking their number; keywords outside `allowed` are errors. */
export function expectArguments(
	call: Invocation,
	display: string,
	min: number,
	max: number,
	allowed: readonly string[] = [],
): readonly Argument[] {
	for (const k of call.keywords) {
		if (!allowed.includes(k.name)) fail(msg`${display}() got an unexpected keyword argument '${k.name}'`, k.span);
	}
	const n = call.args.length;
	if (n < min || n > max) {
		fail(argumentCountError(`${display}()`, min, max, n), call.span);
	}
	return call.args;
}

/** The argument passed by keyword `name` or else at position `index`, if any. */
export function optionalArgument(call: Invocation, name: string, index: number): Argument | undefined {
	return call.keywords.find((k) => k.name === name)?.arg ?? call.args[index];
}

/** The numbers passed to `display`. */
export function numberArguments(ctx: PythonContext, args: readonly Argument[], display: string): Node[] {
	return args.map((a) => numberArgument(ctx, a, msg`the argument of ${display}`));
}

/** A function of numbers from the shared builtins (`sin`, `hypot`, ...), which checks the argument count. */
export function shared(name: string): BuiltinImpl {
	return (ctx, call, display) => {
		const args = expectArguments(call, display, 0, Infinity);
		return scalar(callBuiltin(ctx.builder, name, display, numberArguments(ctx, args, display), call.span));
	};
}

/** A function of exactly `count` numbers (or `count` to `most`), written over the builder. */
export function numeric(count: number, lower: (b: GraphBuilder, args: Node[]) => Node, most = count): BuiltinImpl {
	return (ctx, call, display) => {
		const args = expectArguments(call, display, count, most);
		return scalar(lower(ctx.builder, numberArguments(ctx, args, display)));
	};
}

/** A function that is an error with `message`, whatever its arguments. */
export function refused(message: Message): BuiltinImpl {
	return (_ctx, call) => fail(message, call.span);
}
