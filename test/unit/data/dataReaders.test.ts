// The data readers against what numpy and pandas read from the same files (fixtures/expected.json, written by
// fixtures/makeDataFixtures.py with Debian's numpy and pandas), and their errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { squeezeTable, type DataResult, type NumericArray } from '../../../src/engine/language/data/dataTable';
import { loadText } from '../../../src/engine/language/data/loadText';
import { frameColumns, readCsvFrame } from '../../../src/engine/language/data/readCsvFrame';
import { numericArray, readJsonData, type JsonData, type JsonRecord } from '../../../src/engine/language/data/readJsonData';
import { readNpy } from '../../../src/engine/language/data/readNpy';
import { formatMessage } from '../../../src/engine/message';

const dir = join(__dirname, 'fixtures');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

interface Listed {
	readonly shape: number[];
	readonly values: (number | string | null)[];
}
const expected: Record<string, Listed> = JSON.parse(text('expected.json'));

function value<T>(result: DataResult<T>): T {
	if (result.kind === 'error') throw new Error(formatMessage(result.message));
	return result.data;
}

function errorText<T>(result: DataResult<T>): string {
	expect(result.kind).toBe('error');
	return result.kind === 'error' ? formatMessage(result.message) : '';
}

/** numpy's numbers: null is NaN, 'inf' / '-inf' are infinities. */
function asNumbers(listed: Listed): number[] {
	return listed.values.map((v) => (v === null ? Number.NaN : typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : v));
}

function expectSame(actual: NumericArray, key: string): void {
	const want = expected[key]!;
	expect(actual.shape, key).toEqual(want.shape);
	expect([...actual.values], key).toEqual(asNumbers(want));
}

describe('np.loadtxt', () => {
	it('reads white-space columns with comments and blank lines', () => {
		expectSame(squeezeTable(value(loadText(text('spaces.txt'))), 0), 'loadtxt spaces');
	});

	it('reads a CSV with skiprows and usecols, also negative', () => {
		const csv = text('houses.csv');
		expectSame(squeezeTable(value(loadText(csv, { delimiter: ',', skipRows: 1, useCols: [0, 2] })), 0), 'loadtxt csv skiprows usecols');
		expectSame(squeezeTable(value(loadText(csv, { delimiter: ',', skipRows: 1, useCols: [-1, 0] })), 0), 'loadtxt negative usecols');
	});

	it('squeezes one column to a vector unless ndmin=2', () => {
		const table = value(loadText(text('houses.csv'), { delimiter: ',', skipRows: 1, useCols: [2] }));
		expectSame(squeezeTable(table, 0), 'loadtxt one column');
		expectSame(squeezeTable(table, 2), 'loadtxt one column ndmin 2');
	});

	it('reads nan, inf, Infinity and signs as Python float() does', () => {
		expectSame(squeezeTable(value(loadText(text('special.csv'), { delimiter: ',' })), 0), 'loadtxt special');
	});

	it('names the line of a ragged row and of a word where a number is needed', () => {
		expect(errorText(loadText(text('ragged.txt')))).toBe('the number of columns changed from 2 to 3 at line 3');
		expect(errorText(loadText(text('words.txt')))).toBe("could not convert 'abc' to a number at line 2, column 2");
		expect(String(expected['error ragged.txt'])).toContain('changed from 2 to 3');
		expect(String(expected['error words.txt'])).toContain("'abc'");
	});

	it('refuses usecols outside the row', () => {
		expect(errorText(loadText(text('houses.csv'), { delimiter: ',', skipRows: 1, useCols: [3] })))
			.toBe('usecols names column 3, but line 2 has 3 columns');
	});
});

