/**
 * Statements that change variables: declarations (`const`, `let`, `var`, with `[a, b]` destructuring), assignments
 * with `=` and the compound operators, and `++`/`--`. Values are symbolic; arrays cannot be changed element by
 * element. At the loss's top level each scalar that gets a value is recorded in the step-into trace.
 */
import type * as t from '@babel/types';
import { fail, type LoweringContext } from '../lowering/context';
import { binary, type BinaryOperator } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { expectScalar, scalar, unset, type Value } from '../lowering/values';
import { describe, evaluate, evaluateNumber } from './expressions';
import { noteHolder } from './arrayOwners';
import { bindTarget } from './records';
import { propertyName } from './members';
import { forEachStatement } from './loops';
import { elementAssignment, pushStatement } from './mutations';
import { nameSpanOf, spanOf, unwrap } from './parse';
import { msg } from '../../message';

/** `const`/`let`/`var` declarations; `trace` records scalar ones for step-into. */
export function declaration(ctx: LoweringContext, scope: Scope, s: t.VariableDeclaration, trace: boolean): void {
	if (s.kind !== 'const' && s.kind !== 'let' && s.kind !== 'var') {
		fail(msg`'${s.kind}' declarations are not supported in a loss`, spanOf(s));
	}
	const kind = s.kind === 'const' ? 'const' : 'let';
	for (const d of s.declarations) {
		const init = d.init;
		if (d.id.type === 'Identifier') {
			const value = init ? evaluate(ctx, scope, init, d.id.name) : unset;
			scope.declare(d.id.name, value, kind, nameSpanOf(d.id));
			noteHolder(d.id.name, value);
			if (trace && value.kind === 'scalar') ctx.record(d.id.name, value.node, spanOf(d));
		} else if ((d.id.type === 'ArrayPattern' || d.id.type === 'ObjectPattern') && init) {
			bindTarget(ctx, scope, d.id, evaluate(ctx, scope, init), kind);
		} else {
			fail(msg`this kind of declaration is not supported in a loss`, spanOf(d));
		}
	}
}

const compoundOperators: Readonly<Record<string, BinaryOperator>> = {
	'+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%', '**=': '**',
};

/** Assignments, `++`/`--`, and expressions evaluated for their errors only; `trace` records scalar assignments. */
export function expressionStatement(
	ctx: LoweringContext,
	scope: Scope,
	s: t.ExpressionStatement,
	trace: boolean,
): void {
	const e = s.expression;
	if (e.type === 'AssignmentExpression') return assignment(ctx, scope, e, s, trace);
	const call = methodCall(e);
	if (call?.method === 'push') return pushStatement(ctx, scope, call.call, call.member);
	if (call?.method === 'forEach') {
		forEachStatement(ctx, scope, call.call, call.member);
		return;
	}
	if (e.type === 'UpdateExpression') {
		if (e.argument.type !== 'Identifier') return fail(msg`'++'/'--' works only on a variable in a loss`, spanOf(e));
		const current = expectScalar(evaluate(ctx, scope, e.argument), `'${e.argument.name}'`, spanOf(e.argument));
		const value = binary(ctx.builder, e.operator === '++' ? '+' : '-', current, ctx.builder.constant(1));
		return store(ctx, scope, e.argument.name, scalar(value), s, trace);
	}
	evaluate(ctx, scope, e);
}

/** `a.method(...)` as a statement. */
function methodCall(e: t.Expression): { call: t.CallExpression; member: t.MemberExpression; method: string } | undefined {
	if (e.type !== 'CallExpression') return undefined;
	const member = unwrap(e.callee as t.Expression);
	const method = member.type === 'MemberExpression' ? propertyName(member) : undefined;
	return method === undefined ? undefined : { call: e, member: member as t.MemberExpression, method };
}

function assignment(ctx: LoweringContext, scope: Scope, e: t.AssignmentExpression, s: t.Statement, trace: boolean) {
	const target = e.left;
	const op = compoundOperators[e.operator];
	if (e.operator !== '=' && !op) return fail(msg`the operator '${e.operator}' is not supported in a loss`, spanOf(e));
	if (target.type === 'MemberExpression') return elementAssignment(ctx, scope, { ...e, left: target }, op);
	if (target.type !== 'Identifier') return fail(msg`destructuring assignment is not supported in a loss`, spanOf(target));
	if (e.operator === '=') {
		return store(ctx, scope, target.name, evaluate(ctx, scope, e.right, target.name), s, trace);
	}
	const current = expectScalar(evaluate(ctx, scope, target), describe(target), spanOf(target));
	const value = binary(ctx.builder, op!, current, evaluateNumber(ctx, scope, e.right));
	store(ctx, scope, target.name, scalar(value), s, trace);
}

function store(ctx: LoweringContext, scope: Scope, name: string, value: Value, s: t.Statement, trace: boolean): void {
	scope.assign(name, value, spanOf(s));
	noteHolder(name, value);
	if (trace && value.kind === 'scalar') ctx.record(name, value.node, spanOf(s));
}
