// The Downhill debugger end to end in a real VS Code: start a `downhill` debug session on examples/quadratic.ts,
// watch the adapter's `stopped` events with a debug adapter tracker, step with the workbench's own Step Over
// command, and read the Call Stack and Variables through the session's custom requests. SGD with lr 0.1 from x = 5
// on (x − 1)² + 1 takes x to 5 − 0.1·8 = 4.2.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'downhill.downhill';

/** Every `stopped` event the Downhill adapter sends, in order, with a way to wait for the next one. */
class StopRecorder implements vscode.Disposable {
	readonly reasons: string[] = [];
	private waiters: (() => void)[] = [];
	private readonly registration = vscode.debug.registerDebugAdapterTrackerFactory('downhill', {
		createDebugAdapterTracker: () => ({
			onDidSendMessage: (message: { type?: string; event?: string; body?: { reason?: string } }) => {
				if (message.type !== 'event' || message.event !== 'stopped') return;
				this.reasons.push(message.body?.reason ?? '');
				this.waiters.splice(0).forEach((wake) => wake());
			},
		}),
	});

	/** Resolves once `count` stops have been seen in all. */
	async waitFor(count: number, timeoutMs = 15_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		while (this.reasons.length < count) {
			if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for stop #${count}; saw ${JSON.stringify(this.reasons)}`);
			await new Promise<void>((resolve) => {
				this.waiters.push(resolve);
				setTimeout(resolve, 200);
			});
		}
		return this.reasons[count - 1]!;
	}

	dispose(): void {
		this.registration.dispose();
	}
}

async function variablesOf(session: vscode.DebugSession, scope: string): Promise<Record<string, string>> {
	const { stackFrames } = await session.customRequest('stackTrace', { threadId: 1 });
	const { scopes } = await session.customRequest('scopes', { frameId: stackFrames[0].id });
	const found = scopes.find((s: { name: string }) => s.name === scope);
	assert.ok(found, `no scope '${scope}' in ${JSON.stringify(scopes.map((s: { name: string }) => s.name))}`);
	const { variables } = await session.customRequest('variables', { variablesReference: found.variablesReference });
	return Object.fromEntries(variables.map((v: { name: string; value: string }) => [v.name, v.value]));
}

async function topFrame(session: vscode.DebugSession): Promise<{ name: string; line: number }> {
	const { stackFrames } = await session.customRequest('stackTrace', { threadId: 1 });
	return stackFrames[0];
}

suite('Debugger', () => {
	let stops: StopRecorder;
	let quadratic: vscode.Uri;

	suiteSetup(async () => {
		await vscode.extensions.getExtension(extensionId)!.activate();
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder, 'the integration tests open the examples folder');
		quadratic = vscode.Uri.joinPath(folder.uri, 'quadratic.ts');
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(quadratic));
	});

	setup(() => {
		stops = new StopRecorder();
	});

	teardown(async () => {
		if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging(vscode.debug.activeDebugSession);
		stops.dispose();
	});

	test('stops on entry at the loss, and Step Over takes one SGD step (x: 5 → 4.2)', async () => {
		const folder = vscode.workspace.workspaceFolders![0];
		const config = { type: 'downhill', request: 'launch', name: 'quadratic', program: quadratic.fsPath, optimizer: 'sgd', lr: 0.1 };
		assert.equal(await vscode.debug.startDebugging(folder, config), true);
		assert.equal(await stops.waitFor(1), 'entry');
		const session = vscode.debug.activeDebugSession!;
		assert.equal(session.type, 'downhill');
		assert.deepEqual(await topFrame(session).then((f) => [f.name, f.line]), ['step 0 · loss = 17', 2]);
		assert.deepEqual(await variablesOf(session, 'Parameters'), { x: '5' });

		await vscode.commands.executeCommand('workbench.action.debug.stepOver');
		assert.equal(await stops.waitFor(2), 'step');
		assert.deepEqual(await variablesOf(session, 'Parameters'), { x: '4.2' });
		assert.equal((await variablesOf(session, 'Loss & step'))['step'], '1');
		assert.equal((await topFrame(session)).name, 'step 1 · loss = 11.24');

		const api = vscode.extensions.getExtension(extensionId)!.exports;
		const shared = api.sessions.controllerFor(quadratic.toString());
		assert.ok(shared, 'the adapter drives the session the panel and hovers see');
		assert.equal(shared.session.snapshot().x[0], 4.2);
	});

	test('a configuration without a program launches the loss in the active editor', async () => {
		const config = { type: 'downhill', request: 'launch', name: 'from the editor', lr: 0.5 };
		assert.equal(await vscode.debug.startDebugging(vscode.workspace.workspaceFolders![0], config), true);
		assert.equal(await stops.waitFor(1), 'entry');
		const session = vscode.debug.activeDebugSession!;
		assert.equal(session.configuration.function, 'loss');
		const evaluated = await session.customRequest('evaluate', { expression: 'grad.x * lr', context: 'watch' });
		assert.equal(evaluated.result, '4');
		await vscode.commands.executeCommand('workbench.action.debug.stepOver');
		assert.equal(await stops.waitFor(2), 'step');
		assert.deepEqual(await variablesOf(session, 'Parameters'), { x: '1' });
	});
});
