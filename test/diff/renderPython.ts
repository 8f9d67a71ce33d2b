// Renders a generated program as Python source with Python's precedence: parentheses only where the grammar needs
// them (and where the generator asked for redundant ones), so `-2**2` stays as written.
import { one, type Expr, type Fn, type Item, type Module, type Stmt } from './programAst';

// Precedence levels, loosest first (https://docs.python.org/3/reference/expressions.html#operator-precedence).
const COND = 1, OR = 2, AND = 3, NOT = 4, CMP = 5, ADD = 6, MUL = 7, UNARY = 8, POW = 9, ATOM = 10;

const binaryLevel: ReadonlyMap<string, number> = new Map([
	['or', OR], ['and', AND], ['+', ADD], ['-', ADD], ['*', MUL], ['/', MUL], ['//', MUL], ['%', MUL], ['**', POW],
]);

function level(e: Expr): number {
	switch (e.k) {
		case 'num': return e.value < 0 || e.text.startsWith('-') ? UNARY : ATOM;
		case 'unary': return e.op === 'not' ? NOT : UNARY;
		case 'binary': return binaryLevel.get(e.op)!;
		case 'compare': return CMP;
		case 'cond': return COND;
		default: return ATOM;
	}
}

/** `e` as Python text, parenthesized when its level is below `min`. */
export function pythonExpr(e: Expr, min = COND): string {
	const text = bare(e);
	return e.paren || level(e) < min ? `(${text})` : text;
}

function bare(e: Expr): string {
	switch (e.k) {
		case 'num': return e.text;
		case 'name': return e.name;
		case 'unary': return e.op === 'not' ? `not ${pythonExpr(e.a, NOT)}` : `${e.op}${pythonExpr(e.a, UNARY)}`;
		case 'binary': return binary(e.op, e.a, e.b);
		case 'compare': return e.items.map((item, i) => (i ? ` ${e.ops[i - 1]} ` : '') + pythonExpr(item, ADD)).join('');
		case 'call': return `${e.fn}(${e.args.map((a) => pythonExpr(a)).join(', ')})`;
		case 'cond': return `${pythonExpr(e.then, OR)} if ${pythonExpr(e.test, OR)} else ${pythonExpr(e.else, COND)}`;
		case 'index': return `${pythonExpr(e.a, ATOM)}[${pythonExpr(e.i)}]`;
		case 'list': return `[${e.items.map((a) => pythonExpr(a)).join(', ')}]`;
		case 'template': return e.text.map((t, i) => t + (i < e.parts.length ? pythonExpr(e.parts[i]!) : '')).join('');
	}
}

function binary(op: string, a: Expr, b: Expr): string {
	const p = binaryLevel.get(op)!;
	if (op === '**') return `${pythonExpr(a, ATOM)} ** ${pythonExpr(b, UNARY)}`;
	return `${pythonExpr(a, p)} ${op} ${pythonExpr(b, p + 1)}`;
}

function statements(body: readonly Stmt[], indent: string): string[] {
	return body.flatMap((s) => statement(s, indent));
}

function statement(s: Stmt, indent: string): string[] {
	const inner = indent + '    ';
	switch (s.k) {
		case 'assign': return [`${indent}${s.target} ${s.op} ${pythonExpr(s.value)}`];
		case 'return': return [`${indent}return ${pythonExpr(s.value)}`];
		case 'for': return [`${indent}for ${s.head}:`, ...block(s.body, inner)];
		case 'if': {
			const lines = s.branches.flatMap((b, i) => [`${indent}${i ? 'elif' : 'if'} ${pythonExpr(b.test)}:`, ...block(b.body, inner)]);
			return s.else ? [...lines, `${indent}else:`, ...block(s.else, inner)] : lines;
		}
	}
}

function block(body: readonly Stmt[], indent: string): string[] {
	return body.length ? statements(body, indent) : [`${indent}pass`];
}

function fn(f: Fn): string[] {
	const params = f.params.map((p) => {
		const typed = `${p.name}${p.type ? `: ${p.type}` : ''}`;
		return p.default ? `${typed}${p.type ? ' = ' : '='}${pythonExpr(p.default)}` : typed;
	});
	if (f.style === 'lambda') {
		const body = f.body[0]?.k === 'return' ? f.body[0].value : one;
		return [`${f.name} = lambda ${f.params.map((p) => p.name).join(', ')}: ${pythonExpr(body)}`];
	}
	return [`def ${f.name}(${params.join(', ')}):`, ...block(f.body, '    ')];
}

function item(i: Item): string[] {
	return i.k === 'const' ? [`${i.name} = ${pythonExpr(i.value)}`] : fn(i.fn);
}

/** The whole module as Python source. */
export function renderPython(m: Module): string {
	return [...m.header, ...m.items.flatMap(item)].join('\n') + '\n';
}
