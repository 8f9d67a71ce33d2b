// The learning-rate explorer in the extension host: the sweep runs in slices and streams its points, a newer
// request replaces it, and picking a rate in the panel restarts the session with it.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { handlePanelMessage } from '../../src/extension/panel/panelMessages';
import { SweepJob, sweepRange } from '../../src/extension/panel/sweepJob';
import { SessionController } from '../../src/extension/session/sessionController';
import type { SweepMessage, ToWebviewMessage } from '../../src/shared/messages';
import { waitFor } from './helpers';

const quadratic = 'export function loss(x = 5) {\n\treturn (x - 1) ** 2 + 1;\n}\n';

function controller(): SessionController {
	const loss = compileLoss(quadratic, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizerOptions: { lr: 0.1 } });
}

suite('Learning-rate explorer', () => {
	test('the sweep streams 25 rates from 1e-4 to 10 and finds where SGD on the quadratic diverges', async () => {
		const posts: SweepMessage[] = [];
		const job = new SweepJob((m) => posts.push(m));
		const c = controller();
		job.start(c, 1);
		job.start(c, 2);
		const done = await waitFor('the whole sweep', () => posts.find((m) => m.sweep.progress === 1), 20_000);
		assert.ok(posts.every((m) => m.sweep.requestId === 2), 'the replaced sweep posts nothing');
		assert.equal(done.sweep.rates.length, sweepRange.count);
		assert.equal(done.sweep.points.length, sweepRange.count);
		assert.ok(done.sweep.divergesFrom! > 1 && done.sweep.divergesFrom! < 2, `diverges from ${done.sweep.divergesFrom}`);
		assert.equal(done.sweep.points[0]!.outcome, 'slow');
		assert.equal(job.running, false);
	});

	test('picking a rate in the panel restarts the session with it', () => {
		const c = controller();
		c.step(5);
		const posts: ToWebviewMessage[] = [];
		const context = {
			controller: c, post: (m: ToWebviewMessage) => posts.push(m), sendInit: () => undefined,
			runRestarts: () => undefined, requestBasins: () => undefined, cancelBasins: () => undefined, requestSweep: () => undefined,
			addRun: () => undefined, changeRun: () => undefined, receiveImage: () => undefined,
		};
		handlePanelMessage({ type: 'tryLearningRate', learningRate: 0.5 }, context);
		assert.deepEqual(posts, []);
		assert.equal(c.session.position, 0);
		assert.equal(c.session.snapshot().learningRate, 0.5);
		assert.equal(c.session.lastStop.kind, 'entry');
	});
});
