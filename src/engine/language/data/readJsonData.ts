/**
 * A JSON data file (`import data from "./points.json"`, `json.load(open(...))`, `JSON.parse(fs.readFileSync(...))`) as
 * a tree the front ends can lower: numbers, strings, booleans, null, arrays, and records whose keys live in a `Map`,
 * so no key of the file (`__proto__`, `constructor`) can reach an object's prototype. A small recursive-descent reader
 * of RFC 8259 (V8's `JSON.parse` messages echo the whole text and often give no position): depth bounded, and a
 * malformed spot reported with its line and column. `numericArray` turns a rectangular nest of number arrays into
 * numbers with a shape.
 */
import { msg } from '../../message';
import { failed, ok, type DataResult, type NumericArray } from './dataTable';

export type JsonData = number | string | boolean | null | readonly JsonData[] | JsonRecord;

/** A JSON object, its keys in file order. */
export interface JsonRecord {
	readonly kind: 'record';
	readonly fields: ReadonlyMap<string, JsonData>;
}

/** How deep arrays and objects may nest in a data file. */
const maxDepth = 64;

/** A malformed spot in the file; the message ends with its line and column. */
class JsonSyntax extends Error {}

const stringToken = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonReader {
	private at = 0;
	constructor(private readonly text: string) {}

	document(): JsonData {
		const value = this.value(0);
		if (this.peek() !== undefined) this.fail('unexpected text after the JSON value');
		return value;
	}

	private value(depth: number): JsonData {
		const c = this.peek();
		if (c === '{' || c === '[') {
			if (depth >= maxDepth) this.fail(`the file nests deeper than ${maxDepth} levels`);
			return c === '{' ? this.record(depth) : this.array(depth);
		}
		if (c === '"') return this.string();
		for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
			if (this.text.startsWith(word, this.at)) {
				this.at += word.length;
				return value;
			}
		}
		return this.number();
	}

	private array(depth: number): JsonData[] {
		const items: JsonData[] = [];
		this.at++;
		if (this.peek() === ']') {
			this.at++;
			return items;
		}
		do items.push(this.value(depth + 1));
		while (this.expect(',]') === ',');
		return items;
	}

	private record(depth: number): JsonRecord {
		const fields = new Map<string, JsonData>();
		this.at++;
		if (this.peek() === '}') {
			this.at++;
			return { kind: 'record', fields };
		}
		do {
			if (this.peek() !== '"') this.fail('expected a quoted key');
			const key = this.string();
			this.expect(':');
			fields.set(key, this.value(depth + 1));
		} while (this.expect(',}') === ',');
		return { kind: 'record', fields };
	}

	private string(): string {
		return JSON.parse(this.token(stringToken, 'malformed string')) as string;
	}

	private number(): number {
		const what = this.at < this.text.length ? `unexpected '${this.text[this.at]}'` : 'unexpected end of file';
		return Number(this.token(numberToken, what));
	}

	private token(pattern: RegExp, what: string): string {
		pattern.lastIndex = this.at;
		const match = pattern.exec(this.text);
		if (!match) return this.fail(what);
		this.at += match[0].length;
		return match[0];
	}

	/** Skips white space and consumes one of `chars`, returning it. */
	private expect(chars: string): string {
		const c = this.peek();
		if (c === undefined || !chars.includes(c)) this.fail(`expected ${[...chars].map((x) => `'${x}'`).join(' or ')}`);
		this.at++;
		return c!;
	}

	/** The next character after white space. */
	private peek(): string | undefined {
		while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
		return this.text[this.at];
	}

	private fail(what: string): never {
		const before = this.text.slice(0, this.at).split('\n');
		throw new JsonSyntax(`${what} (line ${before.length}, column ${before.at(-1)!.length + 1})`);
	}
}

/** Parses JSON text into a `JsonData` tree, or says where it is malformed. */
export function readJsonData(text: string): DataResult<JsonData> {
	try {
		return ok(new JsonReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).document());
	} catch (error) {
		if (error instanceof JsonSyntax) return failed(msg`the JSON file is malformed: ${error.message}`);
		throw error;
	}
}

/** A rectangular nest of arrays of numbers (a vector, a matrix, ...) as numbers with a shape; else why not. */
export function numericArray(data: JsonData): DataResult<NumericArray> {
	if (typeof data === 'number') return ok({ values: Float64Array.of(data), shape: [] });
	if (!Array.isArray(data)) return failed(msg`the JSON value is not an array of numbers`);
	const items = data as readonly JsonData[];
	if (items.length === 0) return ok({ values: new Float64Array(0), shape: [0] });
	const rows: NumericArray[] = [];
	for (const item of items) {
		const row = numericArray(item);
		if (row.kind === 'error') return row;
		rows.push(row.data);
	}
	const inner = rows[0]!.shape;
	const ragged = rows.findIndex((r) => r.shape.length !== inner.length || r.shape.some((n, k) => n !== inner[k]));
	if (ragged >= 0) return failed(msg`the JSON array is ragged: element ${ragged} has shape [${rows[ragged]!.shape.join(',')}], element 0 [${inner.join(',')}]`);
	const stride = rows[0]!.values.length;
	const values = new Float64Array(stride * rows.length);
	rows.forEach((row, i) => values.set(row.values, i * stride));
	return ok({ values, shape: [rows.length, ...inner] });
}
