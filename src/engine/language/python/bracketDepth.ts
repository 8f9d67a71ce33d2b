/**
 * The Python front end's nesting limit, checked in one linear pass before @lezer/python parses: brackets nested more
 * than 200 deep are refused at the bracket that goes one level too far. CPython's tokenizer has the same limit
 * (`MAXLEVEL` in Parser/tokenizer.c, "too many nested parentheses"), so no program Python runs is refused, while a
 * generated file of 100,000 nested parentheses is answered at once instead of after seconds of parser recovery.
 * Strings and comments are skipped; their brackets do not count.
 */
import { LossSyntaxError, pointSpan } from '../../errors';
import { msg } from '../../message';
import type { SourceText } from './parsePython';

/** Deepest bracket nesting accepted (CPython's `MAXLEVEL`). */
export const maxBracketDepth = 200;

/** Throws a `LossSyntaxError` at the first bracket nested deeper than `maxBracketDepth`. */
export function checkBracketDepth(source: SourceText): void {
	const text = source.text;
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '#') i = lineEnd(text, i) - 1;
		else if (c === '"' || c === "'") i = stringEnd(text, i) - 1;
		else if (c === '(' || c === '[' || c === '{') {
			if (++depth > maxBracketDepth) {
				const { line, column } = source.position(i);
				throw new LossSyntaxError(msg`too many nested parentheses: more than ${maxBracketDepth} levels`, pointSpan(line, column));
			}
		} else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
	}
}

function lineEnd(text: string, from: number): number {
	const end = text.indexOf('\n', from);
	return end < 0 ? text.length : end;
}

/** The offset after the string literal whose opening quote is at `from` (a one-line string also ends at its line). */
function stringEnd(text: string, from: number): number {
	const quote = text[from]!;
	const triple = text.startsWith(quote.repeat(3), from);
	const closer = triple ? quote.repeat(3) : quote;
	for (let i = from + closer.length; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\\') i++;
		else if (!triple && c === '\n') return i;
		else if (text.startsWith(closer, i)) return i + closer.length;
	}
	return text.length;
}
