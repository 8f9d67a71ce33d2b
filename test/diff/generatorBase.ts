// What the Python and JavaScript generators share: fresh names, the coverage notes, never-zero denominators, module
// data, the statements of a body (assignments, branches with early returns, loops) and helper calls. Each language
// supplies its expressions, conditions, loop headers and spellings.
import { literalText, numberLiteral, plain, type Note } from './literals';
import type { Expr, Item, Stmt } from './programAst';
import type { Random } from './random';

export interface Scope {
	readonly nums: string[];
	/** Lists in scope with their lengths. */
	readonly lists: { readonly name: string; readonly length: number }[];
	readonly matrices: { readonly name: string; readonly rows: number; readonly columns: number }[];
}

/** Construct names that differ between the languages. */
export interface Spelling {
	readonly language: 'python' | 'javascript';
	readonly elif: string;
	readonly augmented: string;
	readonly dataList: string;
	readonly matrix: string;
	/** The declaration keyword of a new local (`let`), if the language has one. */
	readonly declare?: string;
}

export abstract class GeneratorBase {
	readonly constructs = new Set<string>();
	readonly note: Note = (c) => this.constructs.add(c);
	protected helpers: { name: string; arity: number }[] = [];
	private fresh = 0;

	constructor(
		protected readonly r: Random,
		private readonly spelling: Spelling,
	) {}

	abstract expr(scope: Scope, depth: number): Expr;
	abstract test(scope: Scope, depth: number): Expr;
	/** A `for` loop statement adding to `acc`. */
	abstract loop(scope: Scope, acc: string, depth: number): Stmt;
	/** A statement only one language has, or undefined. */
	protected abstract extraStatement(scope: Scope, locals: string[]): Stmt | undefined;

	protected name(prefix: string): string {
		return `${prefix}${this.fresh++}`;
	}

	protected lit(): Expr {
		return numberLiteral(this.r, this.spelling.language, this.note);
	}

	/** `e*e + c` with c > 0: never zero. */
	protected safe(e: Expr): Expr {
		return { k: 'binary', op: '+', a: { k: 'binary', op: '*', a: e, b: e }, b: plain(this.r.int(1, 3)) };
	}

	protected helperCall(scope: Scope, depth: number): Expr {
		const h = this.r.pick(this.helpers);
		this.note('helper call');
		return { k: 'call', fn: h.name, args: Array.from({ length: h.arity }, () => this.expr(scope, depth - 1)) };
	}

	/** A loop body adding to `acc`, maybe with a branch and a non-additive update. */
	protected loopBody(inner: Scope, acc: string, depth: number): Stmt[] {
		const r = this.r;
		const body: Stmt[] = [{ k: 'assign', target: acc, op: r.pick(['+=', '+=', '-=']), value: this.expr(inner, depth) }];
		if (r.chance(0.3)) {
			this.note('if inside a loop');
			body.push({ k: 'if', branches: [{ test: this.test(inner, 1), body: [{ k: 'assign', target: acc, op: '+=', value: this.expr(inner, 1) }] }] });
		}
		if (r.chance(0.15)) {
			this.note('non-additive carried variable');
			body.push({ k: 'assign', target: acc, op: '*=', value: literalText(r.pick(['0.5', '1.5', '.9'])) });
		}
		return body;
	}

	/** The statements of a function body ending in `return`. */
	body(scope: Scope, statements: number): Stmt[] {
		const r = this.r;
		const out: Stmt[] = [];
		const locals: string[] = [];
		for (let n = 0; n < statements; n++) {
			const kind = r.int(0, 9);
			const extra = kind === 0 && locals.length ? this.extraStatement(scope, locals) : undefined;
			if (extra) out.push(extra);
			else if (kind <= 2 || !locals.length) {
				const t = this.name('t');
				out.push({ k: 'assign', target: t, op: '=', value: this.expr(scope, 3), decl: this.spelling.declare });
				locals.push(t);
				scope.nums.push(t);
			} else if (kind <= 4) {
				this.note(this.spelling.augmented);
				out.push({ k: 'assign', target: r.pick(locals), op: r.pick(['+=', '-=', '*=']), value: this.expr(scope, 2) });
			} else if (kind <= 6) out.push(this.branch(scope, locals));
			else {
				this.note('for loop');
				out.push(this.loop(scope, r.pick(locals), 2));
			}
		}
		out.push({ k: 'return', value: this.expr(scope, 3) });
		return out;
	}

	private branch(scope: Scope, locals: string[]): Stmt {
		const r = this.r;
		const assign = (): Stmt => ({ k: 'assign', target: r.pick(locals), op: r.pick(['=', '+=']), value: this.expr(scope, 2) });
		const n = r.int(1, 3);
		if (n > 1) this.note(this.spelling.elif);
		const branches = Array.from({ length: n }, () => ({ test: this.test(scope, 2), body: [assign()] }));
		if (r.chance(0.3)) {
			this.note('early return');
			branches[0] = { test: branches[0]!.test, body: [{ k: 'return', value: this.expr(scope, 2) }] };
		}
		this.note('if statement');
		if (!r.chance(0.6)) return { k: 'if', branches };
		this.note('else');
		return { k: 'if', branches, else: [assign()] };
	}

	/** Module-level data lists, maybe a 2-D list and a constant; adds them to `scope`. */
	protected moduleData(scope: Scope): Item[] {
		const r = this.r;
		const items: Item[] = [];
		if (r.chance(0.2)) {
			const name = this.name('M');
			const rows = r.int(1, 3), columns = r.int(1, 3);
			const row = (): Expr => ({ k: 'list', items: Array.from({ length: columns }, () => this.lit()) });
			items.push({ k: 'const', name, value: { k: 'list', items: Array.from({ length: rows }, row) } });
			scope.matrices.push({ name, rows, columns });
		}
		for (let n = r.int(0, 3); n > 0; n--) {
			const name = this.name('DATA');
			const length = r.chance(0.5) && scope.lists.length ? scope.lists[0]!.length : r.int(2, 5);
			const item = (): Expr => (r.chance(0.2) ? { k: 'unary', op: '-', a: this.lit() } : this.lit());
			items.push({ k: 'const', name, value: { k: 'list', items: Array.from({ length }, item) } });
			scope.lists.push({ name, length });
			this.note(this.spelling.dataList);
		}
		if (r.chance(0.4)) {
			const name = this.name('K');
			items.push({ k: 'const', name, value: this.expr({ nums: [...scope.nums], lists: [], matrices: [] }, 2) });
			scope.nums.push(name);
			this.note('module constant');
		}
		return items;
	}

	/** `M[i][j]` of a 2-D module list in scope, or undefined. */
	protected matrixElement(scope: Scope, negative: boolean): Expr | undefined {
		if (!scope.matrices.length || !this.r.chance(0.08)) return undefined;
		const m = this.r.pick(scope.matrices);
		this.note(this.spelling.matrix);
		const i = this.r.int(0, m.rows - 1), j = this.r.int(negative ? -m.columns : 0, m.columns - 1);
		return { k: 'index', a: { k: 'index', a: { k: 'name', name: m.name }, i: plain(i) }, i: plain(j) };
	}
}
