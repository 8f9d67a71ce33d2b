// Data files read in notebook cells (issue #16): examples/house-prices.ipynb loads data/house-prices.csv with
// np.loadtxt in its data cell, and the loss two cells below reads it. The worker's `dataReferences` of the loss cell
// names the files of the cells above it; read from disk relative to the notebook (as the extension and Jupyter do),
// they give the loss numpy's values: test/unit/data/fixtures/makeLossOracles.py runs the notebook's code cells
// (exampleOracles.json). A file a cell above cannot read is an error on the loss that names that cell and line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss, findDataReferences, findLosses } from '../../../src/engine/compileLoss';
import type { DataFile } from '../../../src/engine/language/data/dataFiles';
import type { CellContext } from '../../../src/engine/language/notebook/cellLayout';

interface NotebookCell {
	readonly cell_type: 'code' | 'markdown';
	readonly source: readonly string[];
}

const examples = join(__dirname, '..', '..', '..', 'examples');
const notebook = JSON.parse(readFileSync(join(examples, 'house-prices.ipynb'), 'utf8')) as { cells: NotebookCell[] };
const code = notebook.cells.flatMap((cell, index) => (cell.cell_type === 'code' ? [{ index, text: cell.source.join('') }] : []));
const oracle = (JSON.parse(readFileSync(join(__dirname, '..', 'data', 'fixtures', 'exampleOracles.json'), 'utf8')) as Record<string, {
	start: number;
	'at (1.5, 0.5)': number;
	'gradient at the start': [number, number];
}>)['house-prices.ipynb']!;

const lossCell = code.find((cell) => cell.text.includes('def loss'))!;

/** The loss cell with the code cells around it, as the extension sends it to the worker. */
function contextOf(cells: readonly { index: number; text: string }[], index: number): CellContext {
	return { index, above: cells.filter((c) => c.index < index), below: cells.filter((c) => c.index > index) };
}

/** The files `paths` name, read relative to the notebook's folder. */
function read(paths: readonly string[]): Map<string, DataFile> {
	return new Map(paths.map((path) => [path, { kind: 'text', text: readFileSync(join(examples, path), 'utf8') }] as const));
}

describe('data files in notebook cells (examples/house-prices.ipynb)', () => {
	const context = contextOf(code, lossCell.index);

	it('names the files the cells above the loss read, with their spans in those cells', () => {
		const references = findDataReferences(lossCell.text, 'python', context);
		expect(references.map((r) => r.path)).toEqual(['data/house-prices.csv', 'data/house-prices.csv']);
		// `area = np.loadtxt("data/...` on line 1 of the data cell: the string's quote is its 19th character.
		expect([references[0]!.span.line, references[0]!.span.column]).toEqual([1, 19]);
		expect(findDataReferences(lossCell.text, 'python')).toEqual([]);
	});

	it('gives the loss numpy values and gradient from the CSV', () => {
		const files = read(['data/house-prices.csv']);
		const found = findLosses(lossCell.text, 'python', context, files);
		expect(found.map((f) => (f.kind === 'loss' ? f.site.name : f.error.message))).toEqual(['loss']);
		const loss = compileLoss(lossCell.text, { language: 'python', cells: context, files });
		expect(loss.value(loss.start)).toBeCloseTo(oracle.start, 12);
		expect(loss.value([1.5, 0.5])).toBeCloseTo(oracle['at (1.5, 0.5)'], 12);
		const gradient = new Float64Array(2);
		loss.valueAndGradient(loss.start, gradient);
		expect(gradient[0]).toBeCloseTo(oracle['gradient at the start'][0], 12);
		expect(gradient[1]).toBeCloseTo(oracle['gradient at the start'][1], 12);
	});

	it('a file the data cell cannot read: an error on the loss naming that cell and line', () => {
		const files = new Map<string, DataFile>([['data/house-prices.csv', { kind: 'error', message: { template: 'the file was not found', args: [] } }]]);
		const found = findLosses(lossCell.text, 'python', context, files);
		expect(found).toHaveLength(1);
		const failed = found[0]!;
		expect(failed.kind).toBe('error');
		const dataCell = code.find((cell) => cell.text.includes('loadtxt'))!;
		if (failed.kind === 'error') expect(failed.error.message).toMatch(new RegExp(`^cell ${dataCell.index + 1}, line 1: data file 'data/house-prices.csv': the file was not found`));
	});

	it('a cell above that does not parse names no files and does not hide the others', () => {
		const broken = [{ index: 0, text: 'X = np.loadtxt("data/one.csv"' }, ...code.filter((c) => c.index > 0)];
		expect(findDataReferences(lossCell.text, 'python', contextOf(broken, lossCell.index)).map((r) => r.path)).toEqual([
			'data/house-prices.csv',
			'data/house-prices.csv',
		]);
	});
});
