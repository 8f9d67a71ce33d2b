// Renders a generated math loss as LaTeX (`f(x, y) = \frac{x}{2} + \left(y - 1\right)^{2}`), for the LaTeX and
// Markdown front ends: `\frac`, `\sqrt`, `\cdot`/`\times`, `\left( \right)`, `|x|`, `^{...}`, `\sin x`, `\pi`; one
// letter is one variable, so `xy` is x·y. The oracle is the same tree as Python (`renderMathAsPython`).
import type { Expr, Fn, Module } from './programAst';

const ADD = 1, MUL = 2, UNARY = 3, POW = 4, ATOM = 5;

const commands: ReadonlyMap<string, string> = new Map([
	['sin', '\\sin'], ['cos', '\\cos'], ['tan', '\\tan'], ['exp', '\\exp'], ['ln', '\\ln'], ['log', '\\log'],
	['arctan', '\\arctan'], ['sinh', '\\sinh'], ['cosh', '\\cosh'], ['tanh', '\\tanh'],
]);

function level(e: Expr): number {
	if (e.k === 'binary') {
		if (e.op === 'implicit' && e.b.k === 'call' && e.b.fn.endsWith(' ')) return ADD;
		if (e.op === '/') return ATOM;
		return e.op === '+' || e.op === '-' ? ADD : e.op === '^' || e.op === '**' ? POW : MUL;
	}
	if (e.k === 'unary') return UNARY;
	return ATOM;
}

function latex(e: Expr, min = ADD): string {
	const text = bare(e);
	return e.paren || level(e) < min ? `\\left(${text}\\right)` : text;
}

function call(fn: string, arg: Expr): string {
	const name = fn.trim();
	if (name === 'sqrt') return `\\sqrt{${latex(arg)}}`;
	if (name === 'abs') return `\\left|${latex(arg)}\\right|`;
	if (fn.endsWith(' ')) return `${commands.get(name)} ${latex(arg, ATOM)}`;
	return `${commands.get(name)}\\left(${latex(arg)}\\right)`;
}

function bare(e: Expr): string {
	switch (e.k) {
		case 'num': return e.text;
		case 'name': return e.name === 'pi' ? '\\pi' : e.name;
		case 'unary': return `-${latex(e.a, UNARY)}`;
		case 'call': return call(e.fn, e.args[0]!);
		case 'binary': {
			if (e.op === '^' || e.op === '**') return `${latex(e.a, ATOM)}^{${latex(e.b)}}`;
			if (e.op === '/') return `\\frac{${latex(e.a)}}{${latex(e.b)}}`;
			if (e.op === 'implicit' || e.op === 'adjacent') {
				const glue = e.a.k === 'num' && e.b.k === 'num' ? ' \\cdot ' : e.b.k === 'call' ? ' ' : '';
				return `${latex(e.a, ATOM)}${glue}${latex(e.b, ATOM)}`;
			}
			if (e.op === '*') return `${latex(e.a, MUL)} ${e.a.k === 'num' ? '\\times' : '\\cdot'} ${latex(e.b, MUL + 1)}`;
			return `${latex(e.a, ADD)} ${e.op} ${latex(e.b, MUL)}`;
		}
		default: return '1';
	}
}

function lossFn(m: Module): Fn {
	return (m.items[0] as { fn: Fn }).fn;
}

/** `f(x, y) = ...` in LaTeX. */
export function latexEquation(m: Module): string {
	const ret = lossFn(m).body[0];
	const body = ret?.k === 'return' ? ret.value : ({ k: 'num', text: '1', value: 1 } as const);
	return `${m.loss}(${lossFn(m).params.map((p) => p.name).join(', ')}) = ${latex(body)}`;
}

/** A LaTeX file with the loss as display math. */
export function renderLatex(m: Module): string {
	return `\\[ ${latexEquation(m)} \\]\n`;
}

/** A Markdown note with the loss in a `$$` block. */
export function renderMarkdown(m: Module): string {
	return `# A loss\n\nThe loss is\n\n$$\n${latexEquation(m)}\n$$\n`;
}
