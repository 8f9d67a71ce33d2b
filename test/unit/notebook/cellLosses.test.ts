// A notebook cell's loss reads the cells above it as its module scope: the composition, the position mapping back
// to each cell, and the errors that name another cell. Values are hand-derived.
import { describe, expect, it } from 'vitest';
import { compileLoss, findLosses } from '../../../src/engine/compileLoss';
import { isLossSyntaxError, type LossSyntaxError } from '../../../src/engine/errors';
import { cellAt, composeCells, type CellContext, type CellText } from '../../../src/engine/language/notebook/cellLayout';

/** The context of cell `index` in a notebook of Python code cells `cells` (0-based). */
function contextOf(cells: readonly string[], index: number): CellContext {
	const all: CellText[] = cells.map((text, i) => ({ index: i, text }));
	return { index, above: all.slice(0, index), below: all.slice(index + 1) };
}

function errorOf(run: () => unknown): LossSyntaxError {
	const caught = (() => {
		try {
			return run();
		} catch (error) {
			return error;
		}
	})();
	expect(isLossSyntaxError(caught), String(caught)).toBe(true);
	return caught as LossSyntaxError;
}

const notebook = [
	'import numpy as np',
	'X = np.array([1.0, 2.0, 3.0])\ny = np.array([2.0, 4.0, 7.0])',
	'def predict(w, b):\n    return w * X + b',
	'import matplotlib.pyplot as plt\nplt.plot(X, y)\nprint(X)',
	'\n# the loss\ndef loss(w=1.0, b=0.0):\n    r = predict(w, b) - y\n    return np.mean(r ** 2)',
];

describe('composeCells', () => {
	it('joins cells with a blank line and maps each line back to its cell', () => {
		const { text, layout } = composeCells([
			{ index: 0, text: 'a = 1' },
			{ index: 2, text: 'b = 2\nc = 3' },
			{ index: 5, text: 'd' },
		]);
		expect(text).toBe('a = 1\n\nb = 2\nc = 3\n\nd');
		expect(layout.map((s) => [s.index, s.firstLine, s.lineCount])).toEqual([[0, 1, 1], [2, 3, 2], [5, 6, 1]]);
		expect(cellAt(layout, 4)).toEqual({ segment: layout[1], line: 2 });
		expect(cellAt(layout, 6)).toEqual({ segment: layout[2], line: 1 });
	});
});

