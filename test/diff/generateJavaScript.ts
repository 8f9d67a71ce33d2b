// Random JavaScript/TypeScript losses in the subset the README lists as supported: every literal spelling, `**` with
// JavaScript's unary-minus rule, `%` on negatives, `Math.*` at its edges, loops with fractional or negative steps and
// `<=`, `for...of`, reduce/map, ternaries, short-circuit operators, helpers, module data (also 2-D) and vector
// parameters. The same seed gives the same program; `typed` adds TypeScript annotations.
import type { Generated } from './generatePython';
import { GeneratorBase, type Scope } from './generatorBase';
import { literalText, plain } from './literals';
import type { Expr, Fn, Item, Param, Stmt } from './programAst';
import { Random } from './random';


const mathUnary = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'expm1', 'log', 'log1p', 'log2',
	'log10', 'sqrt', 'cbrt', 'abs', 'sign', 'floor', 'ceil', 'round', 'trunc'];
const positive = new Set(['log', 'log1p', 'log2', 'log10', 'sqrt']);

class JavaScriptGenerator extends GeneratorBase {
	constructor(r: Random) {
		super(r, { language: 'javascript', elif: 'else if', augmented: 'compound assignment', dataList: 'module data array', matrix: '2-D module array', declare: 'let' });
	}

	expr(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (depth <= 0 || r.chance(0.2)) return this.leaf(scope);
		const kind = r.int(0, 18);
		if (kind <= 6) return this.arith(scope, depth);
		if (kind === 7) return this.power(scope, depth);
		if (kind === 8) return { k: 'unary', op: r.pick(['-', '-', '+']), a: this.expr(scope, depth - 1) };
		if (kind <= 11) return this.call(scope, depth);
		if (kind === 12) {
			this.note('ternary');
			return { k: 'cond', test: this.test(scope, depth - 1), then: this.expr(scope, depth - 1), else: this.expr(scope, depth - 1) };
		}
		if (kind === 13) {
			this.note('&& || returning an operand');
			return { k: 'binary', op: r.pick(['&&', '||']), a: this.expr(scope, depth - 1), b: this.expr(scope, depth - 1) };
		}
		if (kind === 14) {
			this.note('boolean in arithmetic');
			return { k: 'binary', op: '*', a: this.expr(scope, depth - 1), b: { ...this.test(scope, depth - 1), paren: true } };
		}
		if (kind <= 16) return this.aggregate(scope, depth);
		if (kind === 17 && this.helpers.length) return this.helperCall(scope, depth);
		return this.leaf(scope);
	}

	private leaf(scope: Scope): Expr {
		const r = this.r;
		const matrix = this.matrixElement(scope, false);
		if (matrix) return matrix;
		if (scope.lists.length && r.chance(0.15)) {
			const list = r.pick(scope.lists);
			this.note('indexing');
			return { k: 'index', a: { k: 'name', name: list.name }, i: plain(r.int(0, list.length - 1)) };
		}
		if (scope.nums.length && r.chance(0.65)) return { k: 'name', name: r.pick(scope.nums) };
		if (r.chance(0.05)) {
			this.note('Math.PI / Math.E');
			return { k: 'name', name: r.pick(['Math.PI', 'Math.E']) };
		}
		const lit = this.lit();
		return r.chance(0.2) ? { k: 'unary', op: '-', a: lit } : lit;
	}

	private arith(scope: Scope, depth: number): Expr {
		const r = this.r;
		const op = r.pick(['+', '-', '*', '*', '/', '%', '+', '-']);
		const a = this.expr(scope, depth - 1);
		let b = this.expr(scope, depth - 1);
		if (op === '/' || op === '%') {
			this.note(op === '/' ? 'division' : '% (truncating remainder)');
			if (r.chance(0.6)) b = r.chance(0.5) ? this.safe(b) : { k: 'unary', op: '-', a: plain(r.int(1, 4)) };
		} else this.note(op === '*' ? '*' : '+ -');
		return { k: 'binary', op, a, b, paren: r.chance(0.05) };
	}

