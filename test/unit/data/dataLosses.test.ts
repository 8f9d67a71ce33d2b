// Losses that read data files, lowered with the files the host would hand over, against the values real numpy,
// pandas and json give for the same sources and files (fixtures/lossOracles.json, written by
// fixtures/makeLossOracles.py); the positioned errors of each failure; and the files each front end lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss, findDataReferences, findLosses, isLossSyntaxError, type DataFile, type LanguageId } from '../../../src/engine/index';
import { msg } from '../../../src/engine/message';

const dir = join(__dirname, 'fixtures');
interface Oracle {
	readonly language: LanguageId;
	readonly source: string;
	readonly points: number[][];
	readonly values: number[];
}
const oracles: Record<string, Oracle> = JSON.parse(readFileSync(join(dir, 'lossOracles.json'), 'utf8'));

/** The files a source names, read from the fixtures folder as the host reads them (bytes for `.npy`). */
function filesFor(source: string, language: LanguageId): Map<string, DataFile> {
	const files = new Map<string, DataFile>();
	for (const ref of findDataReferences(source, language)) {
		const path = join(dir, ref.path);
		files.set(ref.path, ref.binary ? { kind: 'bytes', bytes: new Uint8Array(readFileSync(path)) } : { kind: 'text', text: readFileSync(path, 'utf8') });
	}
	return files;
}

function errorOf(run: () => unknown): { message: string; span: { line: number; column: number; endColumn: number } } {
	try {
		run();
	} catch (error) {
		if (isLossSyntaxError(error)) return { message: error.message, span: error.span };
		throw error;
	}
	throw new Error('expected a LossSyntaxError');
}

describe('losses over data files, against numpy / pandas / json', () => {
	for (const [name, oracle] of Object.entries(oracles)) {
		it(name, () => {
			const loss = compileLoss(oracle.source, { language: oracle.language, files: filesFor(oracle.source, oracle.language) });
			oracle.points.forEach((point, i) => {
				expect(loss.value(point), `${name} at ${point.join(', ')}`).toBeCloseTo(oracle.values[i]!, 9);
			});
			expect(loss.start, name).toEqual(oracle.points[0]);
			const check = loss.checkGradient(oracle.points[1]!);
			expect(check.ok, `${name}: autodiff against central differences`).toBe(true);
		});
	}

	it('makes a mean over file rows a mini-batch source (one sample per row)', () => {
		const { source, language } = oracles['loadtxt columns']!;
		const loss = compileLoss(source, { language, files: filesFor(source, language) });
		expect(loss.sampleCount).toBe(3);
		// The batch of row 1 alone: (4·84 + 50 − 455.5)².
		expect(loss.value([4, 50], [1])).toBeCloseTo((4 * 84 + 50 - 455.5) ** 2, 9);
	});

	it('lists the losses of a file only with its data', () => {
		const { source, language } = oracles['json.load']!;
		expect(findLosses(source, language, undefined, filesFor(source, language)).map((f) => f.kind)).toEqual(['loss']);
		const [unread] = findLosses(source, language);
		expect(unread?.kind === 'error' && unread.error.message).toBe(
			"the data file 'points.json' was not read (data files are read by the editor or the CLI)",
		);
	});
});

describe('the files a source names', () => {
	it('lists Python paths with the span of each path string', () => {
		const source = 'import numpy as np\nimport json\nA = np.loadtxt("a.txt")\nB = np.load(\'b.npy\')\nC = json.load(open("c.json"))\ndef loss(w=1.0):\n    D = np.genfromtxt(fname="d.csv", delimiter=",")\n    return w\n';
		expect(findDataReferences(source, 'python')).toEqual([
			{ path: 'a.txt', span: { line: 3, column: 16, endLine: 3, endColumn: 23 }, binary: false },
			{ path: 'b.npy', span: { line: 4, column: 13, endLine: 4, endColumn: 20 }, binary: true },
			{ path: 'c.json', span: { line: 5, column: 20, endLine: 5, endColumn: 28 }, binary: false },
			{ path: 'd.csv', span: { line: 7, column: 29, endLine: 7, endColumn: 36 }, binary: false },
		]);
	});

	it('lists JSON imports and JSON.parse(readFileSync(...)) in scripts', () => {
		const source = 'import a from "./a.json";\nimport { b } from "./b.json";\nimport c from "./lib.js";\nexport const d = JSON.parse(readFileSync("d.json", "utf8"));\n';
		expect(findDataReferences(source, 'typescript').map((r) => [r.path, r.span.line, r.span.column])).toEqual([
			['./a.json', 1, 15],
			['d.json', 4, 42],
		]);
	});

	it('lists none for math', () => {
		expect(findDataReferences('(x - 1)^2', 'math')).toEqual([]);
	});
});

