/**
 * The tokenizer of the expression language: turns a range of text into numbers, names, operators and an end
 * marker, each with its offsets. It resolves spellings (`and` → `&&`, `^` → `**`, `===` → `==`, `True` → 1) and
 * reads a whole path such as `grad.w[0]` as one name with its canonical lookup key, so no whitespace is allowed
 * inside a path. parseExpression.ts consumes the tokens.
 */

import { ExpressionError, maxExpressionLength, type BinaryOperator } from './expression';
import { msg } from '../message';

/** Operators and punctuation after spelling is normalized. `not` stays apart from `!`: it binds more loosely. */
export type Operator =
	| BinaryOperator
	| '!'
	| 'not'
	| '?'
	| ':'
	| '='
	| '('
	| ')'
	| ',';

interface TokenBase {
	/** The text as written. */
	readonly text: string;
	/** 0-based offsets into the whole source string; `end` is exclusive. */
	readonly start: number;
	readonly end: number;
}

/** One token. Names carry the canonical lookup key of the whole path. */
export type Token =
	| (TokenBase & { readonly kind: 'number'; readonly value: number })
	| (TokenBase & { readonly kind: 'name'; readonly key: string })
	| (TokenBase & { readonly kind: 'operator'; readonly op: Operator })
	| (TokenBase & { readonly kind: 'end' });

const operatorSpellings: readonly (readonly [string, Operator])[] = [
	['===', '=='],
	['!==', '!='],
	['**', '**'],
	['<=', '<='],
	['>=', '>='],
	['==', '=='],
	['!=', '!='],
	['&&', '&&'],
	['||', '||'],
	...(['+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '=', '(', ')', ','] as const).map((op) => [op, op] as const),
	['^', '**'],
];

const wordOperators: ReadonlyMap<string, Operator> = new Map<string, Operator>([
	['and', '&&'],
	['or', '||'],
	['not', 'not'],
]);

const wordLiterals: ReadonlyMap<string, number> = new Map([
	['True', 1],
	['true', 1],
	['False', 0],
	['false', 0],
	['Infinity', Infinity],
	['NaN', NaN],
]);

const identifierPattern = /[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*/uy;
const numberPattern = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const indexPattern = /[0-9]+/y;
const whitespacePattern = /\s+/y;
const identifierTail = /[\p{ID_Continue}$.]/uy;

function matchAt(pattern: RegExp, source: string, offset: number): string | undefined {
	pattern.lastIndex = offset;
	return pattern.exec(source)?.[0];
}

/**
 * The tokens of `source.slice(start, end)`, ending with an `end` token. Throws `ExpressionError` for a character
 * that starts no token, a malformed number or path index, or text longer than `maxExpressionLength`.
 */
export function tokenize(source: string, start = 0, end = source.length): Token[] {
	if (end - start > maxExpressionLength) {
		throw new ExpressionError(
			msg`expression is longer than ${maxExpressionLength} characters`,
			start + maxExpressionLength + 1,
			end + 1,
		);
	}
	const text = source.slice(0, end);
	const tokens: Token[] = [];
	let offset = start;
	while (offset < end) {
		const space = matchAt(whitespacePattern, text, offset);
		if (space) {
			offset += space.length;
			continue;
		}
		const token = readNumber(text, offset) ?? readWord(text, offset) ?? readOperator(text, offset);
		tokens.push(token);
		offset = token.end;
	}
	tokens.push({ kind: 'end', text: '', start: end, end });
	return tokens;
}

function readNumber(text: string, start: number): Token | undefined {
	const digits = matchAt(numberPattern, text, start);
	if (!digits) {
		return undefined;
	}
	let end = start + digits.length;
	if (matchAt(identifierTail, text, end) !== undefined) {
		while (end < text.length && matchAt(identifierTail, text, end) !== undefined) {
			end++;
		}
		const written = text.slice(start, end);
		throw new ExpressionError(msg`malformed number '${written}' at column ${start + 1}`, start + 1, end + 1);
	}
	return { kind: 'number', value: Number(digits), text: digits, start, end };
}

function readWord(text: string, start: number): Token | undefined {
	const word = matchAt(identifierPattern, text, start);
	if (!word) {
		return undefined;
	}
	const end = start + word.length;
	const op = wordOperators.get(word);
	if (op !== undefined) {
		return { kind: 'operator', op, text: word, start, end };
	}
	const literal = wordLiterals.get(word);
	if (literal !== undefined) {
		return { kind: 'number', value: literal, text: word, start, end };
	}
	return readPath(text, start, end);
}

/** Extends the name that ends at `end` by `.field` and `[index]` parts, written without spaces. */
function readPath(text: string, start: number, end: number): Token {
	let key = text.slice(start, end);
	for (;;) {
		const field = text[end] === '.' ? matchAt(identifierPattern, text, end + 1) : undefined;
		if (field) {
			key += `.${field}`;
			end += 1 + field.length;
		} else if (text[end] === '[') {
			const index = matchAt(indexPattern, text, end + 1);
			const close = end + 1 + (index?.length ?? 0);
			if (!index || text[close] !== ']' || index.length > 15) {
				throw new ExpressionError(msg`expected an integer index at column ${end + 2}`, end + 2, close + 1);
			}
			key += `[${Number(index)}]`;
			end = close + 1;
		} else {
			return { kind: 'name', key, text: text.slice(start, end), start, end };
		}
	}
}

function readOperator(text: string, start: number): Token {
	for (const [spelling, op] of operatorSpellings) {
		if (text.startsWith(spelling, start)) {
			return { kind: 'operator', op, text: spelling, start, end: start + spelling.length };
		}
	}
	const char = String.fromCodePoint(text.codePointAt(start)!);
	const column = start + 1;
	throw new ExpressionError(msg`unexpected character '${char}' at column ${column}`, column, column + char.length);
}
