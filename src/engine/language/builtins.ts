/**
 * The scalar functions and constants every front end knows (`Math.sin` in JavaScript, `math.sin`/`np.sin` in
 * Python, `\sin` or `sin` in math), lowered to IR nodes. Front ends map their spelling to these names and report
 * anything else as an unknown function at its position.
 */
import type { GraphBuilder } from '../graph/graphBuilder';
import type { Node } from '../graph/node';
import type { OpName } from '../graph/ops';

type Lowering = (b: GraphBuilder, args: readonly Node[]) => Node;

/** A builtin: how many arguments it takes (`Infinity` for variadic) and how it lowers. */
export interface Builtin {
	readonly minArgs: number;
	readonly maxArgs: number;
	readonly lower: Lowering;
}

const unary = (op: OpName): Builtin => ({ minArgs: 1, maxArgs: 1, lower: (b, [a]) => b.op(op, a!) });

function fold(args: readonly Node[], combine: (a: Node, b: Node) => Node): Node {
	return args.slice(1).reduce(combine, args[0]!);
}

export const builtins: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
	...(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'expm1', 'log', 'log1p', 'sqrt',
		'cbrt', 'abs', 'sign', 'floor', 'ceil', 'round', 'trunc'] as const).map((name) => [name, unary(name)] as const),
	['log2', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => b.log2(a!) }],
	['log10', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => b.log10(a!) }],
	['pow', { minArgs: 2, maxArgs: 2, lower: (b, [x, y]) => b.pow(x!, y!) }],
	['atan2', { minArgs: 2, maxArgs: 2, lower: (b, [y, x]) => b.op('atan2', y!, x!) }],
	['min', { minArgs: 1, maxArgs: Infinity, lower: (b, args) => fold(args, (x, y) => b.op('min', x, y)) }],
	['max', { minArgs: 1, maxArgs: Infinity, lower: (b, args) => fold(args, (x, y) => b.op('max', x, y)) }],
	['hypot', {
		minArgs: 1,
		maxArgs: Infinity,
		lower: (b, args) => b.op('sqrt', fold(args.map((a) => b.mul(a, a)), (x, y) => b.add(x, y))),
	}],
	['asinh', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => asinh(b, a!) }],
	['acosh', { minArgs: 1, maxArgs: 1, lower: (b, [a]) => b.op('log', b.add(a!, b.op('sqrt', b.sub(b.mul(a!, a!), b.constant(1))))) }],
	['atanh', {
		minArgs: 1,
		maxArgs: 1,
		lower: (b, [a]) => b.mul(b.constant(0.5), b.op('log', b.div(b.add(b.constant(1), a!), b.sub(b.constant(1), a!)))),
	}],
]);

/**
 * asinh(x) = log(x + √(x² + 1)) taken at |x| with x's sign: at negative x the sum cancels (asinh(-3565) lost half its
 * digits), as CPython's and V8's asinh avoid.
 */
function asinh(b: GraphBuilder, x: Node): Node {
	const ofPositive = (t: Node) => b.op('log', b.add(t, b.op('sqrt', b.add(b.mul(t, t), b.constant(1)))));
	return b.select(b.op('lt', x, b.constant(0)), b.neg(ofPositive(b.neg(x))), ofPositive(x));
}

/** Named constants. */
export const builtinConstants: ReadonlyMap<string, number> = new Map([
	['PI', Math.PI],
	['pi', Math.PI],
	['E', Math.E],
	['e', Math.E],
	['tau', 2 * Math.PI],
	['inf', Infinity],
	['LN2', Math.LN2],
	['LN10', Math.LN10],
	['LOG2E', Math.LOG2E],
	['LOG10E', Math.LOG10E],
	['SQRT2', Math.SQRT2],
	['SQRT1_2', Math.SQRT1_2],
]);
