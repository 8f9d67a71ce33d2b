// Random restarts and basin maps reach the panel: the command's result is posted to the open panel as a `restarts`
// message (also when the panel's button asks for it), and a basin map is computed in slices, streamed as partial
// maps and replaced by a newer request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compileLoss } from '../../src/engine/compileLoss';
import { BasinsJob } from '../../src/extension/panel/basinsJob';
import { handlePanelMessage } from '../../src/extension/panel/panelMessages';
import { SessionController } from '../../src/extension/session/sessionController';
import type { BasinsMessage, RestartsMessage, ToWebviewMessage } from '../../src/shared/messages';
import { downhill, exampleUri, waitFor } from './helpers';

const himmelblau = 'export function loss(x = 0, y = 0) {\n\treturn (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;\n}\n';

suite('Restarts and basins', () => {
	test('random restarts are drawn on the open panel, from the command and from the panel', async () => {
		const api = await downhill();
		await vscode.commands.executeCommand('downhill.start', { uri: exampleUri('double-well.ts').toString(), openPanel: true });
		const panel = await waitFor('the panel', () => api.panel);
		const posts: ToWebviewMessage[] = [];
		const post = panel.post.bind(panel);
		panel.post = (message) => (posts.push(message), post(message));
		try {
			await vscode.commands.executeCommand('downhill.randomRestarts', 8);
			const restarts = posts.find((m): m is RestartsMessage => m.type === 'restarts')?.restarts;
			assert.ok(restarts, 'a restarts message');
			assert.equal(restarts.runMinimum.length, 8);
			assert.equal(restarts.starts.length, 8 * 1);
			assert.ok(restarts.minima.some((m) => m.kind === 'global'));
			posts.length = 0;
			handlePanelMessage({ type: 'runRestarts', count: 4 }, panel);
			const again = await waitFor('restarts asked for by the panel', () => posts.find((m): m is RestartsMessage => m.type === 'restarts'), 10_000);
			assert.equal(again.restarts?.runMinimum.length, 4);
		} finally {
			panel.post = post;
		}
	});

	test('a basin map streams partial maps, then the whole map with the four minima of Himmelblau', async () => {
		const loss = compileLoss(himmelblau, { language: 'typescript' });
		const controller = new SessionController(loss, { uri: 'untitled:h.ts', fileName: 'h.ts', line: 1 }, { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const posts: BasinsMessage[] = [];
		const job = new BasinsJob((m) => posts.push(m));
		const range = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
		job.start(controller, { type: 'requestBasins', requestId: 1, range, nx: 4, ny: 4 });
		job.start(controller, { type: 'requestBasins', requestId: 2, range, nx: 24, ny: 24 });
		const done = await waitFor('the whole map', () => posts.find((m) => m.basins.progress === 1), 20_000);
		assert.ok(posts.every((m) => m.basins.requestId === 2), 'the replaced request posts nothing');
		assert.ok(posts.length > 1, `streamed in ${posts.length} messages`);
		assert.ok(posts[0]!.basins.labels.includes(-2), 'the first partial map has cells still to compute');
		assert.ok(!done.basins.labels.includes(-2));
		assert.equal(done.basins.minima.length, 4);
		assert.equal(job.running, false);
	});
});
