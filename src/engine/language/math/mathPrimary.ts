/**
 * The primary expressions of the math parser: numbers, names (with the plain-math rule that splits `xy` into `x·y`
 * when both letters are declared parameters), function applications, `\frac`, `\sqrt`, `\sum`, brackets and
 * `|x|`. `mathParser.ts` extends it with the operator levels.
 */
import type { LossSyntaxError } from '../../errors';
import type { ChainOp, Expr, NameExpr } from './mathAst';
import { MathCursor } from './mathCursor';
import { mathFunction } from './mathFunctions';
import type { Token } from './mathTokens';
import { msg } from '../../message';

export abstract class MathPrimaryParser extends MathCursor {
	protected abstract expression(): Expr;
	protected abstract term(): Expr;
	protected abstract unary(): Expr;
	protected abstract power(): Expr;
	protected abstract juxtaposedArgument(): Expr;
	protected abstract functionArguments(): Expr[];

	/** What follows `^` (and `_` of `\log`): any operand in plain math, one TeX argument in LaTeX. */
	protected scriptOperand(): Expr {
		return this.mode === 'latex' ? this.argument() : this.unary();
	}

	/** One TeX argument: a `{...}` group, one digit of a number (`\frac12`), or one primary. */
	protected argument(): Expr {
		return this.nested(() => {
			const t = this.peek();
			if (t.kind === 'open' && t.value === '{') return this.group();
			if (t.kind === 'number' && /^[0-9]{2}/.test(t.value)) return this.firstDigit(t);
			if (t.kind === 'op' && (t.value === '-' || t.value === '+')) {
				this.next();
				const operand = this.argument();
				return t.value === '+' ? operand : { kind: 'neg', operand, start: t.start, end: operand.end };
			}
			return this.primary();
		});
	}

	protected group(): Expr {
		const open = this.next();
		const inner = this.withoutBars(() => this.expression());
		this.expectClose(open);
		return inner;
	}

	protected primary(): Expr {
		return this.nested(() => {
			const t = this.peek();
			switch (t.kind) {
				case 'number':
					this.next();
					return { kind: 'number', value: Number(t.value), start: t.start, end: t.end };
				case 'name':
					this.next();
					return this.nameOrCall(t);
				case 'function':
					this.next();
					return this.application(t);
				case 'special':
					this.next();
					return this.special(t);
				case 'open':
					return this.group();
				case 'bar':
					this.next();
					return this.absolute(t);
				case 'op':
				case 'close':
				case 'error':
				case 'end':
					throw this.unexpected(t);
				default: {
					const never: never = t.kind;
					return never;
				}
			}
		});
	}

	private firstDigit(t: Token): Expr {
		const rest: Token = { ...t, value: t.value.slice(1), start: t.start + 1 };
		this.tokens.splice(this.pos, 1, { ...t, value: t.value[0]!, end: t.start + 1 }, rest);
		this.pos++;
		return { kind: 'number', value: Number(t.value[0]), start: t.start, end: t.start + 1 };
	}

	/** `f(a, b)` with an unknown `f` is an error; otherwise a name (split by declared letters in plain math). */
	private nameOrCall(t: Token): Expr {
		const after = this.tokens[this.pos]!;
		const call = after.kind === 'open' && after.value === '(';
		const defined = call && t.value !== this.selfName ? this.definitions.get(t.value) : undefined;
		if (defined) return this.definedCall(t, defined.params.length);
		if (call && this.hasTopLevelComma(this.pos)) {
			const message = msg`unknown function ${t.value}: only built-in functions such as sin, exp and log can be called`;
			throw this.lines.error(message, t.start, t.end);
		}
		if (call && after.start === t.end && t.value === this.selfName) {
			throw this.lines.error(msg`${t.value} cannot call itself`, t.start, t.end);
		}
		const letters = [...t.value];
		const declared = this.signature ?? [];
		const splits = this.mode === 'math' && letters.length > 1 && !declared.includes(t.value) && !t.subscript;
		if (!splits || !letters.every((l) => declared.includes(l))) {
			return nameExpr(t.value, t.base, t.subscript, t.start, t.end);
		}
		// Replace the run by one token per letter: the letters after the first are juxtaposed factors, so that
		// `xy^2` is x·y², not (xy)².
		let at = t.start;
		const split = letters.map((l): Token => {
			const start = at;
			at += l.length;
			return { kind: 'name', value: l, base: l, start, end: at };
		});
		this.tokens.splice(this.pos - 1, 1, ...split);
		return nameExpr(letters[0]!, letters[0], undefined, t.start, t.start + letters[0]!.length);
	}

	/** `\sigma(w x + b)` where an earlier block defines `\sigma(z) = ...`. */
	private definedCall(t: Token, arity: number): Expr {
		const args = this.functionArguments();
		const end = this.tokens[this.pos - 1]!.end;
		if (args.length !== arity) {
			throw this.lines.error(msg`${t.value} takes ${arity} argument(s), not ${args.length}`, t.start, end);
		}
		return { kind: 'call', name: t.value, args, defined: true, start: t.start, end };
	}

