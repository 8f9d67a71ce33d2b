/**
 * User functions: a function declaration, function expression or arrow function becomes a `FunctionValue` that is
 * inlined at each call (its body lowered in a new frame over the scope it was defined in), with a recursion check.
 * The loss itself is lowered the same way, with its parameters bound to IR parameters and its trace recorded.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Mode } from '../lowering/branches';
import type { TraceCall } from '../../graph/traceSteps';
import { fail, type LoweringContext } from '../lowering/context';
import { Scope } from '../lowering/scope';
import { valueKey, type FunctionValue, type Value } from '../lowering/values';
import { evaluate } from './expressions';
import { nameSpanOf, spanOf } from './parse';
import { noteHolder } from './arrayOwners';
import { bindTarget } from './records';
import { executeBlock } from './statements';
import { msg } from '../../message';

export type FunctionNode = t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression;

/**
 * A function defined in `scope`, inlined at each call. A top-level function sees only constants, so a call with the
 * same arguments gives the same value and is inlined once: `f(g(x)) * f(g(x))` costs one inlining of each.
 */
export function closure(ctx: LoweringContext, scope: Scope, node: FunctionNode, name: string): FunctionValue {
	checkFunction(node, name);
	const memo = scope.parent === undefined ? new Map<string, { value: Value; frame: TraceCall | undefined }>() : undefined;
	const inline = (args: readonly Value[], span: SourceSpan) => ctx.traceCall(name, span, () => ctx.inline(node, name, span, () => {
		const frame = new Scope(scope, true);
		bindParameters(ctx, frame, node, args, name, span);
		return runBody(ctx, frame, node, name, { trace: true, inLoop: false });
	}));
	return {
		kind: 'function',
		name,
		call: (args, span) => {
			if (!memo) return inline(args, span).value;
			const key = args.map(valueKey).join(',');
			const known = memo.get(key);
			if (known) {
				ctx.replayCall(known.frame);
				return known.value;
			}
			const called = inline(args, span);
			memo.set(key, called);
			return called.value;
		},
	};
}

/** Rejects async functions and generators, which have no meaning in a loss. */
export function checkFunction(node: FunctionNode, name: string): void {
	if (node.async) fail(msg`'${name}' is async; a loss function must be a plain function`, spanOf(node));
	if (node.generator) fail(msg`'${name}' is a generator; a loss function must be a plain function`, spanOf(node));
}

/** A parameter: a name or an array pattern, and its default if any. */
export type ParameterParts =
	| { readonly id: t.Identifier; readonly initial?: t.Expression }
	| { readonly pattern: t.ArrayPattern | t.ObjectPattern; readonly initial?: t.Expression };

/** The parts of a parameter, or an error for object and rest parameters. */
export function parameterParts(param: t.Node): ParameterParts {
	switch (param.type) {
		case 'Identifier':
			return { id: param };
		case 'AssignmentPattern':
			if (param.left.type === 'Identifier') return { id: param.left, initial: param.right };
			if (param.left.type === 'ArrayPattern' || param.left.type === 'ObjectPattern') {
				return { pattern: param.left, initial: param.right };
			}
			return fail(msg`this parameter form is not supported in a loss`, spanOf(param));
		case 'ArrayPattern':
		case 'ObjectPattern':
			return { pattern: param };
		case 'RestElement':
			return fail(msg`rest parameters ('...') are not supported in a loss`, spanOf(param));
		default:
			return fail(msg`this parameter form is not supported in a loss`, spanOf(param));
	}
}

function bindParameters(
	ctx: LoweringContext,
	frame: Scope,
	node: FunctionNode,
	args: readonly Value[],
	name: string,
	span: SourceSpan,
): void {
	node.params.forEach((param, i) => {
		const parts = parameterParts(param);
		let value = args[i];
		if (value === undefined) {
			if (!parts.initial) {
				const which = 'id' in parts ? `'${parts.id.name}'` : `${i + 1}`;
				fail(msg`'${name}' is called without its argument ${which}`, span);
			}
			value = evaluate(ctx, frame, parts.initial);
		}
		if ('id' in parts) {
			frame.declare(parts.id.name, value, 'let', nameSpanOf(parts.id));
			noteHolder(parts.id.name, value);
			if (value.kind === 'scalar') ctx.recordArgument(parts.id.name, value.node, nameSpanOf(parts.id));
		} else {
			bindTarget(ctx, frame, parts.pattern, value, 'let');
		}
	});
}

/** Lowers a function body in `frame`; the function must return a value on every path. */
export function runBody(ctx: LoweringContext, frame: Scope, node: FunctionNode, name: string, mode: Mode): Value {
	if (node.body.type !== 'BlockStatement') {
		const value = evaluate(ctx, frame, node.body);
		if (mode.trace && value.kind === 'scalar') ctx.record('return', value.node, spanOf(node.body));
		return value;
	}
	const flow = executeBlock(ctx, frame, node.body.body, mode);
	if (flow.kind !== 'return') return fail(msg`'${name}' ends without returning a value`, spanOf(node));
	if (flow.value.kind === 'unset') return fail(msg`'${name}' returns a variable that has no value`, spanOf(node));
	return flow.value;
}
