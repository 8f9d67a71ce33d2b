/**
 * numpy's text readers, `np.loadtxt` and `np.genfromtxt`, over a file's contents: lines split on a delimiter
 * (white space by default), `#` comments, skipped header lines, selected columns, and for `genfromtxt` missing values
 * as NaN and a header of column names. The semantics follow numpy's documentation of both functions
 * (numpy.org/doc/stable/reference/generated/numpy.loadtxt.html and numpy.genfromtxt.html); the numbers are parsed as
 * Python's `float()` parses them.
 */
import { msg } from '../../message';
import { failed, ok, type DataResult, type DataTable } from './dataTable';

/** The arguments of a `loadtxt`/`genfromtxt` call that Downhill reads; numpy's defaults when absent. */
export interface TextOptions {
	/** `None` (white space) when undefined. */
	readonly delimiter?: string;
	/** Lines skipped before anything else (`skiprows`, `skip_header`). */
	readonly skipRows?: number;
	/** Column indices to keep (negative counts from the end), in this order. */
	readonly useCols?: readonly number[];
	/** The comment marker; `#` by default. */
	readonly comments?: string;
	/** `genfromtxt`: an empty field is NaN instead of an error. */
	readonly missingAsNaN?: boolean;
	/** `genfromtxt(names=True)`: the first line read gives the column names. */
	readonly header?: boolean;
}

const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const special = /^([+-]?)(nan|inf|infinity)$/i;

/** A cell as Python's `float()` reads it, or undefined. */
export function parseNumberCell(cell: string): number | undefined {
	const text = cell.trim();
	if (decimal.test(text)) return Number(text);
	const match = special.exec(text);
	if (!match) return undefined;
	if (match[2]!.toLowerCase() === 'nan') return Number.NaN;
	return match[1] === '-' ? -Infinity : Infinity;
}

interface Line {
	readonly number: number;
	readonly cells: readonly string[];
}

/** The lines that hold data: after `skipRows`, comments cut, blank lines dropped, split into cells. */
function dataLines(text: string, options: TextOptions): Line[] {
	const comments = options.comments ?? '#';
	const lines: Line[] = [];
	text.split(/\r\n|\r|\n/).forEach((raw, i) => {
		if (i < (options.skipRows ?? 0)) return;
		const cut = comments === '' ? raw : raw.split(comments)[0]!;
		if (cut.trim() === '') return;
		const cells = options.delimiter === undefined ? cut.trim().split(/\s+/) : cut.split(options.delimiter);
		lines.push({ number: i + 1, cells });
	});
	return lines;
}

/** The column indices `useCols` names, checked against a row of `width` cells. */
function chosenColumns(width: number, useCols: readonly number[] | undefined, line: number): DataResult<number[]> {
	if (useCols === undefined) return ok(Array.from({ length: width }, (_, i) => i));
	const columns: number[] = [];
	for (const c of useCols) {
		const index = c < 0 ? width + c : c;
		if (!Number.isInteger(c) || index < 0 || index >= width) {
			return failed(msg`usecols names column ${c}, but line ${line} has ${width} columns`);
		}
		columns.push(index);
	}
	return ok(columns);
}

/** Reads `text` as numpy's `loadtxt` (or, with `missingAsNaN`/`header`, `genfromtxt`) would, before squeezing. */
export function loadText(text: string, options: TextOptions = {}): DataResult<DataTable> {
	const lines = dataLines(text, options);
	const headerLine = options.header ? lines.shift() : undefined;
	const width = lines[0]?.cells.length ?? headerLine?.cells.length ?? 0;
	const picked = chosenColumns(width, options.useCols, lines[0]?.number ?? 1);
	if (picked.kind === 'error') return picked;
	const columns = picked.data;
	const values = new Float64Array(lines.length * columns.length);
	for (let r = 0; r < lines.length; r++) {
		const line = lines[r]!;
		if (line.cells.length !== width && options.useCols === undefined) {
			return failed(msg`the number of columns changed from ${width} to ${line.cells.length} at line ${line.number}`);
		}
		for (let k = 0; k < columns.length; k++) {
			const cell = line.cells[columns[k]!];
			const value = cell === undefined ? undefined : readCell(cell, options);
			if (value === undefined) {
				const shown = (cell ?? '').trim();
				return failed(msg`could not convert '${shown}' to a number at line ${line.number}, column ${columns[k]! + 1}`);
			}
			values[r * columns.length + k] = value;
		}
	}
	const names = headerLine ? columns.map((c) => (headerLine.cells[c] ?? '').trim()) : undefined;
	return ok({ values, shape: [lines.length, columns.length], names });
}

function readCell(cell: string, options: TextOptions): number | undefined {
	if (options.missingAsNaN && cell.trim() === '') return Number.NaN;
	return parseNumberCell(cell);
}
