// CodeLens above each loss: Step through, Check gradient and the value at the start point (filled in when the engine's
// worker answers, or saying it ran past its budget); their commands run. A file over the size limit gets one lens
// saying it was skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { downhill, exampleUri } from './helpers';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
	return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
}

/** The lens titles of `uri` once none of them is pending any more (`L(start) …`). */
async function settledTitles(uri: vscode.Uri, timeout = 10000): Promise<string[]> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const titles = (await lenses(uri)).flatMap((lens) => (lens.command?.title ? [lens.command.title] : []));
		if (!titles.includes('L(start) …') || Date.now() > deadline) return titles;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The lines of the `▶ Step through` lenses of `uri` once `ready` holds (or after 10 s, as they are then). */
async function stepThroughLines(uri: vscode.Uri, ready: (lines: number[]) => boolean): Promise<number[]> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const lines = (await lenses(uri)).filter((l) => l.command?.title === '▶ Step through').map((l) => l.range.start.line);
		if (ready(lines) || Date.now() > deadline) return lines;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

suite('CodeLens', () => {
	suiteSetup(downhill);

	test('quadratic.ts: three lenses above loss()', async () => {
		const uri = exampleUri('quadratic.ts');
		await vscode.workspace.openTextDocument(uri);
		await settledTitles(uri);
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

	test('a loss whose L(start) runs past its 2 s budget: the lens says so, and the other loss still gets its value', async () => {
		const content = [
			'function loss(x = 1) {',
			'\tlet s = 0;',
			'\tfor (let i = 0; i < 1e4; i++) for (let j = 0; j < 1e4; j++) s += x * Math.sin(i * j);',
			'\treturn s;',
			'}',
			'function cost(y = 3) {',
			'\treturn y * y;',
			'}',
			'',
		].join('\n');
		const document = await vscode.workspace.openTextDocument({ language: 'javascript', content });
		const titles = await settledTitles(document.uri, 20000);
		assert.deepEqual(titles, [
			'▶ Step through',
			'Check gradient',
			'L(start) took longer than 2 s; not shown',
			'▶ Step through',
			'Check gradient',
			'L(start) = 9',
		]);
	});

	test('a file over 1 MB is not analysed: one lens says so and starts it on request', async () => {
		const content = `function loss(x = 2) { return x * x; }\nconst data = [${'1, '.repeat(400_000)}1];\n`;
		const document = await vscode.workspace.openTextDocument({ language: 'javascript', content });
		const [lens, ...others] = (await lenses(document.uri)).filter((l) => l.command?.title);
		assert.equal(others.length, 0);
		assert.equal(lens!.command!.title, 'Downhill skipped this file (over 1 MB): ▶ Analyse and step through');
		assert.deepEqual(lens!.command!.arguments, [{ uri: document.uri.toString() }]);
	});

	test('ordinary helpers get no lenses until the user starts one; a file that mentions Downhill gets them on all', async () => {
		const utilities = [
			'export function clamp(x = 2, lo = 0, hi = 1) { return Math.min(Math.max(x, lo), hi); }',
			'export function lerp(a = 0, b = 1, t = 0.5) { return a + (b - a) * t; }',
			'export function distance(x = 3, y = 4) { return Math.sqrt(x * x + y * y); }',
			'',
		].join('\n');
		const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: utilities });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		assert.deepEqual((await lenses(document.uri)).filter((l) => l.command?.title), [], 'no lenses on clamp, lerp, distance');
		const api = await downhill();
		const editor = await vscode.window.showTextDocument(document);
		editor.selection = new vscode.Selection(2, 20, 2, 20);
		const started = await vscode.commands.executeCommand<{ name: string } | undefined>('downhill.start', { openPanel: false });
		assert.equal(started?.name, 'distance', 'the start command still works on the function under the cursor');
		assert.deepEqual(await stepThroughLines(document.uri, (lines) => lines.length > 0), [2], 'only distance, the one the user started');
		for (const c of [...api.sessions.all]) if (c.origin.uri === document.uri.toString()) c.dispose();
		const mentioned = await vscode.workspace.openTextDocument({ language: 'typescript', content: `// Step through these in Downhill.\n${utilities}` });
		assert.deepEqual(await stepThroughLines(mentioned.uri, (lines) => lines.length === 3), [1, 2, 3]);
	});
});