	private power(scope: Scope, depth: number): Expr {
		const r = this.r;
		this.note('**');
		const base = this.expr(scope, depth - 1);
		switch (r.int(0, 4)) {
			case 0:
				this.note('-(x ** 2)');
				return { k: 'unary', op: '-', a: { k: 'binary', op: '**', a: base, b: plain(r.int(0, 3)) } };
			case 1:
				this.note('(-x) ** 2');
				return { k: 'binary', op: '**', a: { k: 'unary', op: '-', a: base }, b: plain(r.int(0, 3)) };
			case 2:
				this.note('2 ** -x');
				return { k: 'binary', op: '**', a: plain(2), b: { k: 'unary', op: '-', a: this.leaf(scope) } };
			case 3:
				this.note('right-associative **');
				return { k: 'binary', op: '**', a: plain(2), b: { k: 'binary', op: '**', a: plain(r.int(0, 2)), b: plain(r.int(0, 2)) } };
			default:
				return { k: 'binary', op: '**', a: this.safe(base), b: literalText(r.pick(['0.5', '.5', '1.5', '-1', '-0.5'])) };
		}
	}

	private call(scope: Scope, depth: number): Expr {
		const r = this.r;
		const arg = () => this.expr(scope, depth - 1);
		const kind = r.int(0, 5);
		if (kind <= 2) {
			const fn = r.pick(mathUnary);
			this.note(`Math.${fn}`);
			const a = arg();
			return { k: 'call', fn: `Math.${fn}`, args: [positive.has(fn) && r.chance(0.7) ? this.safe(a) : a] };
		}
		if (kind === 3) {
			const fn = r.pick(['min', 'max', 'hypot']);
			this.note(`Math.${fn}`);
			return { k: 'call', fn: `Math.${fn}`, args: Array.from({ length: r.int(1, 3) }, arg) };
		}
		const fn = r.pick(['pow', 'atan2']);
		this.note(`Math.${fn}`);
		return { k: 'call', fn: `Math.${fn}`, args: fn === 'pow' ? [arg(), plain(r.int(0, 3))] : [arg(), arg()] };
	}

	test(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (r.chance(0.15)) {
			this.note('truthiness of a number');
			return this.expr(scope, depth);
		}
		const op = r.pick(['<', '<=', '>', '>=', '===', '!==']);
		this.note('comparison');
		const compare: Expr = { k: 'compare', ops: [op], items: [this.expr(scope, Math.max(0, depth - 1)), this.expr(scope, Math.max(0, depth - 1))] };
		const roll = r.int(0, 9);
		if (roll === 0) {
			this.note('!');
			return { k: 'unary', op: '!', a: compare };
		}
		if (roll <= 2) {
			this.note('&& || in a condition');
			return { k: 'binary', op: r.pick(['&&', '||']), a: compare, b: { k: 'compare', ops: ['<'], items: [this.leaf(scope), this.leaf(scope)] } };
		}
		return compare;
	}

	private aggregate(scope: Scope, depth: number): Expr {
		const r = this.r;
		if (!scope.lists.length) return this.leaf(scope);
		const list = r.pick(scope.lists);
		const v = this.name('v');
		const inner: Scope = { ...scope, nums: [...scope.nums, v] };
		const kind = r.int(0, 3);
		if (kind === 0) {
			this.note('.length');
			return { k: 'name', name: `${list.name}.length` };
		}
		if (kind === 1) {
			this.note('reduce');
			return { k: 'template', text: [`${list.name}.reduce((s, ${v}) => s + `, ', ', ')'], parts: [this.expr(inner, depth - 1), this.leaf(scope)] };
		}
		this.note('map then reduce');
		const j = this.name('j');
		const withIndex = r.chance(0.4);
		if (withIndex) inner.nums.push(j);
		return {
			k: 'template',
			text: [`${list.name}.map((${v}${withIndex ? `, ${j}` : ''}) => `, ').reduce((a, b) => a + b, 0)'],
			parts: [this.expr(inner, depth - 1)],
		};
	}

