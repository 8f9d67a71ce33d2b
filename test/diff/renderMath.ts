// Renders a generated math loss as plain math (`f(x, y) = 2x^2 + 3(x + 1)`) for Downhill, and as Python for the
// oracle. Parentheses only where the notation's usual reading needs them; exponents are always atoms or
// parenthesized, so `2^3^2`-style ambiguity never arises.
import type { Expr, Fn, Module } from './programAst';
import { mathFunctionsInPython } from './generateMath';

const ADD = 1, MUL = 2, UNARY = 3, POW = 4, ATOM = 5;

function level(e: Expr): number {
	if (e.k === 'binary') {
		// `2 sin x` reads unambiguously only where nothing multiplies or divides it.
		if (e.op === 'implicit' && e.b.k === 'call' && e.b.fn.endsWith(' ')) return ADD;
		return e.op === '+' || e.op === '-' ? ADD : e.op === '^' || e.op === '**' ? POW : MUL;
	}
	if (e.k === 'unary') return UNARY;
	return ATOM;
}

function mathText(e: Expr, min = ADD): string {
	const text = bareMath(e);
	return e.paren || level(e) < min ? `(${text})` : text;
}

function bareMath(e: Expr): string {
	switch (e.k) {
		case 'num': return e.text;
		case 'name': return e.name;
		case 'unary': return `-${mathText(e.a, UNARY)}`;
		case 'call': return e.fn.endsWith(' ') ? `${e.fn}${mathText(e.args[0]!, ATOM)}` : `${e.fn}(${mathText(e.args[0]!)})`;
		case 'binary': {
			if (e.op === '^' || e.op === '**') return `${mathText(e.a, ATOM)}${e.op === '^' ? '^' : ' ** '}${mathText(e.b, ATOM)}`;
			if (e.op === 'implicit') return `${mathText(e.a, ATOM)}${e.b.k === 'name' && e.a.k === 'num' ? '' : ' '}${mathText(e.b, ATOM)}`;
			if (e.op === 'adjacent') return `${mathText(e.a, ATOM)}${mathText(e.b, ATOM)}`;
			const p = level(e);
			return `${mathText(e.a, p)} ${e.op} ${mathText(e.b, e.op === '/' ? ATOM : p + 1)}`;
		}
		default: return '1';
	}
}

function lossFn(m: Module): Fn {
	return (m.items[0] as { fn: Fn }).fn;
}

function body(m: Module): Expr {
	const ret = lossFn(m).body[0];
	return ret?.k === 'return' ? ret.value : { k: 'num', text: '1', value: 1 };
}

/** `f(x, y) = ...` */
export function renderMath(m: Module): string {
	return `${m.loss}(${lossFn(m).params.map((p) => p.name).join(', ')}) = ${mathText(body(m))}\n`;
}

function python(e: Expr): string {
	switch (e.k) {
		case 'num': return Number.isInteger(e.value) ? `${e.value}.0` : String(e.value);
		case 'name': return e.name === 'pi' ? 'math.pi' : e.name === 'e' ? 'math.e' : e.name;
		case 'unary': return `(-${python(e.a)})`;
		case 'call': return `${mathFunctionsInPython.get(e.fn.trim())}(${python(e.args[0]!)})`;
		case 'binary': {
			// math.pow, not `**`: a negative number to a fractional power is undefined in math, not complex.
			if (e.op === '^' || e.op === '**') return `math.pow(${python(e.a)}, ${python(e.b)})`;
			return `(${python(e.a)} ${e.op === 'implicit' || e.op === 'adjacent' ? '*' : e.op} ${python(e.b)})`;
		}
		default: return '1';
	}
}

/** The same loss as a Python function for the oracle (fully parenthesized: the tree decides, not Python's grammar). */
export function renderMathAsPython(m: Module): string {
	return `import math\ndef ${m.loss}(${lossFn(m).params.map((p) => p.name).join(', ')}):\n    return ${python(body(m))}\n`;
}
