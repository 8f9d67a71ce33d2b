/**
 * Losses in a notebook cell: the cell is read together with the readable cells above it (`cellLayout.ts`), as one
 * source, by the cell's front end; only the cell's own losses are listed or lowered, and every span is mapped back.
 * An error whose span lies in another cell is reported on the loss (its name in this cell) and names that cell and
 * line. A cell above that does not parse (a shell escape the front end cannot strip, half-written code) is left out;
 * a name only such a cell, or only a cell below, defines gets an error saying so.
 */
import { isLossSyntaxError, LossSyntaxError, pointSpan, type SourceSpan } from '../../errors';
import { isMessage, msg, type Message, type MessageArgument } from '../../message';
import { chooseLoss, type LossRequest } from '../chooseLoss';
import type { DataFiles } from '../data/dataFiles';
import { pickLoss, type FoundLoss, type FrontEnd, type LoweredLoss, type LowerOptions } from '../frontEnd';
import { composeCells, intoComposed, ownSegment, spanInCell, type CellContext, type CellLayout, type CellText } from './cellLayout';

/** A front end's cell reading: the joined source, its layout and the cells above that were left out. */
interface CellReading {
	readonly frontEnd: FrontEnd;
	readonly text: string;
	readonly layout: CellLayout;
	readonly context: CellContext;
	readonly dropped: readonly { readonly cell: CellText; readonly error: LossSyntaxError }[];
}

/** A lowered loss of a cell; its graph and site count lines in the joined source that `layout` describes. */
export interface LoweredCellLoss extends LoweredLoss {
	readonly layout: CellLayout;
}

/** Every loss and failed candidate of the cell `source`, with spans in the cell's own lines. */
export function listInCell(frontEnd: FrontEnd, source: string, context: CellContext, files?: DataFiles): FoundLoss[] {
	const reading = readCells(frontEnd, source, context);
	const own = ownSegment(reading.layout);
	let found: FoundLoss[];
	try {
		found = frontEnd.list(reading.text, files);
	} catch (error) {
		throw inCell(reading, error, undefined);
	}
	return found.filter((f) => (f.kind === 'loss' ? f.site.span : f.span).line >= own.firstLine).map((f) => foundInCell(reading, f));
}

/**
 * Lowers the cell's loss `options` asks for (positions in the cell's own lines; without a name, the rule of
 * `chooseLoss` among the cell's own losses). Throws `LossSyntaxError` with a span in the cell.
 */
export function lowerInCell(frontEnd: FrontEnd, source: string, options: LowerOptions, context: CellContext): LoweredCellLoss {
	const reading = readCells(frontEnd, source, context);
	const own = ownSegment(reading.layout);
	const request = options.name === undefined ? ownChoice(reading, source, options) : options;
	const at = request.at && intoComposed(reading.layout, request.at);
	let lowered: LoweredLoss;
	try {
		lowered = frontEnd.lower(reading.text, { ...options, name: request.name, at });
	} catch (error) {
		const listed = isLossSyntaxError(error) && !spanIsOwn(reading, error.span) ? failedCandidate(reading, source, request, options.files) : undefined;
		throw listed ?? inCell(reading, error, undefined);
	}
	if (lowered.site.span.line < own.firstLine) {
		const known = listInCell(frontEnd, source, context, options.files).map((f) => (f.kind === 'loss' ? f.site.name : f.name));
		const name = request.name ?? lowered.site.name;
		const found = known.length > 0 ? known.join(', ') : 'none';
		throw new LossSyntaxError(msg`no loss named '${name}' in this cell (found: ${found})`, pointSpan(1, 1));
	}
	return { ...lowered, layout: reading.layout };
}

/** Without a name: the cell's own loss the rule picks (under the cursor, else `loss`, else the only one). */
function ownChoice(reading: CellReading, source: string, options: LowerOptions): LossRequest {
	const own = listInCell(reading.frontEnd, source, reading.context, options.files).map((f) => (f.kind === 'loss' ? f.site : f));
	const lines = source.split('\n');
	const whole = { line: 1, column: 1, endLine: lines.length, endColumn: lines[lines.length - 1]!.length + 1 };
	const chosen = pickLoss(own, options, whole);
	return { name: chosen.name, at: options.at ?? { line: chosen.span.line, column: chosen.span.column } };
}

