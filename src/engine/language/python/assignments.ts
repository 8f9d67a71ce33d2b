/**
 * Assignments: `x = e`, `a = b = e`, `a, (b, c) = e` (unpacking a tuple or list of exactly that length, the right
 * side evaluated first, so `a, b = b, a` swaps), `x: float = e`, and the augmented `+= -= *= /= //= %= **=` on
 * numbers. Lists are values: assigning to `xs[i]` or extending a list is an error. At the loss's top level each
 * number assigned is recorded in the step-into trace.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { describeValue, expectScalar, scalar, type Value } from '../lowering/values';
import { evaluate, evaluateNumber } from './expressions';
import { arithmetic } from './pythonOperators';
import type { Stmt, Target } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** Binds each name of `target` to its part of `value` through `bind`. */
export function bindTarget(
	ctx: PythonContext,
	target: Target,
	value: Value,
	span: SourceSpan,
	bind: (name: string, value: Value, span: SourceSpan) => void,
): void {
	switch (target.kind) {
		case 'name':
			return bind(target.name, value, target.span);
		case 'tuple': {
			const count = target.items.length;
			if (value.kind !== 'vector') return fail(msg`cannot unpack ${describeValue(value)} into ${count} names`, span);
			if (value.length !== count) {
				const message = value.length > count
					? msg`too many values to unpack: expected ${count}, got ${value.length} from ${value.label}`
					: msg`not enough values to unpack: expected ${count}, got ${value.length} from ${value.label}`;
				fail(message, target.span);
			}
			target.items.forEach((item, i) => {
				bindTarget(ctx, item, value.element(ctx.builder.constant(i), span), span, bind);
			});
			return;
		}
		case 'invalid':
			return fail(target.message, target.span);
		default: {
			const never: never = target;
			return never;
		}
	}
}

/** `targets = value`; `trace` records the numbers assigned. */
export function assignStatement(
	ctx: PythonContext,
	scope: Scope,
	s: Stmt & { kind: 'assign' },
	trace: boolean,
): void {
	if (!s.value) return;
	const label = s.targets.length === 1 && s.targets[0]!.kind === 'name' ? s.targets[0]!.name : undefined;
	const value = evaluate(ctx, scope, s.value, label);
	for (const target of s.targets) {
		bindTarget(ctx, target, value, s.span, (name, part, at) => store(ctx, scope, name, part, at, s.span, trace));
	}
}

/** `target op= value` on a number. */
export function augmentedStatement(
	ctx: PythonContext,
	scope: Scope,
	s: Stmt & { kind: 'augmented' },
	trace: boolean,
): void {
	const target = s.target;
	if (target.kind === 'invalid') return fail(target.message, target.span);
	if (target.kind === 'tuple') return fail(msg`'${s.op}=' cannot assign to several names`, target.span);
	const current = evaluate(ctx, scope, { kind: 'name', name: target.name, span: target.span });
	if (current.kind === 'vector') {
		const text = `${target.name} ${s.op}= ...`;
		fail(msg`list mutation ('${text}') is not supported in a loss; build a new list instead`, s.span);
	}
	const left = expectScalar(current, `'${target.name}'`, target.span);
	const value = arithmetic(ctx.builder, s.op, left, evaluateNumber(ctx, scope, s.value));
	store(ctx, scope, target.name, scalar(value), target.span, s.span, trace);
}

function store(
	ctx: PythonContext,
	scope: Scope,
	name: string,
	value: Value,
	at: SourceSpan,
	statement: SourceSpan,
	trace: boolean,
): void {
	scope.assign(name, value, at);
	if (trace && value.kind === 'scalar') ctx.record(name, value.node, statement);
}
