/**
 * `pandas.read_csv` over a file's contents, for numeric columns: a header row of names, fields split on `sep` with
 * RFC 4180 quoting, pandas' default missing-value markers read as NaN, and then the columns a loss selects
 * (`df["x"]`, `df[["x1", "x2"]]`) as numbers. Columns the loss does not select may hold anything (a city's name).
 * After pandas' documentation of `read_csv` (`sep`, `header`, `skiprows`, `na_values`) and RFC 4180.
 */
import { msg } from '../../message';
import { failed, ok, type DataResult, type DataTable } from './dataTable';
import { parseNumberCell } from './loadText';

/** A CSV file as text cells, before any column is read as numbers. */
export interface CsvFrame {
	readonly names: readonly string[];
	readonly rows: readonly (readonly string[])[];
	/** The file's line number of each row, for messages. */
	readonly lines: readonly number[];
}

export interface CsvOptions {
	/** The field separator; `,` by default. */
	readonly sep?: string;
	/** Lines skipped before the header. */
	readonly skipRows?: number;
}

/** pandas' default `na_values`: fields read as NaN. */
const missing = new Set([
	'', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL',
	'NaN', 'None', 'n/a', 'nan', 'null',
]);

interface CsvRecord {
	readonly fields: string[];
	/** The file's line the record starts on. */
	readonly line: number;
}

/** Splits CSV text into records of fields, honouring quotes (a quoted field may hold the separator or a newline). */
function csvRecords(text: string, sep: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	const endField = () => {
		fields.push(field);
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') i++;
			else if (c === '"') {
				quoted = false;
				continue;
			} else if (c === '\n') line++;
			field += c;
		} else if (c === '"' && field === '') {
			quoted = true;
		} else if (text.startsWith(sep, i)) {
			endField();
			i += sep.length - 1;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endField();
			if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: start });
			fields = [];
			start = ++line;
		} else {
			field += c;
		}
	}
	if (field !== '' || fields.length > 0) {
		endField();
		records.push({ fields, line: start });
	}
	return records;
}

/** Reads `text` as `pandas.read_csv(path, sep=..., skiprows=...)` with a header row. */
export function readCsvFrame(text: string, options: CsvOptions = {}): DataResult<CsvFrame> {
	const records = csvRecords(text, options.sep ?? ',').filter((r) => r.line > (options.skipRows ?? 0));
	const header = records.shift();
	if (!header) return failed(msg`the CSV file is empty: there is no header row`);
	const names = header.fields.map((n) => n.trim());
	for (const record of records) {
		if (record.fields.length > names.length) {
			return failed(msg`line ${record.line} has ${record.fields.length} fields, the header ${names.length}`);
		}
	}
	return ok({ names, rows: records.map((r) => r.fields), lines: records.map((r) => r.line) });
}

/** The named columns as numbers, one table column each, in the order asked. */
export function frameColumns(frame: CsvFrame, columns: readonly string[]): DataResult<DataTable> {
	const indices: number[] = [];
	for (const name of columns) {
		const index = frame.names.indexOf(name);
		if (index < 0) return failed(msg`the CSV file has no column '${name}' (its columns: ${frame.names.join(', ')})`);
		indices.push(index);
	}
	const values = new Float64Array(frame.rows.length * indices.length);
	for (let r = 0; r < frame.rows.length; r++) {
		for (let k = 0; k < indices.length; k++) {
			const cell = (frame.rows[r]![indices[k]!] ?? '').trim();
			const value = missing.has(cell) ? Number.NaN : parseNumberCell(cell);
			if (value === undefined) {
				return failed(msg`column '${columns[k]!}' is not numeric: '${cell}' at line ${frame.lines[r]!}`);
			}
			values[r * indices.length + k] = value;
		}
	}
	return ok({ values, shape: [frame.rows.length, indices.length], names: columns });
}
