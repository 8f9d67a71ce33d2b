// The learning-rate explorer in the extension host: the sweep runs in slices and streams its points, a newer
// request replaces it, and picking a rate in the panel restarts the session with it.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { SweepJob, sweepRange } from '../../src/extension/panel/sweepJob';
import { SessionController } from '../../src/extension/session/sessionController';
import type { SweepInfo } from '../../src/shared/messages';
import { connectPanel } from './panelEndpoints';

const quadratic = 'export function loss(x = 5) {\n\treturn (x - 1) ** 2 + 1;\n}\n';

function controller(): SessionController {
	const loss = compileLoss(quadratic, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizerOptions: { lr: 0.1 } });
}

suite('Learning-rate explorer', () => {
	test('the sweep streams 25 rates from 1e-4 to 10 and finds where SGD on the quadratic diverges', async () => {
		const job = new SweepJob();
		const c = controller();
		const { panel } = connectPanel({ controller: c, requestSweep: (responder) => job.start(c, responder) });
		const replaced: SweepInfo[] = [];
		const streamed: SweepInfo[] = [];
		panel.request({ type: 'requestSweep' }, (sweep) => replaced.push(sweep));
		const done = await panel.request({ type: 'requestSweep' }, (sweep) => streamed.push(sweep)).reply;
		assert.deepEqual(replaced, [], 'the replaced sweep answers nothing');
		// How many slices the sweep takes depends on the machine's speed; each reply before the last is partial.
		const progress = streamed.map((s) => s.progress);
		assert.ok(progress.slice(0, -1).every((p, i) => p < 1 && p <= progress[i + 1]!), `progress replies before the final one: ${progress}`);
		assert.equal(done.progress, 1);
		assert.equal(done.rates.length, sweepRange.count);
		assert.equal(done.points.length, sweepRange.count);
		assert.ok(done.divergesFrom! > 1 && done.divergesFrom! < 2, `diverges from ${done.divergesFrom}`);
		assert.equal(done.points[0]!.outcome, 'slow');
		assert.equal(job.running, false);
	});

	test('picking a rate in the panel restarts the session with it', () => {
		const c = controller();
		c.step(5);
		const { panel, notices } = connectPanel({ controller: c });
		panel.notify({ type: 'tryLearningRate', learningRate: 0.5 });
		assert.deepEqual(notices, []);
		assert.equal(c.session.position, 0);
		assert.equal(c.session.snapshot().learningRate, 0.5);
		assert.equal(c.session.lastStop.kind, 'entry');
	});
});
