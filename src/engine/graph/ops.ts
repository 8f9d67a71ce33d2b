/**
 * The op table of the intermediate representation: each primitive's forward rule next to its derivative, once as a
 * number function (for the reference interpreter) and once as a code template (for the compiler).
 *
 * The second derivatives sit beside the first ones too, as numbers (`second`, the interpreter's Hessian-vector
 * products) and as code (`emitSecond`, the generated forward-over-reverse code of `compileGraph.ts`).
 *
 * Derived operations (`-`, `log2`, `hypot`, squares, means) are rewrites in `graphBuilder.ts`, not entries here.
 * Non-differentiable points get a defined subgradient: `abs'(0) = 0`, `sqrt'(0) = 0`, `max`/`min` ties go to the
 * first argument. Comparisons, rounding and `sign` have zero derivative. After micrograd's `engine.py`, where each
 * op's `_backward` sits right after its forward value.
 */

export type OpName =
	| 'add' | 'mul' | 'div' | 'neg' | 'pow' | 'mod'
	| 'exp' | 'expm1' | 'log' | 'log1p' | 'sqrt' | 'cbrt'
	| 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh' | 'tanh'
	| 'abs' | 'sign' | 'floor' | 'ceil' | 'round' | 'trunc'
	| 'atan2' | 'min' | 'max'
	| 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'and' | 'or' | 'not'
	| 'select';

/** One primitive: arity, forward rule and partial derivatives, as numbers and as JavaScript code. */
export interface OpRule {
	readonly arity: 1 | 2 | 3;
	/** False when every partial is zero everywhere (comparisons, rounding): autodiff skips the op. */
	readonly differentiable: boolean;
	evaluate(a: number, b: number, c: number): number;
	/** ∂out/∂arg for each argument, given the arguments and the output. */
	partials(a: number, b: number, c: number, out: number): readonly number[];
	/**
	 * ∂²out/∂argᵢ∂argⱼ, row-major arity × arity, for the Hessian-vector products of `interpreter.ts`; absent where
	 * every second derivative is zero (linear ops, and the piecewise-linear ones away from their kinks).
	 */
	second?(a: number, b: number, c: number, out: number): readonly number[];
	/** `second` as code, row-major; `null` where a second derivative is identically zero. Present with `second`. */
	emitSecond?(a: string, b: string, c: string, out: string): readonly (string | null)[];
	emit(a: string, b: string, c: string): string;
	/** Code for each partial; `null` where the partial is identically zero. */
	emitPartials(a: string, b: string, c: string, out: string): readonly (string | null)[];
}

const none: readonly (string | null)[] = [null, null, null];
const zeros: readonly number[] = [0, 0, 0];

function unary(
	evaluate: (a: number) => number,
	derivative: (a: number, out: number) => number,
	emit: (a: string) => string,
	emitDerivative: (a: string, out: string) => string,
	secondDerivative?: (a: number, out: number) => number,
	emitSecondDerivative?: (a: string, out: string) => string,
): OpRule {
	return {
		arity: 1,
		differentiable: true,
		evaluate: (a) => evaluate(a),
		partials: (a, _b, _c, out) => [derivative(a, out)],
		...(secondDerivative ? { second: (a: number, _b: number, _c: number, out: number) => [secondDerivative(a, out)] } : {}),
		...(emitSecondDerivative ? { emitSecond: (a: string, _b: string, _c: string, out: string) => [emitSecondDerivative(a, out)] } : {}),
		emit: (a) => emit(a),
		emitPartials: (a, _b, _c, out) => [emitDerivative(a, out)],
	};
}

/** An op whose derivative is zero everywhere: comparisons, logic and rounding. */
function flat(arity: 1 | 2 | 3, evaluate: (a: number, b: number) => number, emit: (a: string, b: string) => string): OpRule {
	return { arity, differentiable: false, evaluate, partials: () => zeros, emit, emitPartials: () => none };
}

const math = (name: string) => (a: string) => `Math.${name}(${a})`;

