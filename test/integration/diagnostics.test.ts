// Parse errors become diagnostics with the exact range of the offending construct, only for candidates that read
// as losses, and disappear once the user fixes the code (after the ~300 ms re-parse delay).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { downhill, waitFor } from './helpers';

const broken = [
	'export function loss(x = 1) {',
	'\tlet s = 0;',
	'\twhile (s < 3) s++;',
	'\treturn x ** 2 + s;',
	'}',
	'',
	'export function helper(a = 1) {',
	'\twhile (a < 3) a++;',
	'\treturn a;',
	'}',
	'',
].join('\n');

function downhillDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'downhill');
}

suite('Diagnostics', () => {
	suiteSetup(downhill);

	test('a broken loss gets one diagnostic on its while loop, and fixing it clears it', async () => {
		const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: broken });
		const editor = await vscode.window.showTextDocument(document);
		const [diagnostic, ...others] = await waitFor('a diagnostic', () => {
			const found = downhillDiagnostics(document.uri);
			return found.length > 0 && found;
		});
		assert.equal(others.length, 0, 'helper() is not named like a loss, so its error is not reported');
		assert.match(diagnostic!.message, /while loops are not supported/);
		assert.deepEqual(
			[
				diagnostic!.range.start.line,
				diagnostic!.range.start.character,
				diagnostic!.range.end.line,
				diagnostic!.range.end.character,
			],
			[2, 1, 2, '\twhile (s < 3) s++;'.length],
			'the range covers the while statement exactly',
		);
		assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);

		await editor.edit((edit) => edit.replace(new vscode.Range(2, 1, 2, 19), 'for (let i = 0; i < 3; i++) s++;'));
		await waitFor('the diagnostic to clear', () => downhillDiagnostics(document.uri).length === 0, 3000);
	});

	test('a .math file reports every error', async () => {
		const document = await vscode.workspace.openTextDocument({
			language: 'downhill-math',
			content: 'f(x) = (x - 1)^2 + \n',
		});
		await vscode.window.showTextDocument(document);
		// Untitled documents have no .math extension, but the language id marks the whole file as losses.
		const [diagnostic] = await waitFor('a diagnostic', () => {
			const found = downhillDiagnostics(document.uri);
			return found.length > 0 && found;
		});
		assert.equal(diagnostic!.range.start.line, 0);
	});
});
