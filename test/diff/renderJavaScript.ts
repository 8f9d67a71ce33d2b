// Renders a generated program as JavaScript or TypeScript with JavaScript's precedence: `**` refuses a unary left
// operand, so `(-2) ** 2` and `-(2 ** 2)` keep the parentheses the language demands and no more.
import type { Expr, Fn, Item, Module, Stmt } from './programAst';

// Precedence levels, loosest first (https://tc39.es/ecma262/#sec-ecmascript-language-expressions).
const COND = 1, OR = 2, AND = 3, EQ = 4, REL = 5, ADD = 6, MUL = 7, POW = 8, UNARY = 9, ATOM = 10;

const binaryLevel: ReadonlyMap<string, number> = new Map([
	['||', OR], ['&&', AND], ['===', EQ], ['!==', EQ], ['<', REL], ['<=', REL], ['>', REL], ['>=', REL],
	['+', ADD], ['-', ADD], ['*', MUL], ['/', MUL], ['%', MUL], ['**', POW],
]);

function level(e: Expr): number {
	switch (e.k) {
		case 'num': return e.text.startsWith('-') ? UNARY : ATOM;
		case 'unary': return UNARY;
		case 'binary': return binaryLevel.get(e.op)!;
		case 'compare': return binaryLevel.get(e.ops[0]!)!;
		case 'cond': return COND;
		default: return ATOM;
	}
}

/** `e` as JavaScript text, parenthesized when its level is below `min`. */
export function javaScriptExpr(e: Expr, min = COND): string {
	const text = bare(e);
	return e.paren || level(e) < min ? `(${text})` : text;
}

function bare(e: Expr): string {
	switch (e.k) {
		case 'num': return e.text;
		case 'name': return e.name;
		case 'unary': return `${e.op}${javaScriptExpr(e.a, UNARY)}`.replace(/^(-|\+)(?=\1)/, '$1 ');
		case 'binary': return binary(e.op, e.a, e.b);
		case 'compare': return binary(e.ops[0]!, e.items[0]!, e.items[1]!);
		case 'call': return `${e.fn}(${e.args.map((a) => javaScriptExpr(a)).join(', ')})`;
		case 'cond': return `${javaScriptExpr(e.test, OR)} ? ${javaScriptExpr(e.then)} : ${javaScriptExpr(e.else)}`;
		case 'index': return `${javaScriptExpr(e.a, ATOM)}[${javaScriptExpr(e.i)}]`;
		case 'list': return `[${e.items.map((a) => javaScriptExpr(a)).join(', ')}]`;
		case 'template': return e.text.map((t, i) => t + (i < e.parts.length ? javaScriptExpr(e.parts[i]!) : '')).join('');
	}
}

function binary(op: string, a: Expr, b: Expr): string {
	const p = binaryLevel.get(op)!;
	if (op === '**') return `${javaScriptExpr(a, ATOM)} ** ${javaScriptExpr(b, POW)}`;
	return `${javaScriptExpr(a, p)} ${op} ${javaScriptExpr(b, p + 1)}`;
}

function statements(body: readonly Stmt[], indent: string, typed: boolean): string[] {
	return body.flatMap((s) => statement(s, indent, typed));
}

function statement(s: Stmt, indent: string, typed: boolean): string[] {
	const inner = indent + '\t';
	switch (s.k) {
		case 'assign': {
			const target = s.decl ? `${s.decl} ${s.target}${typed ? ': number' : ''}` : s.target;
			return [`${indent}${target} ${s.op} ${javaScriptExpr(s.value)};`];
		}
		case 'return': return [`${indent}return ${javaScriptExpr(s.value)};`];
		case 'for': return [`${indent}for (${s.head}) {`, ...statements(s.body, inner, typed), `${indent}}`];
		case 'if': {
			const lines = s.branches.flatMap((b, i) => [
				`${indent}${i ? '} else if' : 'if'} (${javaScriptExpr(b.test)}) {`,
				...statements(b.body, inner, typed),
			]);
			return s.else ? [...lines, `${indent}} else {`, ...statements(s.else, inner, typed), `${indent}}`] : [...lines, `${indent}}`];
		}
	}
}

function fn(f: Fn, typed: boolean): string[] {
	const params = f.params
		.map((p) => `${p.name}${typed && p.type ? `: ${p.type}` : ''}${p.default ? ` = ${javaScriptExpr(p.default)}` : ''}`)
		.join(', ');
	const returns = typed ? ': number' : '';
	if (f.style === 'arrow') {
		return [`const ${f.name} = (${params})${returns} => {`, ...statements(f.body, '\t', typed), '};'];
	}
	return [`${f.style === 'export' ? 'export ' : ''}function ${f.name}(${params})${returns} {`, ...statements(f.body, '\t', typed), '}'];
}

function item(i: Item, typed: boolean): string[] {
	if (i.k === 'fn') return fn(i.fn, typed);
	return [`${i.decl ?? 'const'} ${i.name} = ${javaScriptExpr(i.value)};`];
}

/** The whole module as JavaScript, or as TypeScript with the parameters' annotations when `typed`. */
export function renderJavaScript(m: Module, typed: boolean): string {
	return [...m.header, ...m.items.flatMap((i) => item(i, typed))].join('\n') + '\n';
}
