// Data from files in the real VS Code: examples/house_prices.py reads examples/data/house-prices.csv with pandas; its
// CodeLens shows L(start) as numpy computes it (test/unit/data/fixtures/exampleOracles.json, written by
// makeLossOracles.py), appending a row to the CSV on disk changes the value (the file is watched), and a session
// started before keeps the data it started with. A loss that reads a missing file gets a diagnostic on the path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assertClose, downhill, exampleUri } from './helpers';

interface HouseOracle {
	readonly start: number;
	readonly added_row: string;
	readonly 'start after the added row': number;
}
const oracles = JSON.parse(
	fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'unit', 'data', 'fixtures', 'exampleOracles.json'), 'utf8'),
) as { 'house_prices.py': HouseOracle; 'exam-results.ts': { start: number } };

/** The number of the `L(start) = …` lens of `uri` once it satisfies `ready` (or after `timeout`, as it then is). */
async function startValue(uri: vscode.Uri, ready: (value: number) => boolean, timeout = 20000): Promise<number | undefined> {
	const deadline = Date.now() + timeout;
	let value: number | undefined;
	for (;;) {
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
		const title = lenses.map((lens) => lens.command?.title ?? '').find((t) => t.startsWith('L(start) = '));
		value = title === undefined ? undefined : Number(title.slice('L(start) = '.length));
		if ((value !== undefined && ready(value)) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Within the lens's display precision (formatNumber shows about 6 significant digits). */
const near = (expected: number) => (value: number) => Math.abs(value - expected) <= 1e-5 * Math.max(1, Math.abs(expected));

suite('Data from files', () => {
	suiteSetup(downhill);

	test('house_prices.py: L(start) from the CSV, and again after the CSV changes on disk', async () => {
		const oracle = oracles['house_prices.py'];
		const uri = exampleUri('house_prices.py');
		const csv = exampleUri('data/house-prices.csv');
		const original = await vscode.workspace.fs.readFile(csv);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const before = await startValue(uri, near(oracle.start));
		assert.ok(before !== undefined && near(oracle.start)(before), `L(start) ${before}, numpy ${oracle.start}`);
		const api = await downhill();
		const controller = api.sessions.start(document, { name: 'loss' });
		const sessionValue = controller.session.snapshot().loss;
		try {
			const grown = new TextEncoder().encode(new TextDecoder().decode(original) + oracle.added_row);
			await vscode.workspace.fs.writeFile(csv, grown);
			const after = await startValue(uri, near(oracle['start after the added row']));
			assert.ok(
				after !== undefined && near(oracle['start after the added row'])(after),
				`L(start) after the change ${after}, numpy ${oracle['start after the added row']}`,
			);
			assertClose(controller.session.snapshot().loss, sessionValue, 'the running session keeps its data');
		} finally {
			await vscode.workspace.fs.writeFile(csv, original);
			controller.dispose();
		}
		const restored = await startValue(uri, near(oracle.start));
		assert.ok(restored !== undefined && near(oracle.start)(restored), 'the value follows the restored file');
	});

	test('exam-results.ts: L(start) from the imported JSON', async () => {
		const uri = exampleUri('exam-results.ts');
		await vscode.workspace.openTextDocument(uri);
		const value = await startValue(uri, near(oracles['exam-results.ts'].start));
		assert.ok(value !== undefined && near(oracles['exam-results.ts'].start)(value), `L(start) ${value}, numpy ${oracles['exam-results.ts'].start}`);
	});

	test('a missing file: a diagnostic on the path string', async () => {
		const content = 'import numpy as np\nX = np.loadtxt("data/nowhere.csv")\n\ndef loss(w=1.0):\n    return w * np.sum(X)\n';
		const uri = exampleUri('data/missing-file-loss.py');
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
		try {
			await vscode.workspace.openTextDocument(uri);
			const deadline = Date.now() + 20000;
			let diagnostics = vscode.languages.getDiagnostics(uri);
			while (diagnostics.length === 0 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				diagnostics = vscode.languages.getDiagnostics(uri);
			}
			assert.equal(diagnostics.length, 1, 'one diagnostic');
			const [d] = diagnostics;
			assert.match(d!.message, /data file 'data\/nowhere\.csv': the file was not found/);
			assert.deepEqual([d!.range.start.line, d!.range.start.character, d!.range.end.character], [1, 15, 33]);
		} finally {
			await vscode.workspace.fs.delete(uri);
		}
	});
});
