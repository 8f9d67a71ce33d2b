/**
 * `for target in iterable:` over anything list-like: `range(...)` with bounds known before the loss runs, a list,
 * `zip(...)`, `enumerate(...)`, a comprehension. The body is handed to the language-neutral loop lowering as one
 * iteration over the variables it assigns, so additive accumulations (`total += r * r`) become `sum` nodes and a loop
 * over 10,000 points stays a loop. As in Python, the loop variable keeps its last value after the loop.
 */
import { normal, type Flow } from '../lowering/branches';
import { fail } from '../lowering/context';
import { lowerScopedLoop } from '../lowering/scopedLoop';
import type { Scope } from '../lowering/scope';
import { expectVector } from '../lowering/values';
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
	const names = lowerScopedLoop(ctx, scope, {
		count: vector.length,
		variable: s.target.kind === 'name' ? s.target.name : '',
		assigned: assignedNames(s.body),
		alsoShadowed: targetNames(s.target),
		listWord: msg`a list`,
		span,
		body: (iteration, k) => {
			const element = vector.element(k, span);
			if (element.kind === 'scalar') ctx.recordLoopVariable(element.node);
			bindTarget(ctx, s.target, element, span, (name, value, at) => iteration.assign(name, value, at));
			executeBlock(ctx, iteration, s.body, { trace: true, inLoop: true });
		},
	});
	if (vector.length > 0) {
		const last = vector.element(ctx.builder.constant(vector.length - 1), span);
		bindTarget(ctx, s.target, last, span, (name, value, at) => {
			if (!names.includes(name)) scope.assign(name, value, at);
		});
	}
	return normal;
}
