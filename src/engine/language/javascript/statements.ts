/**
 * Lowers the statements of a function body in order: declarations and assignments (`assignments.ts`) update the
 * scope's symbolic values; `if` merges its branches with `select` (`lowering/branches.ts`); a `return` inside an `if`
 * makes the rest of the block run inside each branch, so early returns become one `select`; loops go to `loops.ts`.
 */
import type * as t from '@babel/types';
import { lowerIf, normal, withRestNames, type Flow, type Mode, type Rest } from '../lowering/branches';
import { fail, type LoweringContext } from '../lowering/context';
import { javaScriptCondition } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { declaration, expressionStatement } from './assignments';
import { unsupported } from './constructNames';
import { evaluate, evaluateNumber } from './expressions';
import { closure } from './functions';
import { forOfStatement, forStatement } from './loops';
import { nameSpanOf, spanOf } from './parse';
import { assignedNames, containsReturn } from './syntaxScan';
import { msg } from '../../message';

/** Lowers a function body or block's statements in `scope`. */
export function executeBlock(ctx: LoweringContext, scope: Scope, statements: readonly t.Statement[], mode: Mode): Flow {
	hoistFunctions(ctx, scope, statements);
	return executeFrom(ctx, scope, statements, 0, mode, undefined);
}

function hoistFunctions(ctx: LoweringContext, scope: Scope, statements: readonly t.Statement[]): void {
	for (const s of statements) {
		if (s.type === 'FunctionDeclaration' && s.id && !scope.declares(s.id.name)) {
			scope.declare(s.id.name, closure(ctx, scope, s, s.id.name), 'const', nameSpanOf(s.id));
		}
	}
}

function executeFrom(
	ctx: LoweringContext,
	scope: Scope,
	statements: readonly t.Statement[],
	start: number,
	mode: Mode,
	rest: Rest | undefined,
): Flow {
	for (let i = start; i < statements.length; i++) {
		const s = statements[i]!;
		if (!mode.inLoop && (s.type === 'IfStatement' || s.type === 'BlockStatement') && containsReturn([s])) {
			const after = continuation(ctx, statements, i + 1, mode, rest);
			if (s.type === 'IfStatement') return ifStatement(ctx, scope, s, mode, after);
			return executeBranch(ctx, scope, s, mode, after);
		}
		const flow = executeStatement(ctx, scope, s, mode);
		if (flow.kind === 'return') return flow;
	}
	return rest ? rest.run(scope) : normal;
}

function continuation(
	ctx: LoweringContext,
	statements: readonly t.Statement[],
	from: number,
	mode: Mode,
	rest: Rest | undefined,
): Rest {
	const tail = statements.slice(from);
	const names = withRestNames(assignedNames(tail), rest);
	return { names, run: (scope) => executeFrom(ctx, scope, tail, 0, mode, rest) };
}

/** A branch or block, then `rest` in the same scope when it ends normally. */
function executeBranch(ctx: LoweringContext, scope: Scope, s: t.Statement, mode: Mode, rest: Rest | undefined): Flow {
	if (s.type !== 'BlockStatement') return executeFrom(ctx, scope, [s], 0, mode, rest);
	const block = scope.child();
	hoistFunctions(ctx, block, s.body);
	return executeFrom(ctx, block, s.body, 0, mode, rest && { names: rest.names, run: () => rest.run(scope) });
}

function ifStatement(ctx: LoweringContext, scope: Scope, s: t.IfStatement, mode: Mode, rest: Rest | undefined): Flow {
	const condition = javaScriptCondition(ctx.builder, evaluateNumber(ctx, scope, s.test));
	const names = withRestNames(assignedNames(s.alternate ? [s.consequent, s.alternate] : [s.consequent]), rest);
	const branchMode: Mode = { trace: false, inLoop: mode.inLoop };
	const whenTrue = (inner: Scope) => executeBranch(ctx, inner, s.consequent, branchMode, rest);
	const whenFalse = (inner: Scope) => {
		if (s.alternate) return executeBranch(ctx, inner, s.alternate, branchMode, rest);
		return rest ? rest.run(inner) : normal;
	};
	return lowerIf(ctx, scope, condition, names, whenTrue, whenFalse, spanOf(s));
}

/** One statement; a `return` ends the block. */
function executeStatement(ctx: LoweringContext, scope: Scope, s: t.Statement, mode: Mode): Flow {
	ctx.tick(spanOf(s));
	switch (s.type) {
		case 'ExpressionStatement':
			expressionStatement(ctx, scope, s, mode.trace);
			return normal;
		case 'VariableDeclaration':
			declaration(ctx, scope, s, mode.trace);
			return normal;
		case 'ReturnStatement':
			return returnStatement(ctx, scope, s, mode);
		case 'IfStatement':
			return ifStatement(ctx, scope, s, mode, undefined);
		case 'BlockStatement':
			return executeBranch(ctx, scope, s, { trace: false, inLoop: mode.inLoop }, undefined);
		case 'ForStatement':
			return forStatement(ctx, scope, s);
		case 'ForOfStatement':
			return forOfStatement(ctx, scope, s);
		case 'WhileStatement':
		case 'DoWhileStatement':
			return fail(msg`while loops are not supported; use a for loop with a fixed bound`, spanOf(s));
		case 'BreakStatement':
		case 'ContinueStatement':
			return unsupported(s, (what) => msg`${what}: loops run a fixed number of times; use an if inside the loop`);
		case 'EmptyStatement':
		case 'FunctionDeclaration':
		case 'TSTypeAliasDeclaration':
		case 'TSInterfaceDeclaration':
		case 'TSDeclareFunction':
			return normal;
		default:
			return unsupported(s);
	}
}

function returnStatement(ctx: LoweringContext, scope: Scope, s: t.ReturnStatement, mode: Mode): Flow {
	if (mode.inLoop) {
		fail(msg`return inside a loop is not supported; accumulate in a variable and return after the loop`, spanOf(s));
	}
	if (!s.argument) return fail(msg`return needs a value`, spanOf(s));
	const value = evaluate(ctx, scope, s.argument);
	if (mode.trace && value.kind === 'scalar') ctx.record('return', value.node, spanOf(s));
	return { kind: 'return', value };
}

