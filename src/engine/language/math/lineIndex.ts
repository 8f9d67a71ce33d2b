/**
 * Offsets to 1-based lines and columns for the math front ends. A Markdown file holds many math blocks, each
 * tokenized in the file's own offsets; this index turns those offsets into `SourceSpan`s by binary search instead of
 * rescanning the file for every token.
 */
import { LossSyntaxError, type SourceSpan } from '../../errors';
import type { Message } from '../../message';

export class LineIndex {
	/** Offset of the first character of each line. */
	private readonly starts: number[] = [0];

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
	}

	/** The 1-based line and column of `offset` (clamped to the text). */
	position(offset: number): { line: number; column: number } {
		const at = Math.max(0, Math.min(offset, this.text.length));
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.starts[mid]! <= at) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: at - this.starts[low]! + 1 };
	}

	/** The span of offsets `start`..`end`; an empty range becomes one column wide, as `pointSpan` does. */
	span(start: number, end: number): SourceSpan {
		const a = this.position(start);
		if (end <= start) return { line: a.line, column: a.column, endLine: a.line, endColumn: a.column + 1 };
		const b = this.position(end);
		return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
	}

	/** A `LossSyntaxError` at offsets `start`..`end`. */
	error(message: Message, start: number, end: number): LossSyntaxError {
		return new LossSyntaxError(message, this.span(start, end));
	}
}
