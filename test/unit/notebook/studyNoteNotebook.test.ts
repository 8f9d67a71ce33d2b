// examples/study-note.ipynb as the extension reads it: each cell with the cells of its kind above it. The loss cell
// uses the data and the helper of earlier code cells; a Markdown formula uses a function an earlier Markdown cell
// defines. Values by hand: mean(y²) = (1.1² + 1.9² + 3.2² + 3.8² + 5.1²) / 5 = 55.51 / 5 at w = b = 0, and
// y = h(0) + 1 = (0 - 1)² + 1 = 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss, findLosses } from '../../../src/engine/compileLoss';
import type { CellContext } from '../../../src/engine/language/notebook/cellLayout';

interface NotebookCell {
	readonly cell_type: 'code' | 'markdown';
	readonly source: readonly string[];
}

const notebook = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'study-note.ipynb'), 'utf8')) as { cells: NotebookCell[] };
const cells = notebook.cells.map((cell, index) => ({ index, kind: cell.cell_type, text: cell.source.join('') }));

/** Cell `index` with the cells of its kind around it, as the extension sends it to the worker. */
function contextOf(index: number): CellContext {
	const kind = cells[index]!.kind;
	const same = cells.filter((cell) => cell.kind === kind).map(({ index, text }) => ({ index, text }));
	return { index, above: same.filter((cell) => cell.index < index), below: same.filter((cell) => cell.index > index) };
}

function sitesOf(index: number): string[] {
	return findLosses(cells[index]!.text, cells[index]!.kind === 'code' ? 'python' : 'markdown', contextOf(index)).map((f) =>
		f.kind === 'loss' ? f.site.name : `error: ${f.error.message}`,
	);
}

describe('examples/study-note.ipynb', () => {
	const lossCell = cells.findIndex((cell) => cell.kind === 'code' && cell.text.includes('def loss'));

	it('keeps the data, the helper and the loss in separate code cells', () => {
		const data = cells.findIndex((cell) => cell.text.includes('np.array'));
		const helper = cells.findIndex((cell) => cell.text.includes('def predict'));
		expect([data < helper, helper < lossCell]).toEqual([true, true]);
		expect(sitesOf(data)).toEqual([]);
	});

	it('reads the loss cell with the cells above it', () => {
		expect(sitesOf(lossCell)).toEqual(['loss']);
		const loss = compileLoss(cells[lossCell]!.text, { language: 'python', cells: contextOf(lossCell) });
		expect(loss.value(loss.start)).toBeCloseTo(55.51 / 5, 12);
	});

	it('skips the plotting cell: it lists nothing and breaks nothing below', () => {
		const plotting = cells.findIndex((cell) => cell.text.includes('plt.show()'));
		expect(plotting).toBeGreaterThan(lossCell);
		expect(sitesOf(plotting)).toEqual([]);
	});

	it('lets a Markdown formula use a function an earlier Markdown cell defines', () => {
		const later = cells.findIndex((cell) => cell.kind === 'markdown' && cell.text.includes('y = h(x) + 1'));
		expect(sitesOf(later)).toEqual(['y']);
		const loss = compileLoss(cells[later]!.text, { language: 'markdown', name: 'y', cells: contextOf(later) });
		expect(loss.value([0])).toBeCloseTo(2, 15);
	});
});