/** The cell's failed candidate `request` means, whose error (already mapped) explains a lowering that failed elsewhere. */
function failedCandidate(reading: CellReading, source: string, request: LossRequest, files: DataFiles | undefined): LossSyntaxError | undefined {
	const found = listInCell(reading.frontEnd, source, reading.context, files).map((f) => ({ ...(f.kind === 'loss' ? f.site : f), found: f }));
	const chosen = chooseLoss(found, request)?.found;
	return chosen?.kind === 'error' ? chosen.error : undefined;
}

/** Joins the readable cells above and the cell; a cell above that does not parse on its own is left out. */
function readCells(frontEnd: FrontEnd, source: string, context: CellContext): CellReading {
	const prepare = (cell: CellText): CellText => ({ index: cell.index, text: frontEnd.cellText?.(cell.text) ?? cell.text });
	const own = prepare({ index: context.index, text: source });
	let above = context.above.map(prepare);
	const dropped: { cell: CellText; error: LossSyntaxError }[] = [];
	const whole = composeCells([...above, own]);
	if (frontEnd.syntaxError && frontEnd.syntaxError(whole.text)) {
		above = above.filter((cell) => {
			const error = frontEnd.syntaxError!(cell.text);
			if (error) dropped.push({ cell, error });
			return !error;
		});
	}
	const { text, layout } = dropped.length > 0 ? composeCells([...above, own]) : whole;
	return { frontEnd, text, layout, context, dropped };
}

function spanIsOwn(reading: CellReading, span: SourceSpan): boolean {
	return span.line >= ownSegment(reading.layout).firstLine;
}

function foundInCell(reading: CellReading, found: FoundLoss): FoundLoss {
	const own = (span: SourceSpan) => spanInCell(reading.layout, span).span;
	if (found.kind === 'loss') {
		const { site } = found;
		return { kind: 'loss', site: { ...site, span: own(site.span), nameSpan: own(site.nameSpan) } };
	}
	return { kind: 'error', name: found.name, span: own(found.span), error: syntaxErrorInCell(reading, found.error, own(found.span)) };
}

/**
 * `error` from the joined source as an error in the cell: its span mapped, or, when it lies in another cell, placed
 * on `anchor` (the loss's definition; the cell's start without one) with that cell and line named.
 */
function inCell(reading: CellReading, error: unknown, anchor: SourceSpan | undefined): unknown {
	return isLossSyntaxError(error) ? syntaxErrorInCell(reading, error, anchor) : error;
}

function syntaxErrorInCell(reading: CellReading, error: LossSyntaxError, anchor: SourceSpan | undefined): LossSyntaxError {
	const { index, span } = spanInCell(reading.layout, error.span);
	const detail = relined(error.detail, reading.layout);
	if (index === reading.context.index) return new LossSyntaxError(definedElsewhere(reading, detail) ?? detail, span);
	return new LossSyntaxError(msg`cell ${index + 1}, line ${span.line}: ${detail}`, anchor ?? pointSpan(1, 1));
}

/** `detail` with each `line {n}` argument counted in its own cell instead of the joined source. */
function relined(detail: Message, layout: CellLayout): Message {
	if (detail.verbatim) return detail;
	const args = detail.args.map((arg, i): MessageArgument => {
		if (isMessage(arg)) return relined(arg, layout);
		if (typeof arg !== 'number' || !detail.template.includes(`line {${i}}`)) return arg;
		return spanInCell(layout, pointSpan(arg, 1)).span.line;
	});
	return { ...detail, args };
}

const unknownNameTemplates = new Set(["unknown name '{0}'", "'{0}' is not declared"]);

/** For an unknown name: an error naming the cell below, or the unreadable cell above, that defines it. */
function definedElsewhere(reading: CellReading, detail: Message): Message | undefined {
	const name = detail.args[0];
	if (!unknownNameTemplates.has(detail.template) || typeof name !== 'string') return undefined;
	for (const cell of reading.context.below) {
		const line = reading.frontEnd.definedNames?.(cell.text).get(name);
		if (line !== undefined) {
			return msg`'${name}' is defined only in cell ${cell.index + 1} (line ${line}), below this one; a loss sees the cells above it`;
		}
	}
	const word = new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`);
	for (const { cell, error } of reading.dropped) {
		const line = cell.text.split('\n').findIndex((text) => word.test(text));
		if (line >= 0) {
			return msg`unknown name '${name}': cell ${cell.index + 1} mentions it (line ${line + 1}) but Downhill cannot read that cell (line ${error.span.line}: ${error.detail})`;
		}
	}
	return undefined;
}
