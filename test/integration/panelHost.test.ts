// The panel host's side of the protocol, without a webview: the snapshot sent on `ready`, the batching of updates
// (appended records, `from` after a step back, at most 30 posts a second during continue), landscapes and the
// handling of the panel's messages.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import type { UpdateMessage } from '../../src/shared/messages';
import { landscapeFor, maxLandscapeValues } from '../../src/worker/explore/landscapeRequest';
import { panelSnapshot } from '../../src/extension/panel/panelSnapshot';
import { PanelUpdates } from '../../src/extension/panel/panelUpdates';
import { SessionController } from '../../src/extension/session/sessionController';
import { RequestError } from '../../src/shared/endpoint';
import { connectPanel } from './panelEndpoints';

const view = { animationSpeed: 0, colorMap: 'viridis' as const, codeLens: true, layout: 'auto' as const };
const quadratic = 'export function loss(x = 5) {\n\treturn (x - 1) ** 2 + 1;\n}\n';

function controller(source = quadratic): SessionController {
	const loss = compileLoss(source, { language: 'typescript' });
	return new SessionController(
		loss,
		{ uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 },
		{ optimizerOptions: { lr: 0.1 } },
	);
}

suite('Panel host', () => {
	test('the snapshot holds the loss, the point, the next step and the trajectory', () => {
		const c = controller();
		c.step(2);
		const snapshot = panelSnapshot(c, view, {});
		assert.deepEqual(
			[snapshot.loss.name, snapshot.loss.params, snapshot.loss.start, snapshot.loss.fileName],
			['loss', ['x'], [5], 'q.ts'],
		);
		assert.equal(snapshot.current.step, 2);
		assert.ok(Math.abs(snapshot.current.next[0]! - (1 + 4 * 0.8 ** 3)) < 1e-12, 'next = the point after one more step');
		assert.deepEqual(Array.from(snapshot.trajectory.losses).length, 3);
		assert.ok(snapshot.trajectory.points instanceof Float64Array);
		assert.equal(snapshot.settings.optimizer, 'sgd');
		assert.equal(snapshot.settings.layout, 'auto', 'downhill.panelLayout, as resolved by settings.ts');
		assert.equal(snapshot.stop.kind, 'step');
		assert.deepEqual(
			snapshot.optimizers.map((o) => o.name).sort(),
			['adadelta', 'adafactor', 'adagrad', 'adam', 'adamax', 'adamw', 'asgd', 'lbfgs', 'nadam', 'radam', 'rmsprop', 'rprop', 'sgd', 'newton'].sort(),
			'every torch.optim optimizer Downhill implements, by its PyTorch name, and newton (not torch.optim)',
		);
		assert.equal(snapshot.optimizers.find((o) => o.name === 'lbfgs')?.defaults['history_size'], 100, 'torch.optim.LBFGS defaults');
	});

	test('updates carry the appended records, and after a step back start at the new position', async () => {
		const c = controller();
		const posts: UpdateMessage[] = [];
		const updates = new PanelUpdates((m) => posts.push(m) > 0);
		updates.reset(1);
		c.step();
		updates.schedule(c, () => view);
		assert.deepEqual([posts[0]!.from, posts[0]!.appended.losses.length, posts[0]!.current.step], [1, 1, 1]);
		await new Promise((r) => setTimeout(r, 40));
		c.step(3);
		updates.schedule(c, () => view);
		assert.deepEqual([posts[1]!.from, Array.from(posts[1]!.appended.points).length], [2, 3]);
		await new Promise((r) => setTimeout(r, 40));
		c.stepBack(2);
		updates.schedule(c, () => view);
		assert.deepEqual([posts[2]!.from, posts[2]!.appended.losses.length, posts[2]!.current.step], [2, 1, 2]);
	});

	test('a continue posts at most 30 updates a second', async () => {
		const c = controller();
		c.updateSettings({ optimizerOptions: { lr: 0.0001 } });
		c.stepsPerSecond = 2000;
		const times: number[] = [];
		const updates = new PanelUpdates(() => times.push(Date.now()) > 0);
		c.onDidChange(() => updates.schedule(c, () => view));
		const started = Date.now();
		const done = c.continue();
		await new Promise((r) => setTimeout(r, 600));
		c.pause();
		const stop = await done;
		const seconds = (Date.now() - started) / 1000;
		assert.equal(stop.reason.kind, 'paused');
		assert.ok(stop.step > 300, `only ${stop.step} steps at 2000 steps/s`);
		assert.ok(times.length <= Math.ceil(seconds * 30) + 1, `${times.length} posts in ${seconds.toFixed(2)} s`);
		assert.ok(times.length >= 5, `only ${times.length} posts`);
	});

	test('landscapes are capped at 250,000 values', () => {
		const c = controller('export function loss(x = 0, y = 0) {\n\treturn x * x + y * y;\n}\n');
		const range = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
		const big = landscapeFor(c.loss, {
			at: [0, 0],
			request: { type: 'requestLandscape', range, axes: [0, 1], nx: 1000, ny: 1000 },
		})!;
		assert.ok(big.nx * big.ny <= maxLandscapeValues);
		assert.equal(big.values.length, big.nx * big.ny);
		const curve = landscapeFor(c.loss, {
			at: [0, 0.5],
			request: { type: 'requestLandscape', range, axes: [0, -1], nx: 3, ny: 50 },
		})!;
		assert.deepEqual([curve.kind, curve.ny, Array.from(curve.values)], ['curve', 1, [1.25, 0.25, 1.25]]);
	});

	test('a new learning rate after a divergence goes on from the last point before it, not from the blown-up one', () => {
		const c = controller();
		const { panel } = connectPanel({ controller: c });
		panel.notify({ type: 'setLearningRate', learningRate: 0.1 });
		c.step(20);
		panel.notify({ type: 'setLearningRate', learningRate: 1.5 });
		const stop = c.session.continue();
		assert.equal(stop.reason.kind, 'diverged');
		// x − 1 = 4·0.8^20 after 20 good steps; with lr 1.5 it doubles and flips each step: the loss rises from step 21.
		panel.notify({ type: 'setLearningRate', learningRate: 0.05 });
		assert.equal(c.session.position, 20);
		assert.ok(Math.abs(c.session.snapshot().x[0]! - (1 + 4 * 0.8 ** 20)) < 1e-12, `x = ${c.session.snapshot().x[0]}`);
		c.step();
		assert.ok(Math.abs(c.session.snapshot().x[0]! - (1 + 4 * 0.8 ** 20 * 0.9)) < 1e-12, 'the next step uses lr = 0.05');
	});

	test('notices drive the session; bad values come back as errors; malformed ones are rejected', () => {
		const c = controller();
		let inits = 0;
		const { panel, notices } = connectPanel({ controller: c, sendInit: () => void inits++ });
		panel.notify({ type: 'command', command: 'step' });
		panel.notify({ type: 'setLearningRate', learningRate: 0.25 });
		panel.notify({ type: 'command', command: 'step' });
		assert.ok(Math.abs(c.session.snapshot().x[0]! - (4.2 - 0.25 * 6.4)) < 1e-12);
		panel.notify({ type: 'setStart', x: [1, 2] });
		assert.match((notices.pop() as { message: string }).message, /needs 1 finite number/);
		panel.notify({ type: 'setOptimizer', optimizer: 'adam', options: { lr: 0.5 } });
		assert.equal(c.session.currentOptimizer.name, 'adam');
		panel.notify({ type: 'ready' });
		assert.equal(inits, 1);
		panel.notify({ type: 'command', command: 'rm -rf' } as never);
		panel.notify({ type: 'setLearningRate', learningRate: -1 });
		assert.equal(c.session.currentOptimizer.options.lr, 0.5, 'malformed notices are dropped');
		assert.deepEqual(notices, []);
	});

	test('a request without a session gets an error reply in the display language', async () => {
		const { panel } = connectPanel({});
		await assert.rejects(panel.request({ type: 'requestLineSearch' }).reply, (error: Error) => error instanceof RequestError && /Downhill: Start/.test(error.message));
	});
});
