/**
 * The precedence-climbing parser of the math front ends: tokens (from `mathTokenizer.ts`) to an `Equation`
 * (`mathAst.ts`). One grammar serves plain math and LaTeX; the mode only changes what follows `^` (any operand in
 * plain math, one TeX argument in LaTeX: `x^23` is `x²·3` there, as TeX typesets it).
 *
 *   equation   := [name ['(' name {',' name} ')'] '='] expression
 *   expression := term {('+' | '-') term}
 *   term       := unary {('*' | '/') unary | factor}        juxtaposition is multiplication: 2x, 3(x+1), x y
 *   unary      := ('-' | '+') unary | power
 *   power      := primary ['^' exponent]                     right-associative: x^y^z = x^(y^z)
 *   primary    := number | name | function | \frac | \sqrt | \sum | '(' expression ')' | '|' expression '|'
 *
 * A function without parentheses takes the juxtaposed factors after it (`\sin 2x` is sin(2x), `\sin x + 1` is
 * sin(x) + 1), and `\sum` takes the whole term after it. The parser throws `LossSyntaxError` at the first offending
 * token and never recurses deeper than `maxDepth`.
 */
import type { LossSyntaxError } from '../../errors';
import type { ChainExpr, ChainOp, Expr, LeftSide, ParamDecl } from './mathAst';
import type { LineIndex } from './lineIndex';
import type { MathDefinitions } from './mathDefinitions';
import type { MathMode, Token } from './mathTokens';
import { MathPrimaryParser } from './mathPrimary';
import { msg } from '../../message';

/** Parses one block; call `parseLeftSide` first, then `parseRightSide`. */
export class MathParser extends MathPrimaryParser {
	constructor(tokens: Token[], mode: MathMode, lines: LineIndex, definitions?: MathDefinitions) {
		super(tokens, mode, lines, definitions);
	}

	/** The index of the first `=` outside any brackets, or -1. */
	findEquals(): number {
		let depth = 0;
		for (let i = 0; i < this.tokens.length; i++) {
			const t = this.tokens[i]!;
			if (t.kind === 'open') depth++;
			else if (t.kind === 'close') depth--;
			else if (depth === 0 && t.kind === 'op' && t.value === '=') return i;
		}
		return -1;
	}

	/** The left side of `=` (`y`, `f(x, y)`), or undefined for a bare expression. */
	parseLeftSide(): LeftSide | undefined {
		const equals = this.findEquals();
		if (equals < 0) return undefined;
		const first = this.next();
		if (first.kind !== 'name') throw this.leftSideError(first);
		let name = first.value;
		let end = first.end;
		// In LaTeX `loss(w) = ...` reads as four letters; on the left side they are one name.
		while (this.mode === 'latex') {
			const t = this.tokens[this.pos]!;
			if (t.kind !== 'name' || t.start !== end) break;
			name += t.value;
			end = t.end;
			this.pos++;
		}
		const open = this.tokens[this.pos]!;
		const params = open.kind === 'open' && open.value === '(' && this.pos < equals ? this.parseParams() : undefined;
		if (this.pos !== equals) throw this.leftSideError(this.tokens[this.pos]!);
		this.pos++;
		this.signature = params?.map((p) => p.name);
		this.selfName = name;
		return { name, start: first.start, end, params };
	}

	/** The expression after `=` (or the whole block), up to the end. */
	parseRightSide(): Expr {
		const expr = this.expression();
		const after = this.tokens[this.pos + 1];
		if ((this.isOp('.') || this.isOp(',')) && after?.kind === 'end') this.pos++;
		const t = this.peek();
		if (t.kind === 'op' && t.value === '=') {
			throw this.lines.error(msg`more than one '=': write one equation per block`, t.start, t.end);
		}
		if (t.kind !== 'end') throw this.unexpected(t);
		return expr;
	}

	private leftSideError(t: Token): LossSyntaxError {
		return this.lines.error(msg`the left side of '=' must name the function, like f(x, y) = ...`, t.start, t.end);
	}

	private parseParams(): ParamDecl[] {
		const open = this.next();
		const params: ParamDecl[] = [];
		while (!(this.peek().kind === 'close')) {
			const t = this.next();
			const problem = t.kind !== 'name' ? msg`expected a parameter name, found ${this.describe(t)}`
				: params.some((p) => p.name === t.value) ? msg`parameter ${t.value} appears twice` : undefined;
			if (problem) throw this.lines.error(problem, t.start, t.end);
			params.push({ name: t.value, start: t.start, end: t.end });
			if (!this.isOp(',')) break;
			this.next();
		}
		this.expectClose(open);
		return params;
	}

	protected override expression(): Expr {
		const first = this.term();
		const rest: { op: ChainOp; operand: Expr }[] = [];
		while (this.isOp('+') || this.isOp('-')) {
			const op = this.next().value as ChainOp;
			rest.push({ op, operand: this.term() });
		}
		return chainOf(first, rest);
	}

	protected override term(): Expr {
		const first = this.unary();
		const rest: { op: ChainOp; operand: Expr }[] = [];
		for (;;) {
			if (this.isOp('*') || this.isOp('/')) {
				const op = this.next().value as ChainOp;
				rest.push({ op, operand: this.unary() });
			} else if (this.startsFactor(this.peek())) {
				rest.push({ op: '*', operand: this.power() });
			} else {
				return chainOf(first, rest);
			}
		}
	}

	protected override unary(): Expr {
		return this.nested(() => {
			const t = this.peek();
			if (t.kind !== 'op' || (t.value !== '-' && t.value !== '+')) return this.power();
			this.next();
			const operand = this.unary();
			return t.value === '+' ? operand : { kind: 'neg', operand, start: t.start, end: operand.end };
		});
	}

	protected override power(): Expr {
		const base = this.primary();
		if (!this.isOp('^')) return base;
		this.next();
		const exponent = this.scriptOperand();
		const t = this.peek();
		if (this.mode === 'latex' && t.kind === 'op' && t.value === '^') {
			throw this.lines.error(msg`double superscript: use braces, like {x^{a}}^{b}`, t.start, t.end);
		}
		return { kind: 'power', base, exponent, start: base.start, end: exponent.end };
	}

	/** The argument of a function written without parentheses: `\sin 2x`, `\ln x^2`, stopping at the next function. */
	protected override juxtaposedArgument(): Expr {
		const first = this.unary();
		const rest: { op: ChainOp; operand: Expr }[] = [];
		for (let t = this.peek(); this.startsFactor(t) && t.kind !== 'function' && t.value !== 'sum'; t = this.peek()) {
			rest.push({ op: '*', operand: this.power() });
		}
		return chainOf(first, rest);
	}

	/** Arguments in parentheses, one `{...}` group, or the juxtaposed factors. */
	protected override functionArguments(): Expr[] {
		const t = this.peek();
		if (t.kind === 'open' && t.value === '{') return [this.group()];
		if (t.kind !== 'open' || (t.value !== '(' && t.value !== '[')) return [this.juxtaposedArgument()];
		this.next();
		const args = this.withoutBars(() => {
			const list = [this.expression()];
			while (this.isOp(',')) {
				this.next();
				list.push(this.expression());
			}
			return list;
		});
		this.expectClose(t);
		return args;
	}
}

/** `first` alone, or the chain `first op operand ...`. */
export function chainOf(first: Expr, rest: readonly { op: ChainOp; operand: Expr }[]): Expr {
	if (rest.length === 0) return first;
	const end = rest[rest.length - 1]!.operand.end;
	const chain: ChainExpr = { kind: 'chain', first, rest, start: first.start, end };
	return chain;
}
