// Random plain-math losses `f(x, y) = ...` in the notation the README lists: `^` and `**`, implicit multiplication
// (`2x`, `3(x+1)`, `x y`, `xy` with a signature, `2 sin x`), the named functions and constants. The oracle runs the
// same tree rendered as Python (`renderMathAsPython`), so CPython decides what the notation means numerically.
import type { Generated } from './generatePython';
import type { Note } from './literals';
import type { Expr, Module } from './programAst';
import { Random } from './random';

/** Math spelling → Python spelling of the functions. */
export const mathFunctionsInPython: ReadonlyMap<string, string> = new Map([
	['sin', 'math.sin'], ['cos', 'math.cos'], ['tan', 'math.tan'], ['exp', 'math.exp'], ['ln', 'math.log'], ['log', 'math.log'],
	['sqrt', 'math.sqrt'], ['abs', 'abs'], ['arctan', 'math.atan'], ['sinh', 'math.sinh'], ['cosh', 'math.cosh'], ['tanh', 'math.tanh'],
]);

class MathGenerator {
	readonly constructs = new Set<string>();
	readonly note: Note = (c) => this.constructs.add(c);

	constructor(private readonly r: Random, private readonly params: readonly string[]) {}

	private num(): Expr {
		const r = this.r;
		const text = r.chance(0.6) ? String(r.int(1, 9)) : r.pick(['0.5', '1.5', '2.5', '0.25', '10', '20']);
		return { k: 'num', text, value: Number(text) };
	}

	/** A small exponent: `x^100` is so ill-conditioned that libm's last bit decides `cos(x^100)`. */
	private exponent(): Expr {
		const text = this.r.pick(['2', '3', '4', '0.5', '1.5', '2.5', '0.25']);
		return { k: 'num', text, value: Number(text) };
	}

	private leaf(): Expr {
		const r = this.r;
		if (r.chance(0.7)) return { k: 'name', name: r.pick(this.params) };
		if (r.chance(0.1)) {
			this.note('pi / e');
			return { k: 'name', name: r.pick(['pi', 'e']) };
		}
		return this.num();
	}

	expr(depth: number): Expr {
		const r = this.r;
		if (depth <= 0 || r.chance(0.2)) return this.leaf();
		const kind = r.int(0, 9);
		if (kind <= 3) {
			const op = r.pick(['+', '-', '*', '/']);
			this.note(`${op}`);
			return { k: 'binary', op, a: this.expr(depth - 1), b: this.expr(depth - 1) };
		}
		if (kind === 4) {
			this.note('^ power');
			const spelled = r.chance(0.2) ? '**' : '^';
			if (spelled === '**') this.note('** power');
			return { k: 'binary', op: spelled, a: this.expr(depth - 1), b: r.chance(0.7) ? this.exponent() : this.expr(depth - 1) };
		}
		if (kind === 5) {
			this.note('unary minus');
			return { k: 'unary', op: '-', a: this.expr(depth - 1) };
		}
		if (kind <= 7) return this.implicit(depth);
		const fn = r.pick([...mathFunctionsInPython.keys()]);
		this.note(`function ${fn}`);
		const arg = this.expr(depth - 1);
		return { k: 'call', fn, args: [arg] };
	}

	private implicit(depth: number): Expr {
		const r = this.r;
		const kind = r.int(0, 3);
		if (kind === 0) {
			this.note('implicit 2x');
			return { k: 'binary', op: 'implicit', a: this.num(), b: { k: 'name', name: r.pick(this.params) } };
		}
		if (kind === 1) {
			this.note('implicit 3(x+1)');
			return { k: 'binary', op: 'implicit', a: this.num(), b: { ...this.expr(depth - 1), paren: true } };
		}
		if (kind === 2) {
			const adjacent = r.chance(0.5);
			this.note(adjacent ? 'implicit xy (signature letters)' : 'implicit x y');
			return { k: 'binary', op: adjacent ? 'adjacent' : 'implicit', a: { k: 'name', name: r.pick(this.params) }, b: { k: 'name', name: r.pick(this.params) } };
		}
		this.note('implicit 2 sin x');
		const fn = r.pick(['sin', 'cos', 'exp', 'ln']);
		return { k: 'binary', op: 'implicit', a: this.num(), b: { k: 'call', fn: `${fn} `, args: [{ k: 'name', name: r.pick(this.params) }] } };
	}
}

/** The plain-math loss of `seed`, as a module with one function `f` whose body returns the expression. */
export function generateMath(seed: number): Generated {
	const r = new Random(seed);
	const params = ['x', 'y', 'z'].slice(0, r.int(1, 3));
	const g = new MathGenerator(r, params);
	const body = g.expr(4);
	const module: Module = { header: [], items: [{ k: 'fn', fn: { name: 'f', params: params.map((name) => ({ name })), body: [{ k: 'return', value: body }] } }], loss: 'f' };
	return { module, constructs: [...g.constructs] };
}
