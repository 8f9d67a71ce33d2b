/**
 * `for (let i = a; i < n; i += k)` and `for (const v of xs)`: the trip count must be known before the loss runs (a
 * number, a constant, an array's length); the body is handed to the language-neutral loop lowering as one iteration
 * over the variables it assigns, so additive accumulations become `sum` nodes and everything stays a loop.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { normal, type Flow } from '../lowering/branches';
import { fail, type LoweringContext } from '../lowering/context';
import { lowerScopedLoop } from '../lowering/scopedLoop';
import type { Scope } from '../lowering/scope';
import { expectVector, scalar, unset } from '../lowering/values';
import { dataVector } from '../lowering/vectors';
import { bindTarget } from './records';
import { describe, evaluate } from './expressions';
import { countedLoop } from './loopBounds';
import { spanOf } from './parse';
import { executeBlock } from './statements';
import { assignedNames } from './syntaxScan';
import { msg } from '../../message';

/** `for (init; test; update) body`. */
export function forStatement(ctx: LoweringContext, scope: Scope, s: t.ForStatement): Flow {
	const span = spanOf(s);
	const counter = countedLoop(ctx, scope, s, span);
	const b = ctx.builder;
	const values = counter.values && dataVector(b, counter.values, [counter.count], msg`the values of '${counter.name}'`);
	return runLoop(ctx, scope, s.body, counter.count, span, counter.name, (inner, k) => {
		const value = values ? values.element(k, span) : scalar(b.add(b.constant(counter.start), b.mul(b.constant(counter.step), k)));
		inner.declare(counter.name, value, 'counter', span);
		if (value.kind === 'scalar') ctx.recordLoopVariable(value.node);
	});
}

/** `for (const v of xs)` and `for (const [a, b] of pairs)`. */
export function forOfStatement(ctx: LoweringContext, scope: Scope, s: t.ForOfStatement): Flow {
	const span = spanOf(s);
	if (s.await) fail(msg`'for await' is not supported in a loss`, span);
	const left = s.left;
	if (left.type !== 'VariableDeclaration' || left.declarations.length !== 1) {
		return fail(msg`a for...of loop in a loss must declare its variable: for (const v of xs)`, spanOf(left));
	}
	const id = left.declarations[0]!.id;
	const vector = expectVector(evaluate(ctx, scope, s.right), describe(s.right), spanOf(s.right));
	const kind = left.kind === 'const' ? 'const' : 'let';
	const variable = id.type === 'Identifier' ? id.name : '';
	return runLoop(ctx, scope, s.body, vector.length, span, variable, (inner, k) => {
		const element = vector.element(k, span);
		if (element.kind === 'scalar') ctx.recordLoopVariable(element.node);
		bindTarget(ctx, inner, id, element, kind);
	});
}

/**
 * `xs.forEach((x, i) => { ... })` as a statement: the callback's body is a loop body over the elements, and may
 * update the function's variables (`total += ...`), as the same code in a `for...of` loop would.
 */
export function forEachStatement(ctx: LoweringContext, scope: Scope, call: t.CallExpression, member: t.MemberExpression) {
	const span = spanOf(call);
	const vector = expectVector(evaluate(ctx, scope, member.object), describe(member.object), spanOf(member.object));
	const callback = call.arguments[0];
	if (!callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) {
		return fail(msg`forEach in a loss takes a function written in place: xs.forEach((x, i) => { ... })`, span);
	}
	if (callback.async || callback.generator) return fail(msg`the callback of forEach must be a plain function`, spanOf(callback));
	const body: t.Statement = callback.body.type === 'BlockStatement'
		? callback.body
		: { type: 'ExpressionStatement', expression: callback.body, loc: callback.body.loc } as t.ExpressionStatement;
	const first = callback.params[0];
	const variable = first?.type === 'Identifier' ? first.name : '';
	return runLoop(ctx, scope, body, vector.length, span, variable, (inner, k) => {
		const args = [vector.element(k, span), scalar(k), vector];
		callback.params.forEach((param, i) => {
			if (param.type === 'RestElement') {
				return fail(msg`this parameter form is not supported in a loss`, spanOf(param));
			}
			const target = param.type === 'AssignmentPattern' ? param.left : param;
			return bindTarget(ctx, inner, target, args[i] ?? unset, 'let');
		});
	});
}

/** Lowers `body` as `count` iterations; `bind` declares the loop variable of iteration `k` in its scope. */
function runLoop(
	ctx: LoweringContext,
	scope: Scope,
	body: t.Statement,
	count: number,
	span: SourceSpan,
	variable: string,
	bind: (inner: Scope, k: Node) => void,
): Flow {
	const statements = body.type === 'BlockStatement' ? body.body : [body];
	lowerScopedLoop(ctx, scope, {
		count,
		variable,
		assigned: assignedNames([body]),
		listWord: msg`an array`,
		span,
		body: (iteration, k) => {
			const inner = iteration.child();
			bind(inner, k);
			executeBlock(ctx, inner, statements, { trace: true, inLoop: true });
		},
	});
	return normal;
}

