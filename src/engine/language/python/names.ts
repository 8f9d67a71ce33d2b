/**
 * What a name means, in Python's order: a local variable (or an enclosing function's), a name defined at the top of
 * the file (evaluated lazily, `moduleScope.ts`), then a builtin (`sum`, `range`, `abs`, ...). Names of I/O and of
 * code execution (`print`, `open`, `eval`) and modules used without their import get an error that says why.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import type { Value } from '../lowering/values';
import { builtinFunction } from './pythonBuiltins';
import type { PythonContext } from './pythonContext';
import { msg, type Message } from '../../message';

const hints: ReadonlyMap<string, Message> = new Map([
	['print', msg`print is not supported in a loss: the loss is analysed, not run`],
	['open', msg`file I/O ('open') is not supported in a loss: the loss is analysed, not run`],
	['input', msg`'input' is not supported in a loss: the loss is analysed, not run`],
	['eval', msg`'eval' is not supported in a loss: the loss is analysed, not run`],
	['exec', msg`'exec' is not supported in a loss: the loss is analysed, not run`],
	['compile', msg`'compile' is not supported in a loss: the loss is analysed, not run`],
	['__import__', msg`'__import__' is not supported in a loss: only math and numpy can be imported`],
	['globals', msg`'globals' is not supported in a loss`],
	['locals', msg`'locals' is not supported in a loss`],
	['None', msg`'None' is not a number`],
	['math', msg`unknown name 'math': add 'import math' at the top of the file`],
	['np', msg`unknown name 'np': add 'import numpy as np' at the top of the file`],
	['numpy', msg`unknown name 'numpy': add 'import numpy' at the top of the file`],
]);

/** The value of the name `name` as an expression. */
export function identifier(ctx: PythonContext, scope: Scope, name: string, span: SourceSpan): Value {
	const binding = scope.lookup(name, span);
	if (binding) {
		if (binding.value.kind === 'unset') fail(msg`'${name}' is used before it has a value`, span);
		return binding.value;
	}
	const module = ctx.module.moduleOf(scope, name);
	if (module !== undefined) {
		return fail(msg`'${name}' is the module ${module}; use its functions and constants, like ${name}.sin(x)`, span);
	}
	const builtin = builtinFunction(ctx, name);
	if (builtin) return builtin;
	return fail(hints.get(name) ?? msg`unknown name '${name}'`, span);
}
