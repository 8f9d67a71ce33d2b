// Notebooks in a real VS Code: a Jupyter notebook (the built-in ipynb editor, no kernel) with the data in cell 2, a
// helper in cell 3, a printing cell 4 and the loss in cell 5. The loss's CodeLens, hover, Start and the debugger
// (F10, F11) work in the cell, editing cell 2 renews cell 5's CodeLens value, and a loss that uses a name only a
// later cell defines gets a positioned error. Numbers from numpy: test/integration/oracles/notebookLoss.py (.out).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertClose, downhill, hoverText, waitFor } from './helpers';

/** The panel's webview type (`DownhillPanel.viewType`); a tab's `viewType` carries it after a prefix. */
const DownhillPanelType = 'downhill.panel';

const cells = [
	'import numpy as np',
	'X = np.array([1.0, 2.0, 3.0, 4.0])\ny = np.array([3.0, 5.0, 7.0, 10.0])',
	'def predict(w, b, x):\n    return w * x + b',
	'print(X.shape)',
	'# the loss\ndef loss(w=1.0, b=0.0):\n    total = 0.0\n    for i in range(4):\n        total = total + (predict(w, b, X[i]) - y[i]) ** 2\n    return total / 4',
	'def cost(w=1.0):\n    return np.sum((w * Z) ** 2)',
	'Z = np.array([1.0, 2.0])',
];

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
	const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
	return lenses.flatMap((lens) => (lens.command?.title ? [lens.command.title] : []));
}