describe('a loss in a notebook cell', () => {
	const context = contextOf(notebook, 4);

	it('sees data and helpers of the cells above, skipping a plotting cell it does not use', () => {
		const loss = compileLoss(notebook[4]!, { language: 'python', cells: context });
		// w = 1, b = 0: residuals 1-2, 2-4, 3-7 = -1, -2, -4; mean of squares (1 + 4 + 16) / 3 = 7.
		expect(loss.value(loss.start)).toBeCloseTo(7, 12);
		const gradient = new Float64Array(2);
		loss.valueAndGradient(loss.start, gradient);
		// dL/dw = 2/3 Σ r·x = 2/3 (-1 - 4 - 12) = -34/3; dL/db = 2/3 Σ r = -14/3.
		expect(gradient[0]).toBeCloseTo(-34 / 3, 12);
		expect(gradient[1]).toBeCloseTo(-14 / 3, 12);
	});

	it('lists only the cell own losses, in the cell own lines and columns', () => {
		const found = findLosses(notebook[4]!, 'python', context);
		expect(found.map((f) => f.kind)).toEqual(['loss']);
		const site = found[0]!.kind === 'loss' ? found[0]!.site : undefined;
		expect(site?.name).toBe('loss');
		expect(site?.nameSpan).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 9 });
		expect(site?.span.line).toBe(3);
		expect(site?.span.endLine).toBe(5);
	});

	it('records the layout, so session lines map to the cell', () => {
		const loss = compileLoss(notebook[4]!, { language: 'python', cells: context });
		const where = cellAt(loss.cells!, loss.site.nameSpan.line);
		expect(where.segment.index).toBe(4);
		expect(where.line).toBe(3);
	});

	it('picks among the cell own losses by the cursor', () => {
		const cell = 'def loss(w=2.0):\n    return (w - 1) ** 2\n\ndef other(w=0.0):\n    return w ** 2 + 1';
		const loss = compileLoss(cell, { language: 'python', cells: contextOf([...notebook.slice(0, 4), cell], 4), at: { line: 5, column: 5 } });
		expect(loss.name).toBe('other');
		expect(loss.value(loss.start)).toBe(1);
	});

	it('does not see the cells below it, and says where the name is defined', () => {
		const cells = ['import numpy as np', 'def loss(w=1.0):\n    return np.sum((w * X - 1) ** 2)', 'X = np.array([1.0, 2.0])'];
		const error = errorOf(() => compileLoss(cells[1]!, { language: 'python', cells: contextOf(cells, 1) }));
		expect(error.message).toBe("'X' is defined only in cell 3 (line 1), below this one; a loss sees the cells above it");
		expect(error.span).toEqual({ line: 2, column: 24, endLine: 2, endColumn: 25 });
		const listed = findLosses(cells[1]!, 'python', contextOf(cells, 1));
		expect(listed[0]?.kind === 'error' && listed[0].error.span.line).toBe(2);
	});

	it('names the unreadable cell and its line when the loss uses a name only that cell defines', () => {
		const cells = ['import numpy as np\nw0 = 1.0', 'for epoch in range(3):\n    w0 = w0 - 0.1', 'def loss(w=1.0):\n    return (w - w0) ** 2'];
		const error = errorOf(() => compileLoss(cells[2]!, { language: 'python', cells: contextOf(cells, 2) }));
		expect(error.message).toMatch(/^cell 2, line 1: 'w0' is assigned inside a for loop at module level \(line 1\)/);
		expect(error.span.line).toBe(1);
	});

	it('leaves out a cell above that does not parse, and IPython magics', () => {
		const cells = ['%matplotlib inline\nimport numpy as np\n!pip install numpy', 'def broken(:\n    pass', 'a = 3.0', 'def loss(w=0.0):\n    return np.square(w - a)'];
		const loss = compileLoss(cells[3]!, { language: 'python', cells: contextOf(cells, 3) });
		expect(loss.value(loss.start)).toBe(9);
		const uses = 'def loss(w=0.0):\n    return broken(w)';
		const error = errorOf(() => compileLoss(uses, { language: 'python', cells: contextOf([...cells.slice(0, 3), uses], 3) }));
		expect(error.message).toMatch(/^unknown name 'broken': cell 2 mentions it \(line 1\) but Downhill cannot read that cell/);
		expect(error.span.line).toBe(2);
	});

	it('maps a syntax error of its own cell to where the cell alone reports it', () => {
		const cell = 'x = 1\ndef loss(w:\n    return w';
		const alone = errorOf(() => findLosses(cell, 'python'));
		const error = errorOf(() => findLosses(cell, 'python', contextOf([...notebook.slice(0, 4), cell], 4)));
		expect(error.span).toEqual(alone.span);
		expect(error.message).toBe(alone.message);
	});
});

describe('Markdown cells', () => {
	it('see the definitions of earlier Markdown cells', () => {
		const cells = ['Let $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$', 'Some prose.', 'The loss:\n\n$$L(w) = (\\sigma(w) - 1)^2$$'];
		const context = contextOf(cells, 2);
		const found = findLosses(cells[2]!, 'markdown', context);
		const sites = found.flatMap((f) => (f.kind === 'loss' ? [f.site] : []));
		expect(sites.map((s) => [s.name, s.span.line])).toEqual([['L', 3]]);
		const loss = compileLoss(cells[2]!, { language: 'markdown', name: 'L', at: { line: 3, column: 3 }, cells: context });
		// σ(0) = 1/2, so L(0) = 1/4.
		expect(loss.value([0])).toBeCloseTo(0.25, 15);
	});
});