	private hasTopLevelComma(open: number): boolean {
		let depth = 0;
		for (let i = open; i < this.tokens.length; i++) {
			const t = this.tokens[i]!;
			if (t.kind === 'open') depth++;
			else if (t.kind === 'close' && --depth === 0) return false;
			else if (depth === 1 && t.kind === 'op' && t.value === ',') return true;
		}
		return false;
	}

	/** A known function: `\sin x`, `\sin(x)`, `\sin^2 x` (= (sin x)²), `\log_2 x` (= ln x / ln 2). */
	private application(t: Token): Expr {
		let base: Expr | undefined;
		let power: Expr | undefined;
		for (let i = 0; i < 2; i++) {
			if (!base && t.value === 'log' && this.isOp('_')) base = (this.next(), this.scriptOperand());
			else if (!power && this.isOp('^')) power = (this.next(), this.scriptOperand());
		}
		if (power && isMinusOne(power)) {
			const name = this.describe(t);
			const message = msg`${`${name}^{-1}`} is ambiguous: write the inverse (\\arcsin) or ${`1 / ${name}`}`;
			throw this.lines.error(message, t.start, power.end);
		}
		const args = this.functionArguments();
		const fn = mathFunction(t.value)!;
		if (args.length < fn.minArgs || args.length > fn.maxArgs) {
			const message = fn.minArgs !== fn.maxArgs
				? msg`${t.value} takes at least ${fn.minArgs} arguments, not ${args.length}`
				: fn.minArgs === 1
					? msg`${t.value} takes 1 argument, not ${args.length}`
					: msg`${t.value} takes ${fn.minArgs} arguments, not ${args.length}`;
			throw this.lines.error(message, t.start, t.end);
		}
		const end = args[args.length - 1]!.end;
		let result: Expr = { kind: 'call', name: t.value, args, start: t.start, end };
		if (base) {
			const divisor: Expr = { kind: 'call', name: 'log', args: [base], start: base.start, end: base.end };
			result = { kind: 'chain', first: result, rest: [{ op: '/', operand: divisor }], start: t.start, end };
		}
		return power ? { kind: 'power', base: result, exponent: power, start: t.start, end } : result;
	}

	private special(t: Token): Expr {
		switch (t.value) {
			case 'frac': {
				const numerator = this.argument();
				const denominator = this.argument();
				const rest = [{ op: '/' as ChainOp, operand: denominator }];
				return { kind: 'chain', first: numerator, rest, start: t.start, end: denominator.end };
			}
			case 'sqrt':
				return this.root(t);
			case 'abs': {
				const operand = this.argument();
				return { kind: 'call', name: 'abs', args: [operand], start: t.start, end: operand.end };
			}
			default:
				return this.sum(t);
		}
	}

	private root(t: Token): Expr {
		const open = this.peek();
		let degree: Expr | undefined;
		if (open.kind === 'open' && open.value === '[') {
			this.next();
			degree = this.withoutBars(() => this.expression());
			this.expectClose(open);
		}
		const radicand = this.argument();
		if (!degree) return { kind: 'call', name: 'sqrt', args: [radicand], start: t.start, end: radicand.end };
		return { kind: 'root', degree, radicand, start: t.start, end: radicand.end };
	}

	/** `\sum_{i=a}^{b} term`, bounds in either order. */
	private sum(t: Token): Expr {
		let lower: { index: string; from: Expr } | undefined;
		let upper: Expr | undefined;
		for (let i = 0; i < 2; i++) {
			if (!lower && this.isOp('_')) lower = (this.next(), this.sumLower(t));
			else if (!upper && this.isOp('^')) upper = (this.next(), this.scriptOperand());
		}
		if (!lower || !upper) throw this.needsBounds(t);
		const body = this.term();
		return { kind: 'sum', index: lower.index, from: lower.from, to: upper, body, start: t.start, end: body.end };
	}

	private sumLower(sum: Token): { index: string; from: Expr } {
		const open = this.peek();
		if (open.kind !== 'open' || open.value !== '{') throw this.needsBounds(sum);
		this.next();
		const index = this.next();
		if (index.kind !== 'name' || index.subscript || !this.isOp('=')) throw this.needsBounds(sum);
		this.next();
		const from = this.withoutBars(() => this.expression());
		this.expectClose(open);
		return { index: index.value, from };
	}

	private needsBounds(t: Token): LossSyntaxError {
		return this.lines.error(msg`\\sum needs bounds like \\sum_{i=1}^{n}`, t.start, t.end);
	}

	private absolute(open: Token): Expr {
		const saved = this.inBars;
		this.inBars = true;
		const operand = this.expression();
		this.inBars = saved;
		const close = this.peek();
		if (close.kind !== 'bar') {
			const message = close.kind === 'end'
				? msg`'|' is never closed`
				: msg`expected '|' to close '|', found ${this.describe(close)}`;
			throw this.lines.error(message, close.start, close.end);
		}
		this.next();
		return { kind: 'call', name: 'abs', args: [operand], start: open.start, end: close.end };
	}
}

function nameExpr(
	name: string,
	base: string | undefined,
	subscript: readonly string[] | undefined,
	start: number,
	end: number,
): NameExpr {
	return { kind: 'name', name, base: base ?? name, subscript: subscript ?? [], start, end };
}

function isMinusOne(e: Expr): boolean {
	return e.kind === 'neg' && e.operand.kind === 'number' && e.operand.value === 1;
}
