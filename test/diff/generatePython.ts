// Random Python losses in the subset the README lists as supported: every literal spelling, Python's precedence and
// operator semantics, branches, loops over range/zip/enumerate/reversed/lists, comprehensions with filters, helpers,
// lambdas, module data and list parameters. The same seed gives the same program.
import { GeneratorBase, type Scope } from './generatorBase';
import { literalText, plain } from './literals';
import type { Expr, Fn, Item, Module, Param, Stmt } from './programAst';
import { Random } from './random';

export interface Generated {
	readonly module: Module;
	readonly constructs: readonly string[];
}


const unaryMath = ['sin', 'cos', 'tan', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'expm1', 'floor', 'ceil', 'trunc', 'fabs', 'asinh'];
/** numpy 1.x spells some of math's functions differently (numpy 2 adds the math spellings as aliases). */
const numpyNames: ReadonlyMap<string, string> = new Map([['fabs', 'abs'], ['asinh', 'arcsinh'], ['atan', 'arctan']]);
const positiveMath = ['log', 'sqrt', 'log1p', 'log2', 'log10'];

class PythonGenerator extends GeneratorBase {
	private numpy = false;
	private fromMath: string[] = [];

	constructor(r: Random) {
		super(r, { language: 'python', elif: 'elif', augmented: 'augmented assignment', dataList: 'module data list', matrix: 'nested module list' });
	}

	/** A number expression over `scope`, at most `depth` deep. */
	expr(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (depth <= 0 || r.chance(0.2)) return this.leaf(scope);
		const kind = r.int(0, 19);
		if (kind <= 6) return this.arith(scope, depth);
		if (kind === 7) return this.power(scope, depth);
		if (kind === 8) return this.unary(scope, depth);
		if (kind <= 11) return this.call(scope, depth);
		if (kind === 12) return this.conditional(scope, depth);
		if (kind === 13) return this.logical(scope, depth);
		if (kind === 14) return this.comparisonNumber(scope, depth);
		if (kind <= 16) return this.aggregate(scope, depth);
		if (kind === 17 && this.helpers.length) return this.helperCall(scope, depth);
		return this.leaf(scope);
	}

	private leaf(scope: Scope): Expr {
		const r = this.r;
		const matrix = this.matrixElement(scope, true);
		if (matrix) return matrix;
		if (scope.lists.length && r.chance(0.15)) return this.element(scope);
		if (scope.nums.length && r.chance(0.65)) return { k: 'name', name: r.pick(scope.nums) };
		if (r.chance(0.04)) {
			this.note('math.pi / math.e / np.pi');
			const name = r.pick(['math.pi', 'math.e', 'math.tau', 'np.pi', 'np.e']);
			if (name.startsWith('np.')) this.numpy = true;
			return { k: 'name', name };
		}
		const lit = this.lit();
		if (r.chance(0.2)) return { k: 'unary', op: '-', a: lit };
		return lit;
	}

	private element(scope: Scope): Expr {
		const list = this.r.pick(scope.lists);
		const i = this.r.int(-list.length, list.length - 1);
		if (i < 0) this.note('negative index');
		this.note('indexing');
		return { k: 'index', a: { k: 'name', name: list.name }, i: plain(i) };
	}

	private arith(scope: Scope, depth: number): Expr {
		const r = this.r;
		const op = r.pick(['+', '-', '*', '*', '/', '//', '%', '+', '-']);
		const a = this.expr(scope, depth - 1);
		let b = this.expr(scope, depth - 1);
		if (op === '/' || op === '//' || op === '%') {
			this.note(op === '/' ? 'division' : `${op} (floor semantics)`);
			if (r.chance(0.6)) b = r.chance(0.5) ? this.safe(b) : this.nonZeroLiteral();
		} else this.note(`${op === '*' ? '*' : '+ -'}`);
		return { k: 'binary', op, a, b, paren: r.chance(0.05) };
	}

