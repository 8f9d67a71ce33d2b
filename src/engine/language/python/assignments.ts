/**
 * Assignments: `x = e`, `a = b = e`, `a, (b, c) = e` (unpacking a tuple or list of exactly that length, the right
 * side evaluated first, so `a, b = b, a` swaps), `x: float = e`, and the augmented `+= -= *= /= //= %= **=` on
 * numbers and on elements of local lists (`xs[i] = v`, `W[i][j] += v`, see `listMutation.ts`). At the loss's top
 * level each number assigned is recorded in the step-into trace.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { describeValue, expectScalar, scalar, type Value } from '../lowering/values';
import { describe, evaluate, evaluateNumber } from './expressions';
import { assignElement } from './listMutation';
import { arrayArithmetic, isArray } from './arrayOperators';
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
	scope?: Scope,
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
				bindTarget(ctx, item, value.element(ctx.builder.constant(i), span), span, bind, scope);
			});
			return;
		}
		case 'element':
			if (!scope) return fail(msg`cannot assign to '${target.name}[...]' here`, target.span);
			return assignElement(ctx, scope, target.element, value);
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
		bindTarget(ctx, target, value, s.span, (name, part, at) => store(ctx, scope, name, part, at, s.span, trace), scope);
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
	if (target.kind === 'element') {
		const element = expectScalar(evaluate(ctx, scope, target.element), describe(target.element), target.span);
		const value = arithmetic(ctx.builder, s.op, element, evaluateNumber(ctx, scope, s.value));
		return assignElement(ctx, scope, target.element, scalar(value));
	}
	const current = evaluate(ctx, scope, { kind: 'name', name: target.name, span: target.span });
	if (isArray(current)) {
		const value = arrayArithmetic(ctx, s.op, current, evaluate(ctx, scope, s.value), s.span);
		return store(ctx, scope, target.name, value, target.span, s.span, trace);
	}
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
