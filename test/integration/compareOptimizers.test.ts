// Compare optimizers in the extension host: extra runs race the session in lock-step (step, step back, restart,
// a new start), each stops on its own when it converges or diverges, and the panel gets only new records.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { Comparison, maxExtraRuns } from '../../src/extension/panel/comparison';
import { isSavedSession, savedRuns, saveSession } from '../../src/extension/panel/savedSession';
import { SessionController } from '../../src/extension/session/sessionController';

const quadratic = 'export function loss(x = 5) {\n\treturn (x - 1) ** 2 + 1;\n}\n';

function controller(): SessionController {
	const loss = compileLoss(quadratic, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizerOptions: { lr: 0.01 } });
}

suite('Compare optimizers', () => {
	test('runs move with the session: step, step back, restart and a new start', () => {
		const main = controller();
		const runs = new Comparison();
		runs.add(main, 'sgd', { lr: 0.01, momentum: 0.9 });
		runs.add(main, 'adam', { lr: 0.1 });
		main.step(7);
		runs.sync(main);
		let message = runs.message(true);
		assert.deepEqual(message.runs.map((r) => [r.optimizer, r.step, r.losses.length]), [['sgd', 7, 8], ['adam', 7, 8]]);
		// Momentum from x = 5 with lr 0.01: v = g = 8, x1 = 4.92; v = 0.9·8 + 7.84 = 15.04, x2 = 4.7696.
		assert.ok(Math.abs(message.runs[0]!.points[2]! - 4.7696) < 1e-12, `x2 = ${message.runs[0]!.points[2]}`);
		main.stepBack(3);
		runs.sync(main);
		message = runs.message(false);
		assert.deepEqual(message.runs.map((r) => [r.step, r.from, r.losses.length]), [[4, 5, 0], [4, 5, 0]]);
		main.step(2);
		runs.sync(main);
		assert.deepEqual(runs.message(false).runs.map((r) => [r.step, r.from, r.losses.length]), [[6, 5, 2], [6, 5, 2]]);
		main.restart([3]);
		runs.sync(main);
		message = runs.message(false);
		assert.deepEqual(message.runs.map((r) => [r.step, r.from, Array.from(r.points)]), [[0, 0, [3]], [0, 0, [3]]]);
	});

	test('each run stops on its own: diverged or converged, while the session moves on', () => {
		const main = controller();
		const runs = new Comparison();
		runs.add(main, 'sgd', { lr: 1.5 });
		runs.add(main, 'sgd', { lr: 0.5 });
		main.step(40);
		runs.sync(main);
		const [diverged, converged] = runs.message(true).runs;
		assert.equal(diverged!.stop.kind, 'diverged');
		assert.ok(diverged!.step < 40, `stopped at ${diverged!.step}`);
		assert.equal(converged!.stop.kind, 'converged');
		assert.ok(converged!.step < 40 && Math.abs(converged!.loss - 1) < 1e-12, `converged at ${converged!.step}`);
		runs.setHidden(1, true);
		runs.remove(2);
		assert.deepEqual(runs.message(false).runs.map((r) => [r.id, r.hidden]), [[1, true]]);
	});

	test('at most three runs, and only known optimizers', () => {
		const main = controller();
		const runs = new Comparison();
		assert.throws(() => runs.add(main, 'lion', { lr: 1 }), /Unknown optimizer/);
		for (let i = 0; i < maxExtraRuns; i++) runs.add(main, 'sgd', { lr: 0.01 * (i + 1) });
		assert.throws(() => runs.add(main, 'sgd', { lr: 0.1 }), /At most 3/);
	});

	test('the runs are saved with the session and come back after a reload, hidden ones hidden', () => {
		const main = controller();
		const runs = new Comparison();
		runs.add(main, 'sgd', { lr: 0.01, momentum: 0.9 });
		runs.add(main, 'adam', { lr: 0.1, betas: [0.8, 0.99] });
		runs.setHidden(2, true);
		main.step(5);
		runs.sync(main);
		const before = runs.message(true).runs.map((r) => Array.from(r.points));
		const saved: unknown = JSON.parse(JSON.stringify(saveSession(main, runs.specs())));
		assert.ok(isSavedSession(saved));
		const specs = savedRuns(saved);
		assert.deepEqual(specs.map((r) => [r.optimizer, r.hidden]), [['sgd', false], ['adam', true]]);
		assert.deepEqual(specs[1]!.options['betas'], [0.8, 0.99]);
		const revived = new Comparison();
		assert.deepEqual(revived.restore(main, specs), []);
		const after = revived.message(true).runs;
		assert.deepEqual(after.map((r) => Array.from(r.points)), before);
		assert.deepEqual(after.map((r) => r.hidden), [false, true]);
		assert.deepEqual(savedRuns({ ...saved, runs: [{ optimizer: 'sgd' }, 7] as never }), []);
	});
});