	private nonZeroLiteral(): Expr {
		const lit = this.lit();
		const safe = lit.k === 'num' && lit.value === 0 ? plain(3) : lit;
		return this.r.chance(0.4) ? { k: 'unary', op: '-', a: safe } : safe;
	}

	private power(scope: Scope, depth: number): Expr {
		const r = this.r;
		this.note('**');
		const base = this.expr(scope, depth - 1);
		switch (r.int(0, 3)) {
			case 0:
				this.note('-2**2 (unary minus over **)');
				return { k: 'unary', op: '-', a: { k: 'binary', op: '**', a: base, b: plain(r.int(0, 3)) } };
			case 1:
				return { k: 'binary', op: '**', a: this.safe(base), b: literalText(r.pick(['0.5', '.5', '1.5', '-1', '-0.5'])) };
			case 2:
				this.note('right-associative **');
				return { k: 'binary', op: '**', a: plain(2), b: { k: 'binary', op: '**', a: plain(r.int(0, 2)), b: plain(r.int(0, 2)) } };
			default:
				return { k: 'binary', op: '**', a: base, b: r.chance(0.3) ? { k: 'unary', op: '-', a: plain(r.int(1, 2)) } : plain(r.int(0, 4)) };
		}
	}

	private unary(scope: Scope, depth: number): Expr {
		const op = this.r.pick(['-', '-', '+', 'not']);
		this.note(op === 'not' ? 'not' : 'unary + -');
		return { k: 'unary', op, a: this.expr(scope, depth - 1) };
	}

	private call(scope: Scope, depth: number): Expr {
		const r = this.r;
		const arg = () => this.expr(scope, depth - 1);
		const kind = r.int(0, 9);
		if (kind <= 3) return this.mathCall(r.pick([...unaryMath, ...positiveMath]), arg());
		if (kind === 4) {
			this.note('round');
			if (r.chance(0.3)) {
				this.note('refusal: round with negative ndigits');
				return { k: 'call', fn: 'round', args: [arg(), plain(-r.int(1, 2))] };
			}
			return r.chance(0.7) ? { k: 'call', fn: 'round', args: [arg()] } : { k: 'call', fn: 'round', args: [arg(), plain(r.int(0, 2))] };
		}
		if (kind === 5) {
			this.note('abs');
			return { k: 'call', fn: 'abs', args: [arg()] };
		}
		if (kind === 6) {
			this.note('min/max');
			return { k: 'call', fn: r.pick(['min', 'max']), args: Array.from({ length: r.int(2, 3) }, arg) };
		}
		if (kind === 7) {
			this.note('pow');
			return { k: 'call', fn: 'pow', args: [arg(), plain(r.int(0, 3))] };
		}
		if (kind === 8) {
			this.note('float');
			return { k: 'call', fn: 'float', args: [arg()] };
		}
		this.note('math.hypot/atan2');
		return { k: 'call', fn: `math.${r.pick(['hypot', 'atan2'])}`, args: [arg(), arg()] };
	}

	private mathCall(name: string, a: Expr): Expr {
		const r = this.r;
		const arg = positiveMath.includes(name) && r.chance(0.8) ? this.safe(a) : a;
		const spelling = r.int(0, 5);
		if (spelling === 0) {
			this.numpy = true;
			this.note('np.* scalar function');
			return { k: 'call', fn: `np.${numpyNames.get(name) ?? name}`, args: [arg] };
		}
		if (spelling === 1) {
			if (!this.fromMath.includes(name)) this.fromMath.push(name);
			this.note('from math import');
			return { k: 'call', fn: name, args: [arg] };
		}
		this.note('math.*');
		return { k: 'call', fn: `math.${name}`, args: [arg] };
	}

	private conditional(scope: Scope, depth: number): Expr {
		this.note('conditional expression');
		return { k: 'cond', test: this.test(scope, depth - 1), then: this.expr(scope, depth - 1), else: this.expr(scope, depth - 1) };
	}

