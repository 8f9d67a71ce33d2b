// A session driven through the palette commands (with arguments instead of input boxes), checked against the
// closed form of the study note's quadratic: with SGD, L = (x - 1)^2 + 1 and lr 0.1 give x_k = 1 + 4 * 0.8^k from
// x = 5, so one step goes to x = 5 - 0.1 * 8 = 4.2 with loss 11.24.
import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { assertClose, downhill, exampleUri, waitFor } from './helpers';

const run = <T = SessionSummary>(command: string, ...args: unknown[]) =>
	vscode.commands.executeCommand<T>(command, ...args);
const xAfter = (k: number, lr = 0.1, x0 = 5) => 1 + (x0 - 1) * (1 - 2 * lr) ** k;

suite('Session commands', () => {
	let quadratic: string;

	suiteSetup(async () => {
		await downhill();
		quadratic = exampleUri('quadratic.ts').toString();
	});

	setup(async () => {
		const started = await run('downhill.start', { uri: quadratic, name: 'loss', openPanel: false });
		assert.equal(started.step, 0);
	});

	test('every contributed command is registered', async () => {
		const registered = new Set(await vscode.commands.getCommands(true));
		const contributed = (
			vscode.extensions.getExtension('downhill.downhill')!.packageJSON.contributes.commands as { command: string }[]
		)
			.map((c) => c.command)
			.filter((id) => id.startsWith('downhill.') && !id.startsWith('downhill.debug'));
		assert.ok(contributed.length >= 14, `only ${contributed.length} commands contributed`);
		for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
	});

	test('start, step and step back follow the closed form', async () => {
		const start = await run('downhill.start', { uri: quadratic, openPanel: false });
		assert.deepEqual([start.name, start.x, start.loss, start.gradient], ['loss', [5], 17, [8]]);
		const one = await run('downhill.step');
		assert.equal(one.step, 1);
		assertClose(one.x[0]!, 4.2, 'x after one step');
		assertClose(one.loss, 11.24, 'loss after one step');
		const back = await run('downhill.stepBack');
		assert.deepEqual([back.step, back.x], [0, [5]]);
		const eleven = await run('downhill.stepMany');
		assert.equal(eleven.step, 10);
		assertClose(eleven.x[0]!, xAfter(10), 'x after ten steps');
		const restarted = await run('downhill.restart');
		assert.deepEqual([restarted.step, restarted.historyLength, restarted.x], [0, 1, [5]]);
	});

	test('learning rate, start point and optimizer change the next step', async () => {
		const lr = await run('downhill.setLearningRate', 0.25);
		assert.equal(lr.learningRate, 0.25);
		assertClose((await run('downhill.step')).x[0]!, 5 - 0.25 * 8, 'x after a step with lr 0.25');
		const moved = await run('downhill.setStartPoint', [3]);
		assert.deepEqual([moved.step, moved.x, moved.loss], [0, [3], 5]);
		assertClose((await run('downhill.step')).x[0]!, 3 - 0.25 * 4, 'x after a step from 3');
		const adam = await run('downhill.chooseOptimizer', 'adam');
		assert.equal(adam.optimizer, 'adam');
		assert.equal(adam.learningRate, 0.25, 'the learning rate carries over to the new optimizer');
		// Adam's first update moves every coordinate by lr (bias-corrected m/sqrt(v) = sign of the gradient).
		assertClose((await run('downhill.step')).x[0]!, 2 - 0.25, "x after Adam's first step", 1e-9);
	});

	test('continue converges; a learning rate of 1.5 diverges with advice', async () => {
		const api = await downhill();
		api.sessions.active!.stepsPerSecond = 0;
		const converged = await run('downhill.continue');
		assert.equal(converged.stop.kind, 'converged', converged.stop.message);
		assertClose(converged.x[0]!, 1, 'the minimum', 1e-5);
		await run('downhill.restart');
		await run('downhill.setLearningRate', 1.5);
		const diverged = await run('downhill.continue');
		assert.equal(diverged.stop.kind, 'diverged');
		assert.match(diverged.stop.message, /Try a learning rate of/);
	});

	test('pause stops a running continue', async () => {
		const api = await downhill();
		api.sessions.active!.stepsPerSecond = 5;
		const running = run('downhill.continue');
		await waitFor('the session to run', () => api.sessions.active?.running);
		await run('downhill.pause');
		const paused = await running;
		assert.equal(paused.stop.kind, 'paused');
		assert.ok(paused.step < 100, `paused at step ${paused.step}`);
	});

	test('status bar shows the step, loss and gradient norm', async () => {
		const api = await downhill();
		await run('downhill.step');
		const text = await waitFor('the status bar', () => api.statusBar.text?.includes('step 1') && api.statusBar.text);
		assert.match(text, /^\$\(debug-step-over\) step 1 · L 11\.24 · ‖∇‖ 6\.4$/);
	});

	test('check gradient agrees at the current point', async () => {
		await run('downhill.step');
		const check = await run<{ ok: boolean; worstError: number; autodiff: number[] }>('downhill.checkGradient');
		assert.ok(check.ok, `worst error ${check.worstError}`);
		assertClose(check.autodiff[0]!, 2 * (4.2 - 1), 'dL/dx at 4.2', 1e-12);
		const atStart = await run<{ at: number[] }>('downhill.checkGradient', { uri: quadratic, name: 'loss' });
		assert.deepEqual(atStart.at, [5]);
	});

	test('export writes every record as CSV and JSON', async () => {
		await run('downhill.step', 3);
		const folder = vscode.Uri.file(tmpdir());
		const csvUri = await run<vscode.Uri>(
			'downhill.exportTrajectory',
			vscode.Uri.joinPath(folder, `downhill-${Date.now()}.csv`),
		);
		const csv = new TextDecoder()
			.decode(await vscode.workspace.fs.readFile(csvUri))
			.trim()
			.split('\n');
		assert.equal(csv[0], 'step,x,loss,grad_x,lr');
		assert.equal(csv.length, 5);
		assert.deepEqual(csv[1]!.split(',').map(Number), [0, 5, 17, 8, 0.1]);
		const jsonUri = await run<vscode.Uri>(
			'downhill.exportTrajectory',
			vscode.Uri.joinPath(folder, `downhill-${Date.now()}.json`).toString(),
		);
		const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri)));
		assert.equal(json.records.length, 4);
		assertClose(json.records[1].params[0], 4.2, 'x of record 1');
		assert.deepEqual(Object.keys(json.records[1]), ['step', 'params', 'loss', 'gradient', 'lr']);
	});

	test('random restarts find both valleys of the double well', async () => {
		await run('downhill.start', { uri: exampleUri('double-well.ts').toString(), openPanel: false });
		const result = await run<{ runs: unknown[]; minima: { x: number[]; kind: string }[] }>(
			'downhill.randomRestarts',
			12,
		);
		assert.equal(result.runs.length, 12);
		const global = result.minima.find((m) => m.kind === 'global');
		assert.ok(global, 'a global minimum');
		assertClose(global.x[0]!, -1.3008, 'the global minimum', 1e-3);
		assert.ok(
			result.minima.some((m) => Math.abs(m.x[0]! - 1.1309) < 1e-3),
			'the local minimum is found too',
		);
	});

	test('open panel shows the Downhill webview', async () => {
		await run('downhill.openPanel');
		const tab = await waitFor('the panel tab', () =>
			vscode.window.tabGroups.all
				.flatMap((group) => group.tabs)
				.find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('downhill.panel')),
		);
		assert.match(tab.label, /^Downhill: loss \(quadratic\.ts\)$/);
	});
});
