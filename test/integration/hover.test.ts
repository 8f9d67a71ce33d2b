// Hovers over a loss's name (value, gradient, its norm and source) and over a parameter (its partial derivative), at
// the start point and at a live session's current point.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { downhill, exampleUri, hoverText, openExample } from './helpers';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
	return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

suite('Hover', () => {
	let uri: vscode.Uri;
	let namePosition: vscode.Position;
	let paramPosition: vscode.Position;

	suiteSetup(async () => {
		await downhill();
		const editor = await openExample('quadratic.ts');
		uri = editor.document.uri;
		const text = editor.document.getText();
		namePosition = editor.document.positionAt(text.indexOf('loss(') + 1);
		paramPosition = editor.document.positionAt(text.indexOf('(x - 1)', text.indexOf('return')) + 1);
	});

	test('over the loss name at the start point: value, gradient, norm and source', async () => {
		for (const controller of (await downhill()).sessions.all)
			if (controller.origin.uri === uri.toString()) controller.dispose();
		const text = await hoverAt(uri, namePosition);
		assert.match(text, /at the start point \(5\)/);
		assert.match(text, /\| L \| 17 \|/);
		assert.match(text, /\| ∇L \| \(8\) \|/);
		assert.match(text, /\| ‖∇L‖ \| 8 \|/);
		assert.match(text, /Gradient: autodiff \(numeric: \(8\)\)/);
		assert.doesNotMatch(text, /disagrees/);
	});

	test('over a parameter: its partial derivative', async () => {
		const text = await hoverAt(uri, paramPosition);
		assert.match(text, /∂loss\/∂x = \*\*8\*\* \(x = 5\)/);
	});

	test('with a live session: at its current point', async () => {
		await vscode.commands.executeCommand('downhill.start', {
			uri: exampleUri('quadratic.ts').toString(),
			openPanel: false,
		});
		await vscode.commands.executeCommand('downhill.setLearningRate', 0.1);
		await vscode.commands.executeCommand('downhill.step');
		const text = await hoverAt(uri, namePosition);
		assert.match(text, /at step 1 of the live session, \(4\.2\)/);
		assert.match(text, /\| L \| 11\.24 \|/);
		assert.match(await hoverAt(uri, paramPosition), /∂loss\/∂x = \*\*6\.4\*\*/);
	});

	test('warns when autodiff and finite differences disagree', async () => {
		// A ReLU-like kink at 0: autodiff takes the right branch (slope 1), central differences average both (0.5).
		const content = 'export function loss(x = 0) {\n\treturn x < 0 ? 0 : x;\n}\n';
		const document = await vscode.workspace.openTextDocument({ language: 'typescript', content });
		const text = await hoverAt(document.uri, document.positionAt(content.indexOf('loss') + 1));
		assert.match(text, /\$\(warning\) The gradient check disagrees: relative error 0\.5 at x \(autodiff 1, numeric 0\.5\)/);
	});
});
