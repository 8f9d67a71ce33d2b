/**
 * Lowers the statements of a function body in order: assignments (`assignments.ts`) update the scope's symbolic
 * values; `if`/`elif`/`else` merges its branches with `select` (`lowering/branches.ts`); a `return` inside an `if`
 * makes the rest of the block run inside each branch, so early returns become one `select`; `for` loops go to
 * `loops.ts`. Python has no block scope, so branches and loop bodies assign the function's own variables.
 */
import { lowerIf, normal, withRestNames, type Flow, type Mode, type Rest } from '../lowering/branches';
import { fail } from '../lowering/context';
import { isTrue } from '../lowering/operators';
import type { Scope } from '../lowering/scope';
import { assignStatement, augmentedStatement } from './assignments';
import { assignedNames, containsReturn } from './astScan';
import { evaluate, evaluateNumber } from './expressions';
import { appendStatement } from './listMutation';
import { userFunction } from './functions';
import { forStatement } from './loops';
import type { Stmt } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** Lowers a block's statements in `scope`. */
export function executeBlock(ctx: PythonContext, scope: Scope, statements: readonly Stmt[], mode: Mode): Flow {
	return executeFrom(ctx, scope, statements, mode, undefined);
}

function executeFrom(
	ctx: PythonContext,
	scope: Scope,
	statements: readonly Stmt[],
	mode: Mode,
	rest: Rest | undefined,
): Flow {
	for (let i = 0; i < statements.length; i++) {
		const s = statements[i]!;
		if (!mode.inLoop && s.kind === 'if' && containsReturn([s])) {
			return ifStatement(ctx, scope, s, mode, continuation(ctx, statements.slice(i + 1), mode, rest));
		}
		const flow = executeStatement(ctx, scope, s, mode);
		if (flow.kind === 'return') return flow;
	}
	return rest ? rest.run(scope) : normal;
}

function continuation(ctx: PythonContext, tail: readonly Stmt[], mode: Mode, rest: Rest | undefined): Rest {
	const names = withRestNames(assignedNames(tail), rest);
	return { names, run: (scope) => executeFrom(ctx, scope, tail, mode, rest) };
}

function ifStatement(
	ctx: PythonContext,
	scope: Scope,
	s: Stmt & { kind: 'if' },
	mode: Mode,
	rest: Rest | undefined,
): Flow {
	const condition = evaluateNumber(ctx, scope, s.test);
	const names = withRestNames(assignedNames([...s.body, ...s.orelse]), rest);
	const branchMode: Mode = { trace: false, inLoop: mode.inLoop };
	const whenTrue = (inner: Scope) => executeFrom(ctx, inner, s.body, branchMode, rest);
	const whenFalse = (inner: Scope) => executeFrom(ctx, inner, s.orelse, branchMode, rest);
	return lowerIf(ctx, scope, condition, names, whenTrue, whenFalse, s.span);
}

/** One statement; a `return` ends the block. */
function executeStatement(ctx: PythonContext, scope: Scope, s: Stmt, mode: Mode): Flow {
	ctx.tick(s.span);
	switch (s.kind) {
		case 'assign':
			assignStatement(ctx, scope, s, mode.trace);
			return normal;
		case 'augmented':
			augmentedStatement(ctx, scope, s, mode.trace);
			return normal;
		case 'expression':
			if (!appendStatement(ctx, scope, s.value)) evaluate(ctx, scope, s.value);
			return normal;
		case 'return':
			return returnStatement(ctx, scope, s, mode);
		case 'if':
			return ifStatement(ctx, scope, s, mode, undefined);
		case 'for':
			return forStatement(ctx, scope, s);
		case 'def':
			scope.assign(s.def.name, userFunction(ctx, scope, s.def), s.def.nameSpan);
			return normal;
		case 'import':
			return fail(msg`imports inside a function are not supported in a loss; import at the top of the file`, s.span);
		case 'assert':
			return assertStatement(ctx, scope, s);
		case 'pass':
			return normal;
		case 'unsupported':
			return fail(s.message, s.span);
		default: {
			const never: never = s;
			return never;
		}
	}
}

function returnStatement(ctx: PythonContext, scope: Scope, s: Stmt & { kind: 'return' }, mode: Mode): Flow {
	if (mode.inLoop) {
		fail(msg`return inside a loop is not supported; accumulate in a variable and return after the loop`, s.span);
	}
	if (!s.value) return fail(msg`return needs a value: a loss returns a number`, s.span);
	const value = evaluate(ctx, scope, s.value);
	if (mode.trace && value.kind === 'scalar') ctx.record('return', value.node, s.span);
	return { kind: 'return', value };
}

/** An `assert` whose condition is known before the loss runs is checked; others cannot be, and are skipped. */
function assertStatement(ctx: PythonContext, scope: Scope, s: Stmt & { kind: 'assert' }): Flow {
	const condition = evaluateNumber(ctx, scope, s.test);
	if (condition.kind === 'const' && !isTrue(condition.value)) fail(msg`this assertion fails`, s.span);
	return normal;
}
