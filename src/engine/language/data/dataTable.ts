/**
 * What a data file in the workspace becomes when a loss reads it: a rectangular table of numbers, row-major, with
 * column names when the file has a header. The readers (`loadText.ts`, `readCsvFrame.ts`, `readNpy.ts`,
 * `readJsonData.ts`) are pure functions of the file's contents: the host reads the bytes (inside the workspace, with
 * a size limit, `dataPath.ts`) and the engine never touches a file system. Failures are values carrying a
 * message template, so the front end can place them at the call that named the file.
 */
import type { Message } from '../../message';

/** Numbers with a shape, row-major; `shape` `[]` is one number. */
export interface NumericArray {
	readonly values: Float64Array;
	readonly shape: readonly number[];
}

/** A 2-D table of numbers; `names` are the header's column names, when there is a header. */
export interface DataTable extends NumericArray {
	readonly shape: readonly [number, number];
	readonly names?: readonly string[];
}

/** What a reader returns: the data, or why the file cannot be used (without a position; the caller adds it). */
export type DataResult<T> = { readonly kind: 'ok'; readonly data: T } | { readonly kind: 'error'; readonly message: Message };

export function ok<T>(data: T): DataResult<T> {
	return { kind: 'ok', data };
}

export function failed<T>(message: Message): DataResult<T> {
	return { kind: 'error', message };
}

/**
 * numpy's squeeze for `loadtxt`/`genfromtxt` with `ndmin=0`: axes of length 1 are dropped, so one column reads as a
 * vector and one value as a number. `ndmin` keeps at least that many axes, as numpy's `ndmin` does (a vector is
 * made a row for 2).
 */
export function squeezeTable(table: DataTable, ndmin: 0 | 1 | 2): NumericArray {
	const [rows, cols] = table.shape;
	if (ndmin === 2) return { values: table.values, shape: [rows, cols] };
	const kept = [rows, cols].filter((n) => n !== 1);
	if (kept.length === 0 && ndmin === 1) return { values: table.values, shape: [1] };
	if (rows === 0) return { values: table.values, shape: [0] };
	return { values: table.values, shape: kept };
}