	/** A condition: a comparison (maybe chained), or a number's truthiness. */
	test(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (r.chance(0.15)) {
			this.note('truthiness of a number');
			return this.expr(scope, depth);
		}
		const n = r.chance(0.3) ? 3 : 2;
		if (n === 3) this.note('chained comparison');
		const items = Array.from({ length: n }, () => this.expr(scope, Math.max(0, depth - 1)));
		const ops = Array.from({ length: n - 1 }, () => r.pick(['<', '<=', '>', '>=', '==', '!=']));
		this.note('comparison');
		const compare: Expr = { k: 'compare', ops, items };
		if (r.chance(0.2)) {
			this.note('and/or/not in a condition');
			return { k: 'binary', op: r.pick(['and', 'or']), a: compare, b: { k: 'compare', ops: ['<'], items: [this.leaf(scope), this.leaf(scope)] } };
		}
		return compare;
	}

	private logical(scope: Scope, depth: number): Expr {
		this.note('and/or returning an operand');
		return { k: 'binary', op: this.r.pick(['and', 'or']), a: this.expr(scope, depth - 1), b: this.expr(scope, depth - 1) };
	}

	private comparisonNumber(scope: Scope, depth: number): Expr {
		this.note('bool in arithmetic (int/float mixing)');
		return { k: 'binary', op: '*', a: this.expr(scope, depth - 1), b: { ...this.test(scope, depth - 1), paren: true } };
	}

	private aggregate(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (!scope.lists.length) return this.leaf(scope);
		const list = r.pick(scope.lists);
		const kind = r.int(0, 6);
		if (kind === 0) {
			this.note('len');
			return { k: 'call', fn: 'len', args: [{ k: 'name', name: list.name }] };
		}
		if (kind === 1) {
			this.numpy = true;
			this.note('np.sum/np.mean/np.dot');
			const fn = r.pick(['np.sum', 'np.mean', 'np.dot']);
			const args: Expr[] = [{ k: 'name', name: list.name }];
			if (fn === 'np.dot') args.push({ k: 'name', name: r.pick(scope.lists.filter((l) => l.length === list.length)).name });
			return { k: 'call', fn, args };
		}
		const v = this.name('v');
		const inner: Scope = { ...scope, nums: [...scope.nums, v] };
		const elem = this.expr(inner, depth - 1);
		const fn = r.pick(['sum', 'sum', 'min', 'max']);
		this.note(fn === 'sum' ? 'sum over a generator' : 'min/max over a generator');
		const square = r.chance(0.3);
		if (square) this.note('list comprehension');
		const [open, close] = square ? [`${fn}([`, '])'] : [`${fn}(`, ')'];
		const head = this.iteration(v, list, scope);
		if (fn === 'sum' && r.chance(0.4)) {
			this.note('comprehension filter');
			// A comprehension's `if` takes an or_test: a conditional expression there needs parentheses.
			const filter = this.test(inner, 1);
			return { k: 'template', text: [open, ` for ${head} if `, close], parts: [elem, filter.k === 'cond' ? { ...filter, paren: true } : filter] };
		}
		return { k: 'template', text: [open, ` for ${head}`, close], parts: [elem] };
	}

	/** A `for` target and iterable binding `v` to the elements of `list` (and maybe an index or a partner). */
	private iteration(v: string, list: { name: string; length: number }, scope: Scope): string {
		const r = this.r;
		const kind = r.int(0, 4);
		if (kind === 1) {
			const partner = r.pick(scope.lists.filter((l) => l.length === list.length));
			this.note('zip');
			return `${v}, _${v} in zip(${list.name}, ${partner.name})`;
		}
		if (kind === 2) {
			this.note('enumerate');
			return `_${v}, ${v} in enumerate(${list.name})`;
		}
		if (kind === 3) {
			this.note('reversed');
			return `${v} in reversed(${list.name})`;
		}
		this.note('iteration over a list');
		return `${v} in ${list.name}`;
	}

