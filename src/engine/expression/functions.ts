/**
 * The fixed table of functions and named constants the expression language knows. Names are looked up in `Map`s
 * only, so user text can never reach `Object.prototype`. The JavaScript and Python module spellings of the loss
 * front ends (`Math.sqrt`, `math.sqrt`, `np.sqrt`) resolve to the same entries; bare `pi` or `e` are left to the
 * session, where a parameter may carry that name.
 */
import { msg, type Message } from '../message';

/** A function: how many arguments it takes (`maxArgs` is `Infinity` when variadic) and how it computes. */
export interface ExpressionFunction {
	readonly minArgs: number;
	readonly maxArgs: number;
	readonly apply: (args: readonly number[]) => number;
}

const one = (f: (x: number) => number): ExpressionFunction => ({ minArgs: 1, maxArgs: 1, apply: (a) => f(a[0]!) });
const two = (f: (x: number, y: number) => number): ExpressionFunction => ({
	minArgs: 2,
	maxArgs: 2,
	apply: (a) => f(a[0]!, a[1]!),
});
const many = (f: (...xs: number[]) => number): ExpressionFunction => ({
	minArgs: 1,
	maxArgs: Infinity,
	apply: (a) => f(...a),
});
const flag = (test: (x: number) => boolean): ExpressionFunction => one((x) => (test(x) ? 1 : 0));

/** Rounds half away from zero (C `round`), unlike `Math.round` (half up) and Python `round` (half to even). */
function roundHalfAway(x: number): number {
	return Math.sign(x) * Math.round(Math.abs(x));
}

const unaryMath = ['abs', 'sign', 'sqrt', 'cbrt', 'exp', 'expm1', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan',
	'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'floor', 'ceil', 'trunc'] as const;

/** Every function by canonical name. `log(x, base)` takes an optional base as in Python's `math.log`. */
export const expressionFunctions: ReadonlyMap<string, ExpressionFunction> = new Map<string, ExpressionFunction>([
	...unaryMath.map((name) => [name, one(Math[name])] as const),
	['log', { minArgs: 1, maxArgs: 2, apply: (a) => Math.log(a[0]!) / (a.length === 1 ? 1 : Math.log(a[1]!)) }],
	['round', one(roundHalfAway)],
	['pow', two((x, y) => x ** y)],
	['atan2', two(Math.atan2)],
	['min', many(Math.min)],
	['max', many(Math.max)],
	['hypot', many(Math.hypot)],
	['isnan', flag(Number.isNaN)],
	['isfinite', flag(Number.isFinite)],
	['isinf', flag((x) => x === Infinity || x === -Infinity)],
]);

const modules = new Set(['Math', 'math', 'np', 'numpy']);

const pythonConstants: readonly (readonly [string, number])[] = [
	['pi', Math.PI],
	['e', Math.E],
	['tau', 2 * Math.PI],
	['inf', Infinity],
	['nan', NaN],
];

/** Qualified constants (`math.pi`, `np.inf`, `Math.PI`) by their spelled key. */
export const expressionConstants: ReadonlyMap<string, number> = new Map<string, number>([
	...['math', 'np', 'numpy'].flatMap((m) => pythonConstants.map(([name, value]) => [`${m}.${name}`, value] as const)),
	...(['PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2'] as const).map(
		(name) => [`Math.${name}`, Math[name]] as const,
	),
]);

/** The canonical name for a spelled callee (`Math.sqrt` → `sqrt`), or undefined when it is not a known function. */
export function resolveFunctionName(spelled: string): string | undefined {
	if (expressionFunctions.has(spelled)) {
		return spelled;
	}
	const dot = spelled.indexOf('.');
	const rest = spelled.slice(dot + 1);
	return dot > 0 && modules.has(spelled.slice(0, dot)) && expressionFunctions.has(rest) ? rest : undefined;
}

/** "1 argument", "2 arguments", "1 to 2 arguments", "at least 1 argument". */
export function describeArity(fn: ExpressionFunction): Message {
	const { minArgs: min, maxArgs: max } = fn;
	if (max === Infinity) return min === 1 ? msg`at least 1 argument` : msg`at least ${min} arguments`;
	if (min !== max) return msg`${min} to ${max} arguments`;
	return min === 1 ? msg`1 argument` : msg`${min} arguments`;
}
