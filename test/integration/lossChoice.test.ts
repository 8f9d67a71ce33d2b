// Start, F5 and CodeLens work on the function the user means (under the cursor, else `loss`, else the only one), and
// when it does not compile they show its error and start nothing: a broken `loss` next to a valid helper never
// silently starts the helper. Markdown blocks that share a name are told apart by position.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, waitFor } from './helpers';

const brokenLossAndHelper = [
	'function sigmoid(z: number) {',
	'\treturn 1 / (1 + Math.exp(-z));',
	'}',
	'',
	'export function loss(w = 0.5) {',
	'\tlet s = 0;',
	'\twhile (s < 3) s++;',
	'\treturn sigmoid(w) + s;',
	'}',
	'',
].join('\n');

const twoFs = [
	'# Two formulas called f',
	'',
	'$$f(x) = (x - 3)^2$$',
	'',
	'A stray one in prose: \\(0.3x\\), and another:',
	'',
	'$$f(x) = (x + 1)^2 + 2$$',
	'',
].join('\n');

async function open(language: string, content: string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument({ language, content });
	return vscode.window.showTextDocument(document);
}

function cursorAt(editor: vscode.TextEditor, text: string, delta = 0): void {
	const offset = editor.document.getText().indexOf(text);
	assert.ok(offset >= 0, `${text} is in the document`);
	const at = editor.document.positionAt(offset + delta);
	editor.selection = new vscode.Selection(at, at);
}

const start = (args: object = {}) =>
	vscode.commands.executeCommand<SessionSummary | undefined>('downhill.start', { openPanel: false, ...args });

suite('Choosing the loss', () => {
	suiteSetup(downhill);

	test('Start on a file whose loss is broken shows its error and starts nothing, not the helper', async () => {
		const api = await downhill();
		const editor = await open('typescript', brokenLossAndHelper);
		editor.selection = new vscode.Selection(9, 0, 9, 0);
		const before = api.sessions.all.length;
		assert.equal(await start(), undefined, 'nothing started');
		assert.equal(api.sessions.all.length, before);
		assert.ok(!api.sessions.all.some((c) => c.loss.name === 'sigmoid'), 'the helper was not started');
		const diagnostic = await waitFor('the loss error as a diagnostic', () => {
			const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'downhill');
			return found.length > 0 && found[0];
		});
		assert.match(diagnostic.message, /while loops are not supported/);
		assert.equal(diagnostic.range.start.line, 6);
	});

	test('the cursor in the helper starts the helper', async () => {
		const editor = await open('typescript', brokenLossAndHelper);
		cursorAt(editor, 'return 1 /');
		assert.equal((await start())?.name, 'sigmoid');
	});

	test('the cursor in a Markdown block, or its CodeLens, compiles that block and not the other f', async () => {
		const editor = await open('markdown', twoFs);
		cursorAt(editor, '(x + 1)^2', 2);
		const second = await start();
		assert.deepEqual([second?.name, second?.loss], ['f', 3], 'f(0) of the second block is 1 + 2');
		cursorAt(editor, '(x - 3)^2', 2);
		assert.equal((await start())?.loss, 9, 'f(0) of the first block is 9');
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
			'vscode.executeCodeLensProvider',
			editor.document.uri,
		);
		const steps = lenses.filter((lens) => lens.command?.command === 'downhill.start');
		assert.equal(steps.length, 3, 'one lens per block called f, the stray 0.3x in prose included');
		const last = steps.reduce((a, b) => (a.range.start.line > b.range.start.line ? a : b));
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const fromLens = await vscode.commands.executeCommand<SessionSummary | undefined>(
			last.command!.command,
			...(last.command!.arguments ?? []).map((a: object) => ({ ...a, openPanel: false })),
		);
		assert.equal(fromLens?.loss, 3, 'the lens above the second block starts the second block');
	});
});
