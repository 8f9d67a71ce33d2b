// How Downhill: Start picks the loss from the editor: a selection (math on its own, or a function whose name it
// holds), the loss under the cursor, or a QuickPick when several are possible.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, openExample } from './helpers';

async function select(editor: vscode.TextEditor, text: string, from = 0): Promise<void> {
	const offset = editor.document.getText().indexOf(text, from);
	assert.ok(offset >= 0, `${text} is in ${editor.document.fileName}`);
	editor.selection = new vscode.Selection(
		editor.document.positionAt(offset),
		editor.document.positionAt(offset + text.length),
	);
}

const start = () => vscode.commands.executeCommand<SessionSummary | undefined>('downhill.start', { openPanel: false });

suite('Start command', () => {
	suiteSetup(downhill);

	test('a formula selected in a note is compiled as math', async () => {
		const editor = await openExample('study-note.md');
		await select(editor, 'f(x, y) = x^2 + 10 y^2');
		const summary = await start();
		assert.deepEqual([summary?.name, summary?.params, summary?.loss], ['f', ['x', 'y'], 0]);
		const origin = (await downhill()).sessions.active!.origin;
		assert.ok(origin.selection, 'the session remembers its selection');
		assert.equal(origin.line, editor.selection.start.line + 1);
	});

	test('a selection holding a function name starts that function, data and helpers included', async () => {
		const editor = await openExample('logistic-regression.ts');
		await select(editor, 'loss', editor.document.getText().indexOf('function loss'));
		const summary = await start();
		assert.deepEqual([summary?.name, summary?.params], ['loss', ['w', 'b']]);
		assert.ok(Math.abs(summary!.loss - Math.log(2)) < 1e-12, 'cross-entropy at w = b = 0 is ln 2');
	});

	test('an expression selected in a code comment is compiled as math', async () => {
		const editor = await openExample('quadratic.ts');
		await select(editor, 'y = (x - 1)^2 + 1');
		const summary = await start();
		assert.deepEqual([summary?.name, summary?.params, summary?.loss], ['y', ['x'], 2]);
	});

	test('the loss under the cursor wins; several without one ask with a QuickPick', async () => {
		const editor = await openExample('study-note.md');
		const offset = editor.document.getText().indexOf('g(x) = ');
		editor.selection = new vscode.Selection(
			editor.document.positionAt(offset + 2),
			editor.document.positionAt(offset + 2),
		);
		assert.equal((await start())?.name, 'g');
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const picked = start();
		await new Promise((resolve) => setTimeout(resolve, 500));
		await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
		assert.equal((await picked)?.name, 'y', 'the first item of the QuickPick');
	});

	test('a selection that does not parse reports an error and starts nothing', async () => {
		const editor = await openExample('study-note.md');
		const before = (await downhill()).sessions.active;
		await select(editor, 'y = (x - 1)^2 +');
		assert.equal(await start(), undefined);
		assert.equal((await downhill()).sessions.active, before);
	});
});
