/**
 * The token cursor of the math parser: look-ahead that throws the tokenizer's error tokens in source order,
 * bracket matching with messages that name what was expected, a recursion-depth guard, and the rule for which
 * tokens start a factor multiplied by juxtaposition. `mathPrimary.ts` and `mathParser.ts` build on it.
 */
import type { LossSyntaxError } from '../../errors';
import type { LineIndex } from './lineIndex';
import { noDefinitions, type MathDefinitions } from './mathDefinitions';
import type { MathMode, Token } from './mathTokens';
import { msg, type MessageArgument } from '../../message';

/** Deeper nesting than this is reported, not recursed into. */
const maxDepth = 200;

const closers: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '\\{': '\\}' };

export abstract class MathCursor {
	protected pos = 0;
	/** The parameters of `f(x, y) = ...`, once the left side is parsed. */
	protected signature: readonly string[] | undefined;
	/** The name on the left side, which the right side may not call. */
	protected selfName: string | undefined;
	private depth = 0;
	/** Inside `|...|`, a `|` closes rather than starting a juxtaposed factor. */
	protected inBars = false;

	constructor(
		protected readonly tokens: Token[],
		protected readonly mode: MathMode,
		protected readonly lines: LineIndex,
		/** Functions defined by earlier blocks, callable here. */
		protected readonly definitions: MathDefinitions = noDefinitions,
	) {}

	/** The current token; an `error` token is thrown here, so errors surface in source order. */
	protected peek(): Token {
		const t = this.tokens[this.pos]!;
		if (t.kind === 'error') throw this.lines.error(t.message ?? msg`unexpected character`, t.start, t.end);
		return t;
	}

	protected next(): Token {
		const t = this.peek();
		if (t.kind !== 'end') this.pos++;
		return t;
	}

	protected isOp(value: string): boolean {
		const t = this.peek();
		return t.kind === 'op' && t.value === value;
	}

	protected describe(t: Token): MessageArgument {
		return t.kind === 'end' ? msg`the end of the expression` : `'${this.lines.text.slice(t.start, t.end)}'`;
	}

	protected unexpected(t: Token): LossSyntaxError {
		const message = t.kind === 'end' ? msg`unexpected end of the expression` : msg`unexpected ${this.describe(t)}`;
		return this.lines.error(message, t.start, t.end);
	}

	protected expectClose(open: Token): Token {
		const want = closers[open.value] ?? ')';
		const t = this.peek();
		if (t.kind === 'close' && t.value === want) return this.next();
		const message = t.kind === 'end'
			? msg`'${open.value}' is never closed`
			: msg`expected '${want}' to close '${open.value}', found ${this.describe(t)}`;
		throw this.lines.error(message, t.start, t.end);
	}

	protected nested<T>(parse: () => T): T {
		if (++this.depth > maxDepth) {
			const t = this.tokens[this.pos]!;
			throw this.lines.error(msg`the expression is nested too deeply`, t.start, t.end);
		}
		try {
			return parse();
		} finally {
			this.depth--;
		}
	}

	protected withoutBars<T>(parse: () => T): T {
		const saved = this.inBars;
		this.inBars = false;
		try {
			return parse();
		} finally {
			this.inBars = saved;
		}
	}

	/** True when `t` can begin a factor multiplied by juxtaposition. */
	protected startsFactor(t: Token): boolean {
		switch (t.kind) {
			case 'number':
			case 'name':
			case 'function':
			case 'special':
			case 'open':
				return true;
			case 'bar':
				return !this.inBars;
			case 'op':
			case 'close':
			case 'error':
			case 'end':
				return false;
			default: {
				const never: never = t.kind;
				return never;
			}
		}
	}
}