	loop(scope: Scope, acc: string, depth: number): Stmt {
		const r = this.r;
		const v = this.name('i');
		const inner: Scope = { ...scope, nums: [...scope.nums, v] };
		let head: string;
		if (scope.lists.length && r.chance(0.35)) {
			const list = r.pick(scope.lists);
			this.note('for...of');
			head = `const ${v} of ${list.name}`;
		} else head = this.countingHead(v, scope);
		return { k: 'for', head, body: this.loopBody(inner, acc, depth) };
	}

	private countingHead(v: string, scope: Scope): string {
		const r = this.r;
		const form = r.int(0, 4);
		if (form === 0 && scope.lists.length) {
			this.note('i < xs.length');
			return `let ${v} = 0; ${v} < ${r.pick(scope.lists).name}.length; ${v}++`;
		}
		const a = r.int(-3, 3);
		const step = form <= 1 ? 1 : r.pick([0.1, 0.25, 0.3, 0.5, 0.7, 1.5, 2]);
		const span = r.int(0, 4) * (step < 1 ? 0.5 : step) + (r.chance(0.5) ? 0 : step / 2);
		const inclusive = r.chance(0.4);
		if (inclusive) this.note('<= loop bound');
		if (step !== 1) this.note('fractional or non-unit step');
		if (r.chance(0.4)) {
			this.note('negative step');
			const update = step === 1 ? `${v}--` : `${v} -= ${step}`;
			return `let ${v} = ${a}; ${v} ${inclusive ? '>=' : '>'} ${+(a - span).toFixed(2)}; ${update}`;
		}
		const update = step === 1 ? r.pick([`${v}++`, `${v} += 1`, `++${v}`]) : `${v} += ${step}`;
		return `let ${v} = ${a}; ${v} ${inclusive ? '<=' : '<'} ${+(a + span).toFixed(2)}; ${update}`;
	}

	/** A `const` local. */
	protected extraStatement(scope: Scope): Stmt | undefined {
		const c = this.name('c');
		this.note('const local');
		const value = this.expr(scope, 2);
		scope.nums.push(c);
		return { k: 'assign', target: c, op: '=', value, decl: 'const' };
	}

	module(): Generated {
		const r = this.r;
		const scope: Scope = { nums: [], lists: [], matrices: [] };
		const items = this.moduleData(scope);
		for (let n = r.int(0, 2); n > 0; n--) items.push(this.helper(scope));
		items.push({ k: 'fn', fn: this.lossFn(scope) });
		return { module: { header: [], items, loss: 'loss' }, constructs: [...this.constructs] };
	}

	private helper(scope: Scope): Item {
		const r = this.r;
		const name = this.name('helper');
		const arity = r.int(1, 2);
		const params: Param[] = Array.from({ length: arity }, (_, i) => ({ name: `a${i}`, type: 'number' }));
		const inner: Scope = { ...scope, nums: params.map((p) => p.name).concat(scope.nums) };
		const arrow = r.chance(0.3);
		this.note(arrow ? 'arrow function helper' : 'helper function');
		const body = this.body(inner, r.int(0, 2));
		this.helpers.push({ name, arity });
		return { k: 'fn', fn: { name, params, body, style: arrow ? 'arrow' : undefined } };
	}

	private lossFn(scope: Scope): Fn {
		const r = this.r;
		const params: Param[] = [];
		for (let n = r.int(1, 3); n > 0; n--) {
			const lit = this.lit();
			params.push({ name: this.name('x'), default: r.chance(0.3) ? { k: 'unary', op: '-', a: lit } : lit, type: 'number' });
		}
		const inner: Scope = { ...scope, nums: [...scope.nums, ...params.map((p) => p.name)], lists: [...scope.lists] };
		if (r.chance(0.25)) {
			this.note('vector parameter');
			const length = r.int(2, 4);
			const name = this.name('w');
			params.push({ name, default: { k: 'list', items: Array.from({ length }, () => this.lit()) }, type: 'number[]' });
			inner.lists.push({ name, length });
		}
		const exported = r.chance(0.5);
		if (exported) this.note('export');
		return { name: 'loss', params, body: this.body(inner, r.int(1, 5)), style: exported ? 'export' : undefined };
	}
}

/** The JavaScript program of `seed` (render it typed for TypeScript). */
export function generateJavaScript(seed: number): Generated {
	return new JavaScriptGenerator(new Random(seed)).module();
}