/** Polls until `uri` has a lens titled `title` (the worker answers asynchronously). */
async function waitForLens(uri: vscode.Uri, title: string, timeout = 30_000): Promise<void> {
	const deadline = Date.now() + timeout;
	let titles: string[] = [];
	while (Date.now() < deadline) {
		titles = await lensTitles(uri);
		if (titles.includes(title)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	assert.fail(`no lens '${title}' on ${uri.toString()}; saw ${JSON.stringify(titles)}`);
}

/** Each `stopped` event of the Downhill adapter, in order. */
function recordStops(): { reasons: string[]; dispose(): void } {
	const reasons: string[] = [];
	const registration = vscode.debug.registerDebugAdapterTrackerFactory('downhill', {
		createDebugAdapterTracker: () => ({
			onDidSendMessage: (message: { type?: string; event?: string; body?: { reason?: string } }) => {
				if (message.type === 'event' && message.event === 'stopped') reasons.push(message.body?.reason ?? '');
			},
		}),
	});
	return { reasons, dispose: () => registration.dispose() };
}

interface Frame {
	readonly name: string;
	readonly line: number;
	readonly source?: { readonly path?: string };
}

async function frames(session: vscode.DebugSession): Promise<Frame[]> {
	return (await session.customRequest('stackTrace', { threadId: 1 })).stackFrames;
}

async function parameters(session: vscode.DebugSession): Promise<Record<string, string>> {
	const [top] = await frames(session);
	const { scopes } = await session.customRequest('scopes', { frameId: (top as unknown as { id: number }).id });
	const scope = scopes.find((s: { name: string }) => s.name === 'Parameters');
	const { variables } = await session.customRequest('variables', { variablesReference: scope.variablesReference });
	return Object.fromEntries(variables.map((v: { name: string; value: string }) => [v.name, v.value]));
}

suite('Notebooks', () => {
	let notebook: vscode.NotebookDocument;
	const cell = (i: number) => notebook.cellAt(i).document;

	suiteSetup(async () => {
		await downhill();
		const data = new vscode.NotebookData(cells.map((text) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, text, 'python')));
		notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
		await vscode.window.showNotebookDocument(notebook);
	});

	suiteTeardown(async () => {
		if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging(vscode.debug.activeDebugSession);
		// The untitled notebook is dirty: revert it as it closes, so no save dialog waits.
		await vscode.window.showNotebookDocument(notebook);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('cell 5: CodeLens with L(start) from the data of cell 2 and the helper of cell 3', async () => {
		await waitForLens(cell(4).uri, 'L(start) = 16.25');
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cell(4).uri, 10);
		assert.ok(lenses.every((lens) => lens.range.start.line === 1), 'the lenses sit on the def line of cell 5');
	});

	test('cell 5: hover over the loss shows its value and gradient', async () => {
		let text = '';
		for (const deadline = Date.now() + 20_000; Date.now() < deadline && !text.includes('16.25'); ) {
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cell(4).uri, new vscode.Position(1, 6));
			text = hoverText(hovers);
			if (!text.includes('16.25')) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		assert.match(text, /16\.25/);
		assert.match(text, /-22\b/);
		assert.match(text, /-7\.5\b/);
	});

	test('a loss using a name only a later cell defines: a diagnostic on its use, naming that cell', async () => {
		const diagnostics = await waitFor('the diagnostic of cell 6', () => {
			const list = vscode.languages.getDiagnostics(cell(5).uri);
			return list.length > 0 && list;
		}, 30_000);
		assert.equal(diagnostics.length, 1);
		assert.equal(diagnostics[0]!.message, "'Z' is defined only in cell 7 (line 1), below this one; a loss sees the cells above it");
		assert.deepEqual(
			[diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character, diagnostics[0]!.range.end.character],
			[1, 23, 24],
		);
		assert.deepEqual(vscode.languages.getDiagnostics(cell(4).uri), []);
	});

	test('Downhill: Start with the cursor in cell 5 starts its loss, and the panel opens', async () => {
		const editor = await vscode.window.showTextDocument(cell(4), { viewColumn: vscode.ViewColumn.One });
		editor.selection = new vscode.Selection(3, 8, 3, 8);
		await vscode.commands.executeCommand('downhill.start');
		const api = await downhill();
		const controller = await waitFor('the session of cell 5', () => api.sessions.controllerFor(cell(4).uri.toString()), 20_000);
		assert.equal(controller.loss.name, 'loss');
		assert.equal(controller.origin.line, 2);
		assertClose(controller.session.snapshot().loss, 16.25, 'L(start)');
		assert.ok(api.panel, 'the panel is open');
		const columnOf = (match: (input: unknown) => boolean) => vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => match(t.input)))?.viewColumn;
		const notebookColumn = columnOf((input) => input instanceof vscode.TabInputNotebook && input.uri.toString() === notebook.uri.toString());
		const isPanel = (input: unknown) => input instanceof vscode.TabInputWebview && input.viewType.endsWith(DownhillPanelType);
		const panelColumn = await waitFor('the panel tab', () => columnOf(isPanel), 10_000);
		// Where earlier suites left the panel decides its column in the full run; the notebook and the panel are both open.
		assert.ok(notebookColumn !== undefined && panelColumn !== undefined, `notebook in ${notebookColumn}, panel in ${panelColumn}`);
	});

	test('F5 on cell 5: F10 takes one SGD step, F11 walks the cell lines and the helper in cell 3', async function () {
		this.timeout(120_000);
		const stops = recordStops();
		try {
			const config = { type: 'downhill', request: 'launch', name: 'cell 5', program: cell(4).uri.toString(), function: 'loss', optimizer: 'sgd', lr: 0.01 };
			assert.equal(await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], config), true);
			await waitFor('the entry stop', () => stops.reasons.length >= 1, 20_000);
			const session = vscode.debug.activeDebugSession!;
			const [entry] = await frames(session);
			assert.deepEqual([entry!.line, entry!.source?.path], [2, cell(4).uri.toString()]);

			await vscode.commands.executeCommand('workbench.action.debug.stepOver');
			await waitFor('the step', () => stops.reasons.length >= 2, 20_000);
			const after = await parameters(session);
			assertClose(Number(after['w']), 1.22, 'w after one step', 1e-9);
			assertClose(Number(after['b']), 0.075, 'b after one step', 1e-9);

			const seen: { line: number; path: string | undefined }[] = [];
			for (let i = 0; i < 8; i++) {
				await vscode.commands.executeCommand('workbench.action.debug.stepInto');
				await waitFor(`step-into stop ${i + 1}`, () => stops.reasons.length >= 3 + i, 20_000);
				const [top] = await frames(session);
				seen.push({ line: top!.line, path: top!.source?.path });
			}
			const inCell5 = seen.filter((f) => f.path === cell(4).uri.toString()).map((f) => f.line);
			const inCell3 = seen.filter((f) => f.path === cell(2).uri.toString()).map((f) => f.line);
			assert.ok(inCell5.length > 0 && inCell5.every((line) => line >= 2 && line <= 6), `cell 5 lines: ${JSON.stringify(seen)}`);
			assert.ok(inCell3.length > 0 && inCell3.every((line) => line === 2), `the helper's line in cell 3: ${JSON.stringify(seen)}`);
			assert.ok(seen.every((f) => f.path === cell(4).uri.toString() || f.path === cell(2).uri.toString()), JSON.stringify(seen));
		} finally {
			stops.dispose();
			if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging(vscode.debug.activeDebugSession);
		}
	});

	test('editing cell 2 renews the CodeLens value of cell 5', async () => {
		const edit = new vscode.WorkspaceEdit();
		const data = cell(1);
		edit.replace(data.uri, data.lineAt(0).range, 'X = np.array([1.0, 2.0, 3.0, 5.0])');
		assert.equal(await vscode.workspace.applyEdit(edit), true);
		await waitForLens(cell(4).uri, 'L(start) = 13.5');
	});
});