export const ops: Readonly<Record<OpName, OpRule>> = {
	add: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => a + b,
		partials: () => [1, 1],
		emit: (a, b) => `(${a} + ${b})`,
		emitPartials: () => ['1', '1'],
	},
	mul: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => a * b,
		partials: (a, b) => [b, a],
		second: () => [0, 1, 1, 0],
		emitSecond: () => [null, '1', '1', null],
		emit: (a, b) => `(${a} * ${b})`,
		emitPartials: (a, b) => [b, a],
	},
	div: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => a / b,
		partials: (_a, b, _c, out) => [1 / b, -out / b],
		second: (_a, b, _c, out) => [0, -1 / (b * b), -1 / (b * b), (2 * out) / (b * b)],
		emitSecond: (_a, b, _c, out) => [null, `(-1 / (${b} * ${b}))`, `(-1 / (${b} * ${b}))`, `((2 * ${out}) / (${b} * ${b}))`],
		emit: (a, b) => `(${a} / ${b})`,
		emitPartials: (_a, b, _c, out) => [`(1 / ${b})`, `(-${out} / ${b})`],
	},
	neg: unary((a) => -a, () => -1, (a) => `(-${a})`, () => '-1'),
	pow: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => Math.pow(a, b),
		partials: (a, b, _c, out) => [b === 0 ? 0 : b * Math.pow(a, b - 1), a > 0 ? out * Math.log(a) : 0],
		second: (a, b, _c, out) => {
			const aa = b === 0 || b === 1 ? 0 : b * (b - 1) * Math.pow(a, b - 2);
			const ab = a > 0 ? Math.pow(a, b - 1) * (1 + b * Math.log(a)) : 0;
			return [aa, ab, ab, a > 0 ? out * Math.log(a) ** 2 : 0];
		},
		emitSecond: (a, b, _c, out) => {
			const ab = `(${a} > 0 ? Math.pow(${a}, ${b} - 1) * (1 + ${b} * Math.log(${a})) : 0)`;
			return [
				b === '2' ? '2' : `(${b} === 0 || ${b} === 1 ? 0 : ${b} * (${b} - 1) * Math.pow(${a}, ${b} - 2))`,
				ab, ab,
				`(${a} > 0 ? ${out} * Math.log(${a}) ** 2 : 0)`,
			];
		},
		// A constant exponent 2 (the commonest in losses) becomes a product, as a person would write it.
		emit: (a, b) => (b === '2' ? `(${a} * ${a})` : `Math.pow(${a}, ${b})`),
		emitPartials: (a, b, _c, out) => [
			b === '2' ? `(2 * ${a})` : `(${b} === 0 ? 0 : ${b} * Math.pow(${a}, ${b} - 1))`,
			`(${a} > 0 ? ${out} * Math.log(${a}) : 0)`,
		],
	},
	mod: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => a % b,
		partials: (a, b) => [1, -Math.trunc(a / b)],
		emit: (a, b) => `(${a} % ${b})`,
		emitPartials: (a, b) => ['1', `(-Math.trunc(${a} / ${b}))`],
	},
	exp: unary(Math.exp, (_a, out) => out, math('exp'), (_a, out) => out, (_a, out) => out, (_a, out) => out),
	expm1: unary(Math.expm1, (_a, out) => out + 1, math('expm1'), (_a, out) => `(${out} + 1)`, (_a, out) => out + 1, (_a, out) => `(${out} + 1)`),
	log: unary(Math.log, (a) => 1 / a, math('log'), (a) => `(1 / ${a})`, (a) => -1 / (a * a), (a) => `(-1 / (${a} * ${a}))`),
	log1p: unary(Math.log1p, (a) => 1 / (1 + a), math('log1p'), (a) => `(1 / (1 + ${a}))`, (a) => -1 / ((1 + a) * (1 + a)),
		(a) => `(-1 / ((1 + ${a}) * (1 + ${a})))`),
	sqrt: unary(Math.sqrt, (a, out) => (a === 0 ? 0 : 0.5 / out), math('sqrt'), (a, out) => `(${a} === 0 ? 0 : 0.5 / ${out})`,
		(a, out) => (a === 0 ? 0 : -0.25 / (out * out * out)), (a, out) => `(${a} === 0 ? 0 : -0.25 / (${out} * ${out} * ${out}))`),
	cbrt: unary(Math.cbrt, (a, out) => (a === 0 ? 0 : 1 / (3 * out * out)), math('cbrt'),
		(a, out) => `(${a} === 0 ? 0 : 1 / (3 * ${out} * ${out}))`, (a, out) => (a === 0 ? 0 : -2 / (9 * out ** 5)),
		(a, out) => `(${a} === 0 ? 0 : -2 / (9 * ${out} ** 5))`),
	sin: unary(Math.sin, (a) => Math.cos(a), math('sin'), math('cos'), (_a, out) => -out, (_a, out) => `(-${out})`),
	cos: unary(Math.cos, (a) => -Math.sin(a), math('cos'), (a) => `(-Math.sin(${a}))`, (_a, out) => -out, (_a, out) => `(-${out})`),
	tan: unary(Math.tan, (_a, out) => 1 + out * out, math('tan'), (_a, out) => `(1 + ${out} * ${out})`, (_a, out) => 2 * out * (1 + out * out),
		(_a, out) => `(2 * ${out} * (1 + ${out} * ${out}))`),
	asin: unary(Math.asin, (a) => 1 / Math.sqrt(1 - a * a), math('asin'), (a) => `(1 / Math.sqrt(1 - ${a} * ${a}))`, (a) => a / (1 - a * a) ** 1.5,
		(a) => `(${a} / (1 - ${a} * ${a}) ** 1.5)`),
	acos: unary(Math.acos, (a) => -1 / Math.sqrt(1 - a * a), math('acos'), (a) => `(-1 / Math.sqrt(1 - ${a} * ${a}))`, (a) => -a / (1 - a * a) ** 1.5,
		(a) => `(-${a} / (1 - ${a} * ${a}) ** 1.5)`),
	atan: unary(Math.atan, (a) => 1 / (1 + a * a), math('atan'), (a) => `(1 / (1 + ${a} * ${a}))`, (a) => (-2 * a) / (1 + a * a) ** 2,
		(a) => `((-2 * ${a}) / (1 + ${a} * ${a}) ** 2)`),
	sinh: unary(Math.sinh, (a) => Math.cosh(a), math('sinh'), math('cosh'), (_a, out) => out, (_a, out) => out),
	cosh: unary(Math.cosh, (a) => Math.sinh(a), math('cosh'), math('sinh'), (_a, out) => out, (_a, out) => out),
	tanh: unary(Math.tanh, (_a, out) => 1 - out * out, math('tanh'), (_a, out) => `(1 - ${out} * ${out})`, (_a, out) => -2 * out * (1 - out * out),
		(_a, out) => `(-2 * ${out} * (1 - ${out} * ${out}))`),
	abs: unary(Math.abs, (a) => Math.sign(a), math('abs'), math('sign')),
	sign: flat(1, Math.sign, math('sign')),
	floor: flat(1, Math.floor, math('floor')),
	ceil: flat(1, Math.ceil, math('ceil')),
	round: flat(1, Math.round, math('round')),
	trunc: flat(1, Math.trunc, math('trunc')),
	atan2: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => Math.atan2(a, b),
		partials: (a, b) => { const r = a * a + b * b; return r === 0 ? [0, 0] : [b / r, -a / r]; },
		second: (a, b) => {
			const r = a * a + b * b;
			if (r === 0) return [0, 0, 0, 0];
			const ab = (a * a - b * b) / (r * r);
			return [(-2 * a * b) / (r * r), ab, ab, (2 * a * b) / (r * r)];
		},
		emitSecond: (a, b) => {
			const r = `(${a} * ${a} + ${b} * ${b})`;
			const when = (code: string) => `(${a} === 0 && ${b} === 0 ? 0 : ${code} / (${r} * ${r}))`;
			const ab = when(`(${a} * ${a} - ${b} * ${b})`);
			return [when(`(-2 * ${a} * ${b})`), ab, ab, when(`(2 * ${a} * ${b})`)];
		},
		emit: (a, b) => `Math.atan2(${a}, ${b})`,
		emitPartials: (a, b) => [
			`(${a} === 0 && ${b} === 0 ? 0 : ${b} / (${a} * ${a} + ${b} * ${b}))`,
			`(${a} === 0 && ${b} === 0 ? 0 : -${a} / (${a} * ${a} + ${b} * ${b}))`,
		],
	},
	min: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => Math.min(a, b),
		partials: (a, b) => (a <= b ? [1, 0] : [0, 1]),
		emit: (a, b) => `Math.min(${a}, ${b})`,
		emitPartials: (a, b) => [`(${a} <= ${b} ? 1 : 0)`, `(${a} <= ${b} ? 0 : 1)`],
	},
	max: {
		arity: 2, differentiable: true,
		evaluate: (a, b) => Math.max(a, b),
		partials: (a, b) => (a >= b ? [1, 0] : [0, 1]),
		emit: (a, b) => `Math.max(${a}, ${b})`,
		emitPartials: (a, b) => [`(${a} >= ${b} ? 1 : 0)`, `(${a} >= ${b} ? 0 : 1)`],
	},
	lt: flat(2, (a, b) => (a < b ? 1 : 0), (a, b) => `(${a} < ${b} ? 1 : 0)`),
	le: flat(2, (a, b) => (a <= b ? 1 : 0), (a, b) => `(${a} <= ${b} ? 1 : 0)`),
	gt: flat(2, (a, b) => (a > b ? 1 : 0), (a, b) => `(${a} > ${b} ? 1 : 0)`),
	ge: flat(2, (a, b) => (a >= b ? 1 : 0), (a, b) => `(${a} >= ${b} ? 1 : 0)`),
	eq: flat(2, (a, b) => (a === b ? 1 : 0), (a, b) => `(${a} === ${b} ? 1 : 0)`),
	ne: flat(2, (a, b) => (a !== b ? 1 : 0), (a, b) => `(${a} !== ${b} ? 1 : 0)`),
	and: flat(2, (a, b) => (a !== 0 && b !== 0 ? 1 : 0), (a, b) => `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`),
	or: flat(2, (a, b) => (a !== 0 || b !== 0 ? 1 : 0), (a, b) => `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`),
	not: flat(1, (a) => (a === 0 ? 1 : 0), (a) => `(${a} === 0 ? 1 : 0)`),
	select: {
		arity: 3, differentiable: true,
		evaluate: (c, a, b) => (c !== 0 ? a : b),
		partials: (c) => (c !== 0 ? [0, 1, 0] : [0, 0, 1]),
		emit: (c, a, b) => `(${c} !== 0 ? ${a} : ${b})`,
		emitPartials: (c) => [null, `(${c} !== 0 ? 1 : 0)`, `(${c} !== 0 ? 0 : 1)`],
	},
};
