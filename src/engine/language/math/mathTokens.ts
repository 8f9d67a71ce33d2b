/**
 * The tokens of the math front ends and the character-level tables behind them: one-character operators, their
 * Unicode spellings (`·`, `×`, `−`, `²`, `√`, `∑`) and the rule for what a name may contain. `mathTokenizer.ts`
 * produces tokens; `mathParser.ts` consumes them.
 */
import { derivativeError, ellipsisError, greekLetter, updateRuleError } from './latexCommands';
import { msg, type Message } from '../../message';

export type MathMode = 'math' | 'latex';

export type TokenKind = 'number' | 'name' | 'function' | 'special' | 'op' | 'open' | 'close' | 'bar' | 'error' | 'end';

export interface Token {
	readonly kind: TokenKind;
	/**
	 * number: its digits; name: the full name (`w_new`); function: its canonical key (`log` for `\ln`);
	 * special: `frac`, `sqrt`, `sum` or `abs`; op: `+ - * / ^ _ = , .` or another character; open/close: the
	 * delimiter (`(`, `[`, `{`, `\{`); error: empty (see `message`).
	 */
	readonly value: string;
	/** Errors only: what is wrong. */
	readonly message?: Message;
	readonly start: number;
	readonly end: number;
	/** Names only: the part before the subscript, and the subscript's comma-separated parts. */
	readonly base?: string;
	readonly subscript?: readonly string[];
}

export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
export const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

const nameText = /^[\p{L}0-9]+$/u;

/**
 * The name written inside a subscript or `\mathrm{...}`: letters, digits, Greek commands and `\text{...}` pieces,
 * spaces dropped; undefined when it is anything else (`i+1`).
 */
export function cleanName(raw: string): string | undefined {
	const cleaned = raw
		.replace(/\\(?:mathrm|text|textrm|textit|mathit|rm)\s*\{([^{}]*)\}/g, '$1')
		.replace(/\\[,;:! ]|\s+/g, '')
		.replace(/\\([A-Za-z]+)/g, (whole, command: string) => greekLetter(command) ?? whole);
	return nameText.test(cleaned) ? cleaned : undefined;
}

const plainOps = new Set(['+', '-', '*', '/', '^', '_', '=', ',', '.', '!', "'", '<', '>', ':', ';']);

/** Unicode operators and their ASCII meaning. */
const unicodeOps: ReadonlyMap<string, string> = new Map([
	['·', '*'], ['⋅', '*'], ['×', '*'], ['∗', '*'], ['÷', '/'], ['∕', '/'], ['−', '-'], ['–', '-'], ['≔', '='],
]);

const superscripts: ReadonlyMap<string, string> = new Map([['¹', '1'], ['²', '2'], ['³', '3']]);

const symbolErrors: ReadonlyMap<string, Message> = new Map([
	['∇', updateRuleError('∇')],
	['∂', derivativeError('∂')],
	['…', ellipsisError('…')],
]);

/** The tokens of the symbol `c` (one code point) at `start..end`; an error token for an unknown symbol. */
export function symbolTokens(c: string, start: number, end: number): Token[] {
	const token = (kind: TokenKind, value: string, extra?: Partial<Token>): Token => {
		return { kind, value, start, end, ...extra };
	};
	if (plainOps.has(c)) return [token('op', c)];
	if (c === '(' || c === '[' || c === '{') return [token('open', c)];
	if (c === ')' || c === ']' || c === '}') return [token('close', c)];
	if (c === '|') return [token('bar', c)];
	const op = unicodeOps.get(c);
	if (op) return [token('op', op)];
	const digit = superscripts.get(c);
	if (digit) return [token('op', '^'), token('number', digit)];
	if (c === '√') return [token('special', 'sqrt')];
	if (c === '∑') return [token('special', 'sum')];
	if (c === '∞') return [token('name', c, { base: c })];
	return [token('error', '', { message: symbolErrors.get(c) ?? msg`unexpected character '${c}'` })];
}
