/**
 * The functions and constants of the math and LaTeX front ends: the shared builtins of `builtins.ts` under their
 * textbook spellings (`ln`, `arctan`, `sgn`), plus `sec`, `csc` and `cot` as rewrites. Both the tokenizer (to tell a
 * function name from a variable) and the lowering (to build nodes) read this table.
 */
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { builtins, type Builtin } from '../builtins';

const aliases: ReadonlyMap<string, string> = new Map([
	['ln', 'log'],
	['arcsin', 'asin'],
	['arccos', 'acos'],
	['arctan', 'atan'],
	['arsinh', 'asinh'],
	['arcsinh', 'asinh'],
	['arcosh', 'acosh'],
	['arccosh', 'acosh'],
	['artanh', 'atanh'],
	['arctanh', 'atanh'],
	['sgn', 'sign'],
]);

const reciprocal = (b: GraphBuilder, of: Node): Node => b.div(b.constant(1), of);

const extra: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
	['sec', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => reciprocal(b, b.op('cos', a!)) }],
	['csc', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => reciprocal(b, b.op('sin', a!)) }],
	['cot', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => reciprocal(b, b.op('tan', a!)) }],
]);

/** The canonical name of a function spelled `name` (`ln` → `log`), or undefined when it is not one. */
export function functionKey(name: string): string | undefined {
	const key = aliases.get(name) ?? name;
	return builtins.has(key) || extra.has(key) ? key : undefined;
}

/** The function with canonical name `key` (from `functionKey`). */
export function mathFunction(key: string): Builtin | undefined {
	return builtins.get(key) ?? extra.get(key);
}

/**
 * Named constants. `e` and `π` give way to a parameter of the same name declared in a signature such as `f(e) = ...`;
 * `pi` is reachable only in plain math (LaTeX reads it as `p i`).
 */
export const mathConstants: ReadonlyMap<string, number> = new Map([
	['π', Math.PI],
	['pi', Math.PI],
	['e', Math.E],
	['∞', Infinity],
]);
