/**
 * A notebook cell's source as the engine reads it: the readable cells above it (in notebook order, as "Run All" runs
 * them) and the cell itself joined into one source, and the map from that source's lines back to each cell's own
 * lines. The front ends parse the joined source as one file; `cellLosses.ts` maps what they report back.
 */
import type { SourceSpan } from '../../errors';

/** One cell's text and its 0-based position in the notebook. */
export interface CellText {
	readonly index: number;
	readonly text: string;
}

/** What a cell's loss sees besides its own text: the cells of the same kind (code or Markdown) above and below it. */
export interface CellContext {
	/** The cell's own 0-based position in the notebook. */
	readonly index: number;
	/** Cells above, in notebook order; their definitions are the loss's module scope. */
	readonly above: readonly CellText[];
	/** Cells below, in notebook order; read only to say that a name the loss uses is defined too late. */
	readonly below: readonly CellText[];
}

/** Where one cell's lines sit in the joined source. */
export interface CellSegment {
	/** The cell's 0-based position in the notebook. */
	readonly index: number;
	/** The joined source's 1-based line that is the cell's line 1. */
	readonly firstLine: number;
	readonly lineCount: number;
}

/** The cells of a joined source in order; the last one is the cell whose losses are asked for. */
export type CellLayout = readonly CellSegment[];

/** A joined source and its layout. */
export interface ComposedCells {
	readonly text: string;
	readonly layout: CellLayout;
}

/** Joins `cells` in order with one blank line between them (so a Markdown paragraph never runs into the next cell). */
export function composeCells(cells: readonly CellText[]): ComposedCells {
	const layout: CellSegment[] = [];
	let firstLine = 1;
	for (const cell of cells) {
		const lineCount = cell.text.split('\n').length;
		layout.push({ index: cell.index, firstLine, lineCount });
		firstLine += lineCount + 1;
	}
	return { text: cells.map((cell) => cell.text).join('\n\n'), layout };
}

/** The cell holding line `line` of the joined source, and that line in the cell's own numbering. */
export function cellAt(layout: CellLayout, line: number): { readonly segment: CellSegment; readonly line: number } {
	let segment = layout[0]!;
	for (const s of layout) if (s.firstLine <= line) segment = s;
	return { segment, line: line - segment.firstLine + 1 };
}

/** The cell the joined source's `span` starts in, and the span in that cell's own lines. */
export function spanInCell(layout: CellLayout, span: SourceSpan): { readonly index: number; readonly span: SourceSpan } {
	const { segment } = cellAt(layout, span.line);
	const shift = segment.firstLine - 1;
	return { index: segment.index, span: { ...span, line: span.line - shift, endLine: span.endLine - shift } };
}

/** The asked-for cell's segment: the layout's last. */
export function ownSegment(layout: CellLayout): CellSegment {
	return layout[layout.length - 1]!;
}

/** A line and column in the asked-for cell, as a position in the joined source. */
export function intoComposed(layout: CellLayout, at: { readonly line: number; readonly column: number }) {
	return { line: at.line + ownSegment(layout).firstLine - 1, column: at.column };
}