	/** A `for` loop statement adding to `acc`. */
	loop(scope: Scope, acc: string, depth: number): Stmt {
		const r = this.r;
		const v = this.name('i');
		const inner: Scope = { ...scope, nums: [...scope.nums, v] };
		let head: string;
		if (scope.lists.length && r.chance(0.5)) {
			const list = r.pick(scope.lists);
			head = this.iteration(v, list, scope);
			if (head.includes('zip') || head.includes('enumerate')) inner.nums.push(`_${v}`);
		} else head = this.rangeHead(v);
		return { k: 'for', head, body: this.loopBody(inner, acc, depth) };
	}

	private rangeHead(v: string): string {
		const r = this.r;
		const form = r.int(0, 3);
		if (form === 0) {
			this.note('range(n)');
			return `${v} in range(${r.int(0, 5)})`;
		}
		const a = r.int(-3, 3);
		const b = a + r.int(-2, 6);
		if (form === 1) {
			this.note('range(a, b)');
			return `${v} in range(${a}, ${b})`;
		}
		const step = r.chance(0.5) ? r.int(1, 3) : -r.int(1, 3);
		this.note(step < 0 ? 'range with a negative step' : 'range with a step');
		return `${v} in range(${a}, ${step < 0 ? a - (b - a) : b}, ${step})`;
	}

	/** Tuple unpacking, `t1, t2 = a, b`. */
	protected extraStatement(scope: Scope, locals: string[]): Stmt | undefined {
		this.note('tuple unpacking');
		const t = this.name('t'), u = this.name('t');
		const value: Expr = { k: 'template', text: ['', ', ', ''], parts: [this.expr(scope, 2), this.expr(scope, 2)] };
		locals.push(t, u);
		scope.nums.push(t, u);
		return { k: 'assign', target: `${t}, ${u}`, op: '=', value };
	}

	module(): Generated {
		const r = this.r;
		const scope: Scope = { nums: [], lists: [], matrices: [] };
		const items = this.moduleData(scope);
		for (let n = r.int(0, 2); n > 0; n--) items.push(this.helper(scope));
		items.push({ k: 'fn', fn: this.lossFn(scope) });
		const header = ['import math'];
		if (this.numpy) header.push('import numpy as np');
		if (this.fromMath.length) header.push(`from math import ${this.fromMath.join(', ')}`);
		return { module: { header, items, loss: 'loss' }, constructs: [...this.constructs] };
	}

	private helper(scope: Scope): Item {
		const r = this.r;
		const name = this.name('helper');
		const arity = r.int(1, 2);
		const params: Param[] = Array.from({ length: arity }, (_, i) => ({ name: `a${i}` }));
		const inner: Scope = { ...scope, nums: params.map((p) => p.name).concat(scope.nums) };
		const lambda = r.chance(0.3);
		this.note(lambda ? 'lambda' : 'helper def');
		const body = lambda ? [{ k: 'return', value: this.expr(inner, 2) } as const] : this.body(inner, r.int(0, 2));
		this.helpers.push({ name, arity });
		return { k: 'fn', fn: { name, params, body, style: lambda ? 'lambda' : undefined } };
	}

	private lossFn(scope: Scope): Fn {
		const r = this.r;
		const params: Param[] = [];
		for (let n = r.int(1, 3); n > 0; n--) {
			const lit = this.lit();
			const typed = r.chance(0.2);
			if (typed) this.note('type hint');
			params.push({ name: this.name('x'), default: r.chance(0.3) ? { k: 'unary', op: '-', a: lit } : lit, type: typed ? 'float' : undefined });
		}
		const inner: Scope = { ...scope, nums: [...scope.nums, ...params.map((p) => p.name)], lists: [...scope.lists] };
		if (r.chance(0.25)) {
			this.note('list parameter');
			const length = r.int(2, 4);
			const name = this.name('w');
			params.push({ name, default: { k: 'list', items: Array.from({ length }, () => this.lit()) } });
			inner.lists.push({ name, length });
		}
		return { name: 'loss', params, body: this.body(inner, r.int(1, 5)) };
	}
}

/** The Python program of `seed`. */
export function generatePython(seed: number): Generated {
	return new PythonGenerator(new Random(seed)).module();
}
