/**
 * What a loss does with data read from a file in Python: a `pandas.read_csv` frame is a record of its numeric
 * columns that also remembers the whole file, so `df["x"]` is a column (a numeric array, like a pandas Series),
 * `df[["x1", "x2"]]` and `df.values` / `df.to_numpy()` are matrices, and a column that is not numeric is an error only
 * when it is selected, at the name that selects it. A dict read by `json.load` is a record whose keys are read with
 * `data["key"]`.
 */
import type { SourceSpan } from '../../errors';
import { dataOrThrow } from '../data/dataFiles';
import { frameColumns, type CsvFrame } from '../data/readCsvFrame';
import { fail } from '../lowering/context';
import { jsonProblem, jsonValue } from '../lowering/jsonValue';
import type { RecordValue, Value } from '../lowering/values';
import type { Scope } from '../lowering/scope';
import type { JsonData } from '../data/readJsonData';
import { pythonFunction } from './callables';
import { numericData } from './numpyModule';
import type { Expr, SubscriptExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** A CSV file read by `pandas.read_csv`: its numeric columns as fields, and the file for selections. */
export interface FrameValue extends RecordValue {
	readonly frame: CsvFrame;
	readonly path: string;
}

export function isFrame(value: Value): value is FrameValue {
	return value.kind === 'record' && (value as Partial<FrameValue>).frame !== undefined;
}

/** The frame of a read CSV file; `span` is its path string's. */
export function frameValue(ctx: PythonContext, frame: CsvFrame, path: string, _span: SourceSpan): FrameValue {
	const fields = new Map<string, Value>();
	for (const name of frame.names) {
		const column = frameColumns(frame, [name]);
		if (column.kind === 'ok') fields.set(name, numericData(ctx, column.data.values, [frame.rows.length]));
	}
	return { kind: 'record', fields, label: `'${path}'`, frame, path };
}

/** The named columns as one numeric array: a vector for one name (`series`), else an n×k matrix. */
function columns(ctx: PythonContext, value: FrameValue, names: readonly string[], series: boolean, span: SourceSpan): Value {
	const table = dataOrThrow(frameColumns(value.frame, names), value.path, span);
	return numericData(ctx, table.values, series ? [table.shape[0]] : table.shape);
}

/** A JSON file's tree as a value (see `lowering/jsonValue.ts`). */
export function jsonData(ctx: PythonContext, data: JsonData, path: string, span: SourceSpan): Value {
	return jsonValue(ctx, data, `'${path}'`, span);
}

function stringOf(e: Expr): string | undefined {
	return e.kind === 'string' ? e.value : undefined;
}

/** `record["key"]`, and for a frame `df[["x1", "x2"]]`. */
export function recordSubscript(ctx: PythonContext, _scope: Scope, record: RecordValue, e: SubscriptExpr): Value {
	const index = e.index;
	if (index.kind === 'sequence' && isFrame(record)) {
		const names = index.items.map((item) => stringOf(item) ?? fail(msg`select columns by their names as strings`, item.span));
		return columns(ctx, record, names, false, index.span);
	}
	const key = index.kind === 'string' || index.kind === 'name' || index.kind === 'number' ? stringOf(index) : undefined;
	if (key === undefined) return fail(msg`read a field of ${record.label} with a string key: ${record.label}["name"]`, index.span);
	if (isFrame(record)) return columns(ctx, record, [key], true, index.span);
	const problem = jsonProblem(record, key);
	if (problem) return fail(problem, index.span);
	return record.fields.get(key) ?? fail(msg`${record.label} has no key '${key}'`, index.span);
}

/** `df.values`, `df.to_numpy()` and `df.x` on a frame; undefined for other records. */
export function frameAttribute(ctx: PythonContext, record: RecordValue, name: string, span: SourceSpan): Value | undefined {
	if (!isFrame(record)) return undefined;
	if (name === 'values') return columns(ctx, record, record.frame.names, false, span);
	if (name === 'to_numpy') return pythonFunction('.to_numpy', () => columns(ctx, record, record.frame.names, false, span));
	if (record.frame.names.includes(name)) return columns(ctx, record, [name], true, span);
	return fail(msg`a data frame in a loss supports df["x"], df[["x1", "x2"]], .values and .to_numpy(), not '.${name}'`, span);
}
