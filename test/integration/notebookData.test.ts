// Data files in a notebook, in a real VS Code: examples/house-prices.ipynb (a file on disk, in the built-in notebook
// editor) reads data/house-prices.csv with np.loadtxt in its data cell, relative to the notebook. The loss cell two
// cells below shows L(start) from that CSV in its CodeLens, its hover gives the gradient, and Start runs a session on
// the same numbers. Oracle: numpy running the notebook's code cells (test/unit/data/fixtures/makeLossOracles.py,
// exampleOracles.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assertClose, downhill, exampleUri, hoverText } from './helpers';

interface NotebookOracle {
	readonly start: number;
	readonly 'gradient at the start': readonly [number, number];
}
const oracle = (
	JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'data', 'fixtures', 'exampleOracles.json'), 'utf8')) as Record<
		string,
		NotebookOracle
	>
)['house-prices.ipynb']!;

/**
 * The number of the loss cell's `L(start) = …` lens, once there is one. Until the notebook editor has made the cell's
 * text model, the command fails with "Illegal argument": that reads as no lens yet.
 */
async function lensValue(uri: vscode.Uri): Promise<number | undefined> {
	const lenses = await Promise.resolve(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)).catch(() => []);
	const title = lenses.map((lens) => lens.command?.title ?? '').find((t) => t.startsWith('L(start) = '));
	return title === undefined ? undefined : Number(title.slice('L(start) = '.length));
}

/** Within the display precision of lenses and hovers (about 6 significant digits). */
function near(value: number | undefined, expected: number): boolean {
	return value !== undefined && Math.abs(value - expected) <= 1e-5 * Math.max(1, Math.abs(expected));
}

/** Every number written in `text` (a minus sign may be U+2212). */
function numbersIn(text: string): number[] {
	return [...text.replace(/\u2212/g, '-').matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) => Number(m[0]));
}

suite('Data files in a notebook', () => {
	let notebook: vscode.NotebookDocument;
	let lossCell: vscode.TextDocument;

	suiteSetup(async () => {
		await downhill();
		notebook = await vscode.workspace.openNotebookDocument(exampleUri('house-prices.ipynb'));
		const editor = await vscode.window.showNotebookDocument(notebook);
		const cell = notebook.getCells().find((c) => c.document.getText().includes('def loss'))!;
		lossCell = cell.document;
		// The notebook editor makes a cell's text model (which CodeLens and hover read) only once the cell is drawn.
		editor.revealRange(new vscode.NotebookRange(cell.index, cell.index + 1), vscode.NotebookEditorRevealType.InCenter);
	});

	suiteTeardown(async () => {
		await vscode.window.showNotebookDocument(notebook);
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	});

	test('the loss cell: L(start) from the CSV the data cell loads, as numpy gives it', async function () {
		this.timeout(60_000);
		let value: number | undefined;
		for (const deadline = Date.now() + 50_000; Date.now() < deadline && !near(value, oracle.start); ) {
			value = await lensValue(lossCell.uri);
			if (!near(value, oracle.start)) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		assert.ok(near(value, oracle.start), `L(start) ${value}, numpy ${oracle.start}`);
		assert.deepEqual(vscode.languages.getDiagnostics(lossCell.uri), [], 'no diagnostics on the loss cell');
	});

	test('the hover over the loss shows the gradient numpy gives', async function () {
		this.timeout(40_000);
		const [dw, db] = oracle['gradient at the start'];
		const shows = (text: string, expected: number) => numbersIn(text).some((n) => near(n, expected));
		let text = '';
		for (const deadline = Date.now() + 30_000; Date.now() < deadline && !(shows(text, dw) && shows(text, db)); ) {
			const hovers = await Promise.resolve(
				vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', lossCell.uri, new vscode.Position(0, 6)),
			).catch(() => []);
			text = hoverText(hovers);
			if (!(shows(text, dw) && shows(text, db))) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		assert.ok(shows(text, dw) && shows(text, db), `the hover shows ∂L/∂w ${dw} and ∂L/∂b ${db}: ${text}`);
	});

	test('Start in the loss cell: the session starts at the CSV loss and its gradient', async () => {
		const api = await downhill();
		const controller = api.sessions.start(lossCell, { name: 'loss' });
		try {
			const snapshot = controller.session.snapshot();
			assertClose(snapshot.loss, oracle.start, 'L(start)', 1e-12);
			assertClose(snapshot.gradient[0]!, oracle['gradient at the start'][0], '∂L/∂w', 1e-12);
			assertClose(snapshot.gradient[1]!, oracle['gradient at the start'][1], '∂L/∂b', 1e-12);
		} finally {
			controller.dispose();
		}
	});
});
