/**
 * `for target in iterable:` over anything list-like: `range(...)` with bounds known before the loss runs, a list,
 * `zip(...)`, `enumerate(...)`, a comprehension. The body is handed to the language-neutral loop lowering as one
 * iteration over the variables it assigns, so additive accumulations (`total += r * r`) become `sum` nodes and a loop
 * over 10,000 points stays a loop. As in Python, the loop variable keeps its last value after the loop.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { normal, type Flow } from '../lowering/branches';
import { fail } from '../lowering/context';
import { lowerLoop } from '../lowering/loops';
import type { Scope } from '../lowering/scope';
import { expectVector, scalar, unset, type Value } from '../lowering/values';
import { bindTarget } from './assignments';
import { assignedNames, targetNames } from './astScan';
import { describe, evaluate } from './expressions';
import type { Stmt } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { executeBlock } from './statements';
import { msg } from '../../message';

/** `for target in iterable: body`. */
export function forStatement(ctx: PythonContext, scope: Scope, s: Stmt & { kind: 'for' }): Flow {
	const span = s.span;
	if (s.orelse) fail(msg`'for ... else' is not supported in a loss`, span);
	const vector = expectVector(evaluate(ctx, scope, s.iterable), describe(s.iterable), s.iterable.span);
	const names = scope.shadow(assignedNames(s.body), span).names;
	const targets = targetNames(s.target);
	const initial = names.map((name) => carriedValue(scope.lookup(name, span)!.value, name, span));
	const after = lowerLoop(ctx, {
		count: vector.length,
		names,
		initial,
		span,
		step: (carried, k) => {
			const { scope: iteration } = scope.shadow([...names, ...targets], span);
			names.forEach((name, i) => iteration.assign(name, numberOrUnset(carried[i]), span));
			const element = vector.element(k, span);
			bindTarget(ctx, s.target, element, span, (name, value, at) => iteration.assign(name, value, at));
			executeBlock(ctx, iteration, s.body, { trace: false, inLoop: true });
			return names.map((name) => carriedValue(iteration.ownValue(name), name, span));
		},
	});
	names.forEach((name, i) => scope.assign(name, numberOrUnset(after[i]), span));
	if (vector.length > 0) {
		const last = vector.element(ctx.builder.constant(vector.length - 1), span);
		bindTarget(ctx, s.target, last, span, (name, value, at) => {
			if (!names.includes(name)) scope.assign(name, value, at);
		});
	}
	return normal;
}

function numberOrUnset(node: Node | undefined): Value {
	return node ? scalar(node) : unset;
}

function carriedValue(value: Value, name: string, span: SourceSpan): Node | undefined {
	if (value.kind === 'scalar') return value.node;
	if (value.kind === 'unset') return undefined;
	const what = value.kind === 'vector' ? msg`a list` : msg`a function`;
	return fail(msg`'${name}' holds ${what}; only numbers can change inside a loop`, span);
}