describe('positioned errors', () => {
	const python = (body: string) => `import numpy as np\nimport pandas as pd\nimport json\n${body}\ndef loss(w=1.0):\n    return w * np.sum(X)\n`;
	const text = (name: string): DataFile => ({ kind: 'text', text: readFileSync(join(dir, name), 'utf8') });
	const compile = (body: string, files: Record<string, DataFile>) => () =>
		compileLoss(python(body), { language: 'python', files: new Map(Object.entries(files)) });

	it('puts a file the host could not read at its path string', () => {
		const missing: DataFile = { kind: 'error', message: msg`the file does not exist` };
		expect(errorOf(compile('X = np.loadtxt("gone.csv")', { 'gone.csv': missing }))).toEqual({
			message: "data file 'gone.csv': the file does not exist",
			span: { line: 4, column: 16, endLine: 4, endColumn: 26 },
		});
	});

	it('reports ragged rows and words at the path string', () => {
		const ragged = errorOf(compile('X = np.loadtxt("ragged.txt")', { 'ragged.txt': text('ragged.txt') }));
		expect(ragged.message).toBe("data file 'ragged.txt': the number of columns changed from 2 to 3 at line 3");
		expect(ragged.span.column).toBe(16);
		const words = errorOf(compile('X = np.loadtxt("words.txt")', { 'words.txt': text('words.txt') }));
		expect(words.message).toBe("data file 'words.txt': could not convert 'abc' to a number at line 2, column 2");
	});

	it('reports a non-numeric column where the loss selects it', () => {
		const error = errorOf(compile('df = pd.read_csv("cities.csv")\nX = df["city"].to_numpy()', { 'cities.csv': text('cities.csv') }));
		expect(error.message).toBe("data file 'cities.csv': column 'city' is not numeric: 'Seoul, KR' at line 2");
		expect(error.span).toEqual({ line: 5, column: 8, endLine: 5, endColumn: 14 });
		const unknown = errorOf(compile('df = pd.read_csv("cities.csv")\nX = df[["area", "size"]].values', { 'cities.csv': text('cities.csv') }));
		expect(unknown.message).toBe("data file 'cities.csv': the CSV file has no column 'size' (its columns: city, area, price)");
	});

	it('reports a ragged JSON array and a malformed JSON file', () => {
		const ragged: DataFile = { kind: 'text', text: '{"X": [[1, 2], [3]]}' };
		const error = errorOf(compile('X = np.array(json.load(open("r.json"))["X"])', { 'r.json': ragged }));
		expect(error.message).toBe("'X': the JSON array is ragged: element 1 has shape [1], element 0 [2]");
		expect(error.span).toEqual({ line: 4, column: 40, endLine: 4, endColumn: 43 });
		const malformed: DataFile = { kind: 'text', text: '{"X": [1, 2,]}' };
		expect(errorOf(compile('X = json.load(open("m.json"))', { 'm.json': malformed })).message).toBe(
			"data file 'm.json': the JSON file is malformed: unexpected ']' (line 1, column 13)",
		);
	});

	it('asks for a string literal path and for open() inside json.load', () => {
		expect(errorOf(compile('name = "a.csv"\nX = np.loadtxt(name)', {})).message).toBe("the file's path must be a string literal");
		expect(errorOf(compile('f = 1\nX = json.load(f)', {})).message).toBe('json.load() reads a file opened in the call: json.load(open("data.json"))');
		expect(errorOf(compile('X = np.load("a.csv")', {})).message).toBe("np.load() reads .npy files in a loss, not 'a.csv'");
	});

	it('puts a script import of a missing file at its path string', () => {
		const source = 'import points from "./gone.json";\nexport function loss(w = 1) {\n\treturn w * points.length;\n}\n';
		const files = new Map<string, DataFile>([['./gone.json', { kind: 'error', message: msg`the file does not exist` }]]);
		expect(errorOf(() => compileLoss(source, { language: 'typescript', files }))).toEqual({
			message: "data file './gone.json': the file does not exist",
			span: { line: 1, column: 20, endLine: 1, endColumn: 33 },
		});
	});
});
