// Random restarts and basin maps reach the panel: the command's result is posted to the open panel as a `restarts`
// notice (also when the panel's button asks for it), and a basin map is computed in slices, answered with partial
// maps and replaced by a newer request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compileLoss } from '../../src/engine/compileLoss';
import { BasinsJob } from '../../src/extension/panel/basinsJob';
import { handlePanelNotice } from '../../src/extension/panel/panelMessages';
import { SessionController } from '../../src/extension/session/sessionController';
import type { BasinsInfo, HostNotice, RestartsMessage } from '../../src/shared/messages';
import { downhill, exampleUri, waitFor } from './helpers';
import { connectPanel } from './panelEndpoints';

const himmelblau = 'export function loss(x = 0, y = 0) {\n\treturn (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;\n}\n';

suite('Restarts and basins', () => {
	test('random restarts are drawn on the open panel, from the command and from the panel', async () => {
		const api = await downhill();
		await vscode.commands.executeCommand('downhill.start', { uri: exampleUri('double-well.ts').toString(), openPanel: true });
		const panel = await waitFor('the panel', () => api.panel);
		const posts: HostNotice[] = [];
		const notify = panel.notify.bind(panel);
		panel.notify = (message) => (posts.push(message), notify(message));
		try {
			await vscode.commands.executeCommand('downhill.randomRestarts', 8);
			const restarts = posts.find((m): m is RestartsMessage => m.type === 'restarts')?.restarts;
			assert.ok(restarts, 'a restarts message');
			assert.equal(restarts.runMinimum.length, 8);
			assert.equal(restarts.starts.length, 8 * 1);
			assert.ok(restarts.minima.some((m) => m.kind === 'global'));
			posts.length = 0;
			handlePanelNotice({ type: 'runRestarts', count: 4 }, panel);
			const again = await waitFor('restarts asked for by the panel', () => posts.find((m): m is RestartsMessage => m.type === 'restarts'), 10_000);
			assert.equal(again.restarts?.runMinimum.length, 4);
		} finally {
			panel.notify = notify;
		}
	});

	test('a basin map streams partial maps, then the whole map with the four minima of Himmelblau', async () => {
		const loss = compileLoss(himmelblau, { language: 'typescript' });
		const controller = new SessionController(loss, { uri: 'untitled:h.ts', fileName: 'h.ts', line: 1 }, { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const job = new BasinsJob();
		const { panel } = connectPanel({ controller, requestBasins: (request, responder) => job.start(controller, request, responder) });
		const range = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
		const replaced: BasinsInfo[] = [];
		const posts: BasinsInfo[] = [];
		panel.request({ type: 'requestBasins', range, nx: 4, ny: 4 }, (basins) => replaced.push(basins));
		const done = await panel.request({ type: 'requestBasins', range, nx: 24, ny: 24 }, (basins) => posts.push(basins)).reply;
		assert.deepEqual(replaced, [], 'the replaced request answers nothing');
		assert.ok(posts.length > 1, `streamed in ${posts.length} replies`);
		assert.ok(posts[0]!.labels.includes(-2), 'the first partial map has cells still to compute');
		assert.ok(!done.labels.includes(-2));
		assert.equal(done.minima.length, 4);
		assert.equal(job.running, false);
	});
});
