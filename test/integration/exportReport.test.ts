// Export Report in the real VS Code: a Rosenbrock session stepped 20 times with SGD at lr 0.001, exported as the
// HTML report and both SVG plots to a temporary folder (arguments instead of the QuickPick and save dialog), then
// read back; then the quadratic example's panel plot as PNG, asked of the open panel. The files are kept in
// test-results/export/ for a look in a browser.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, exampleUri, extensionId } from './helpers';

const run = <T = SessionSummary>(command: string, ...args: unknown[]) =>
	vscode.commands.executeCommand<T>(command, ...args);

suite('Export Report', () => {
	let folder: vscode.Uri;

	suiteSetup(async () => {
		await downhill();
		folder = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'downhill-report-')));
		const started = await run('downhill.start', { uri: exampleUri('rosenbrock.ts').toString(), name: 'loss', openPanel: false });
		assert.deepEqual(started.params, ['x', 'y']);
		await run('downhill.setLearningRate', 0.001);
		const stepped = await run('downhill.step', 20);
		assert.equal(stepped.step, 20);
	});

	suiteTeardown(() => {
		const root = vscode.extensions.getExtension(extensionId)!.extensionPath;
		cpSync(folder.fsPath, join(root, 'test-results', 'export'), { recursive: true });
	});

	const exported = async (file: string, format: string): Promise<string> => {
		const uri = await run<vscode.Uri>('downhill.exportReport', vscode.Uri.joinPath(folder, file), format);
		assert.ok(uri, `${format} was not written`);
		assert.equal(uri.toString(), vscode.Uri.joinPath(folder, file).toString());
		return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
	};

	test('the HTML report holds the loss, its source, the settings and both plots, and nothing from outside', async () => {
		const html = await exported('rosenbrock-report.html', 'html');
		assert.ok(html.startsWith('<!DOCTYPE html>'));
		assert.match(html, /<h1>loss\(x, y\)<\/h1>/);
		assert.match(html, /rosenbrock\.ts/);
		assert.ok(html.includes('return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;'), 'the loss source');
		assert.ok(html.includes('<th scope="row">lr</th><td>0.001</td>'), "the optimizer's lr");
		assert.ok(html.includes('torch.optim.SGD(params, lr=0.001'), 'the optimizer call');
		assert.ok(html.includes('<dd>20 of 20</dd>'), 'the step');
		assert.equal(html.split('<svg ').length - 1, 2, 'two inline plots');
		assert.ok(html.includes('class="dh-isoline"'), 'the contour map');
		assert.doesNotMatch(html, /http|<script|<link|src=/);
	});

	test('the SVG plots are standalone files', async () => {
		const loss = await exported('rosenbrock-loss.svg', 'svg-loss');
		const landscape = await exported('rosenbrock-landscape.svg', 'svg-landscape');
		for (const svg of [loss, landscape]) {
			assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox='), svg.slice(0, 80));
			assert.ok(svg.trimEnd().endsWith('</svg>'));
		}
		assert.match(loss, /loss: loss per step/);
		assert.match(landscape, /loss\(x, y\): contours and the path/);
		assert.ok(landscape.split('class="dh-isoline"').length - 1 > 5, 'isolines');
		assert.equal(landscape.split('<circle ').length - 1, 2, 'the start and the current point');
	});

	test('an .html target needs no format', async () => {
		const html = await exported('inferred.html', undefined as unknown as string);
		assert.ok(html.startsWith('<!DOCTYPE html>'));
	});

	test('PNG needs the panel open, then writes the plot as the panel shows it', async function () {
		this.timeout(60_000);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		const closed = await run<vscode.Uri | undefined>('downhill.exportReport', vscode.Uri.joinPath(folder, 'none.png'), 'png');
		assert.equal(closed, undefined, 'without a panel nothing is written');
		const started = await run('downhill.start', { uri: exampleUri('quadratic.ts').toString(), name: 'loss', openPanel: true });
		assert.deepEqual(started.params, ['x']);
		await run('downhill.step', 5);
		const target = vscode.Uri.joinPath(folder, 'quadratic-plot.png');
		const uri = await run<vscode.Uri>('downhill.exportReport', target, 'png');
		assert.equal(uri?.toString(), target.toString());
		const bytes = await vscode.workspace.fs.readFile(target);
		assert.deepEqual(Array.from(bytes.subarray(0, 8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
		assert.ok(bytes.length > 2000, `a real plot, not an empty canvas (${bytes.length} bytes)`);
	});
});
