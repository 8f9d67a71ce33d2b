/**
 * Logpoint messages: text with `{expr}` holes, as VS Code's logpoints write them (`step {step}: loss = {loss}`).
 * `{{` and `}}` stand for literal braces. Holes are parsed once, when the logpoint is set, with columns counted in
 * the whole template; each hit then only evaluates them.
 */

import {
	ExpressionError,
	isExpressionError,
	maxExpressionLength,
	type Expression,
	type LogPart,
	type LogTemplate,
	type Lookup,
} from './expression';
import { evaluateExpression } from './evaluateExpression';
import { expressionNames } from './expressionNames';
import { formatNumber } from './formatNumber';
import { parseExpressionRange } from './parseExpression';
import { msg } from '../message';

export type { LogPart, LogTemplate } from './expression';

/**
 * Parses a logpoint message. Throws `ExpressionError` with the column in `template` for an unclosed `{`, a lone
 * `}`, an empty hole, an assignment in a hole, or a hole that does not parse.
 */
export function parseLogMessage(template: string): LogTemplate {
	if (template.length > maxExpressionLength) {
		const message = msg`log message is longer than ${maxExpressionLength} characters`;
		throw new ExpressionError(message, maxExpressionLength + 1, template.length + 1);
	}
	const parts: LogPart[] = [];
	let text = '';
	let offset = 0;
	while (offset < template.length) {
		const char = template[offset]!;
		const doubled = template[offset + 1] === char;
		if ((char === '{' || char === '}') && doubled) {
			text += char;
			offset += 2;
		} else if (char === '{') {
			if (text) {
				parts.push({ kind: 'text', text });
				text = '';
			}
			const hole = parseHole(template, offset);
			parts.push(hole.part);
			offset = hole.end;
		} else if (char === '}') {
			throw new ExpressionError(msg`unmatched '}' at column ${offset + 1}: write '}}' for a brace`, offset + 1);
		} else {
			text += char;
			offset++;
		}
	}
	if (text) {
		parts.push({ kind: 'text', text });
	}
	return { parts };
}

function parseHole(template: string, open: number): { part: LogPart; end: number } {
	const close = template.indexOf('}', open + 1);
	if (close < 0) {
		throw new ExpressionError(msg`unclosed '{' at column ${open + 1}: write '{{' for a brace`, open + 1);
	}
	const text = template.slice(open + 1, close).trim();
	if (!text) {
		throw new ExpressionError(msg`empty '{}' at column ${open + 1}: write '{{}}' for braces`, open + 1, close + 2);
	}
	const expression = parseExpressionRange(template, open + 1, close, false);
	return { part: { kind: 'hole', expression, text, column: open + 1 }, end: close + 1 };
}

/**
 * The message with each hole replaced by its value through `formatNumber`. A hole that reads an unknown name
 * renders as `{text?}` (`{z?}` for the hole `{z}`), so a logpoint never fails on a hit.
 */
export function formatLogMessage(template: LogTemplate, lookup: Lookup): string {
	let message = '';
	for (const part of template.parts) {
		message += part.kind === 'text' ? part.text : formatHole(part.expression, part.text, lookup);
	}
	return message;
}

function formatHole(expression: Expression, text: string, lookup: Lookup): string {
	try {
		return formatNumber(evaluateExpression(expression, lookup));
	} catch (error) {
		if (isExpressionError(error)) {
			return `{${text}?}`;
		}
		throw error;
	}
}

/** Every lookup key the holes of `template` read, once each, for checking against known names up front. */
export function logMessageNames(template: LogTemplate): string[] {
	const names = new Set<string>();
	for (const part of template.parts) {
		if (part.kind === 'hole') {
			expressionNames(part.expression).forEach((name) => names.add(name));
		}
	}
	return [...names];
}