describe('np.genfromtxt', () => {
	it('reads empty fields as NaN', () => {
		expectSame(squeezeTable(value(loadText(text('gaps.csv'), { delimiter: ',', missingAsNaN: true })), 0), 'genfromtxt missing');
	});

	it('takes column names from the header with names=True', () => {
		const table = value(loadText(text('named.csv'), { delimiter: ',', header: true }));
		const want = expected['genfromtxt names'] as unknown as { names: string[]; x: Listed; y: Listed };
		expect(table.names).toEqual(want.names);
		expect([...table.values].filter((_, i) => i % 2 === 0)).toEqual(asNumbers(want.x));
		expect([...table.values].filter((_, i) => i % 2 === 1)).toEqual(asNumbers(want.y));
	});
});

describe('pandas.read_csv', () => {
	const frame = value(readCsvFrame(text('cities.csv')));

	it('keeps quoted fields whole and reads selected columns as numbers, missing as NaN', () => {
		expectSame(squeezeTable(value(frameColumns(frame, ['price'])), 1), 'read_csv price');
		expectSame(value(frameColumns(frame, ['area', 'price'])), 'read_csv two columns');
		expect(frame.rows.map((r) => r[0])).toEqual(expected['read_csv city']);
	});

	it('says which column is not numeric and which columns exist', () => {
		expect(errorText(frameColumns(frame, ['city']))).toBe("column 'city' is not numeric: 'Seoul, KR' at line 2");
		expect(errorText(frameColumns(frame, ['rooms']))).toBe("the CSV file has no column 'rooms' (its columns: city, area, price)");
	});

	it('refuses a row with more fields than the header', () => {
		expect(errorText(readCsvFrame('a,b\n1,2\n3,4,5\n'))).toBe('line 3 has 3 fields, the header 2');
	});
});

describe('np.load of .npy', () => {
	for (const name of ['matrix', 'float32', 'int64', 'fortran', 'bool', 'bigendian', 'cube']) {
		it(`reads ${name}.npy as numpy does`, () => {
			expectSame(value(readNpy(bytes(`${name}.npy`))), `npy ${name}`);
		});
	}

	it('refuses object arrays and files that are not .npy', () => {
		expect(errorText(readNpy(bytes('objects.npy')))).toBe("the .npy array has dtype '|O'; only numbers and booleans can be read");
		expect(errorText(readNpy(bytes('houses.csv')))).toBe('the file is not a .npy array (no NUMPY header)');
		expect(errorText(readNpy(bytes('matrix.npy').subarray(0, 140)))).toBe('the .npy file is shorter than its header says');
	});
});

describe('JSON data', () => {
	it('reads nested number arrays with their shape', () => {
		const data = value(readJsonData(text('points.json')));
		const field = (name: string): JsonData => (data as JsonRecord).fields.get(name)!;
		expectSame(value(numericArray(field('xs'))), 'json xs');
		expectSame(value(numericArray(field('ys'))), 'json ys');
	});

	it('keeps prototype keys as plain fields', () => {
		const data = value(readJsonData('{"__proto__": [1], "constructor": 2}')) as JsonRecord;
		expect([...data.fields.keys()]).toEqual(['__proto__', 'constructor']);
		expect(data.fields.get('constructor')).toBe(2);
	});

	it('places a syntax error and refuses ragged arrays and deep nesting', () => {
		expect(errorText(readJsonData('{\n  "a": [1, 2,]\n}'))).toBe("the JSON file is malformed: unexpected ']' (line 2, column 14)");
		expect(errorText(numericArray(value(readJsonData('[[1, 2], [3]]'))))).toBe('the JSON array is ragged: element 1 has shape [1], element 0 [2]');
		expect(errorText(readJsonData('['.repeat(100) + ']'.repeat(100)))).toBe('the JSON file is malformed: the file nests deeper than 64 levels (line 1, column 65)');
		expect(errorText(readJsonData('{"a": 1} x'))).toBe('the JSON file is malformed: unexpected text after the JSON value (line 1, column 10)');
		expect(value(readJsonData('{"s": "a\\u0041\\n", "e": -1.5e+2, "t": [true, false, null]}'))).toEqual({ kind: 'record', fields: new Map<string, JsonData>([['s', 'aA\n'], ['e', -150], ['t', [true, false, null]]]) });
	});
});
