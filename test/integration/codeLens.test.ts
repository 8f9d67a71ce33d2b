// CodeLens above each loss: Step through, Check gradient and the value at the start point; their commands run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { downhill, exampleUri } from './helpers';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
	return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
}

suite('CodeLens', () => {
	suiteSetup(downhill);

	test('quadratic.ts: three lenses above loss()', async () => {
		const uri = exampleUri('quadratic.ts');
		await vscode.workspace.openTextDocument(uri);
		const list = (await lenses(uri)).filter((lens) => lens.command?.title);
		assert.deepEqual(
			list.map((lens) => lens.command!.title),
			['▶ Step through', 'Check gradient', 'L(start) = 17'],
		);
		assert.ok(
			list.every((lens) => lens.range.start.line === 1),
			'the lenses sit on the function line',
		);
		assert.equal(list[0]!.command!.command, 'downhill.start');
		const at = { line: 2, column: 1 };
		assert.deepEqual(list[0]!.command!.arguments, [{ uri: uri.toString(), name: 'loss', at, openPanel: true }]);
		const check = await vscode.commands.executeCommand<{ ok: boolean }>(
			list[1]!.command!.command,
			...list[1]!.command!.arguments!,
		);
		assert.equal(check.ok, true);
	});

	test('study-note.md: a lens on each formula, none on the update rule', async () => {
		const uri = exampleUri('study-note.md');
		await vscode.workspace.openTextDocument(uri);
		const titles = (await lenses(uri)).filter((lens) => lens.command?.title === '▶ Step through');
		const names = titles.map((lens) => (lens.command!.arguments![0] as { name: string }).name);
		assert.deepEqual(names, ['y', 'f', 'g']);
	});
});
