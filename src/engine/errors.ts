/**
 * Errors of the engine, as values with source positions.
 *
 * Every front end reports what it cannot take as a `LossSyntaxError` pointing at the construct; the extension turns
 * the span into a diagnostic and the CLI into `FILE:LINE:COLUMN: message`. Nothing else is thrown for bad input.
 */

import { formatMessage, type Message } from './message';

/** A range in the user's source. Lines and columns are 1-based; the end is exclusive. */
export interface SourceSpan {
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
}

/**
 * The loss source uses something outside the supported subset, or does not parse. `message` is the English text;
 * `detail` keeps its template and arguments for a translation (see `message.ts`).
 */
export class LossSyntaxError extends Error {
	override readonly name = 'LossSyntaxError';
	readonly line: number;
	readonly column: number;
	readonly span: SourceSpan;
	readonly detail: Message;

	constructor(detail: Message, span: SourceSpan) {
		super(formatMessage(detail));
		this.detail = detail;
		this.span = span;
		this.line = span.line;
		this.column = span.column;
	}
}

/** A span covering one point, for errors that have no extent. */
export function pointSpan(line: number, column: number): SourceSpan {
	return { line, column, endLine: line, endColumn: column + 1 };
}

/** The span from byte offsets `start`..`end` of `source`. */
export function spanFromOffsets(source: string, start: number, end: number): SourceSpan {
	const a = positionAt(source, start);
	const b = positionAt(source, Math.max(start, end));
	return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** The 1-based line and column of an offset. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, source.length);
	for (let i = 0; i < end; i++) {
		if (source.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: end - lineStart + 1 };
}

/** True for a `LossSyntaxError`, also one that crossed a bundle boundary. */
export function isLossSyntaxError(error: unknown): error is LossSyntaxError {
	return error instanceof Error && error.name === 'LossSyntaxError' && typeof (error as LossSyntaxError).line === 'number';
}
