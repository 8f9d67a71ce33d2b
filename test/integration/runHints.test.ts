// Run hints from the real panel host: a run that zig-zags across the valley 0.5(x² + 50y²) with lr just under 2/50
// gets the `oscillating` hint in the snapshot and in the throttled updates of a continue, and taking the suggestion
// (the panel posts `setLearningRate`, as its button does) makes the hint go away. The Hessian is diag(1, 50), so
// plain gradient descent's hint suggests 1/λ_max = 1/50 = 0.02 (the steep direction then settles in one step).
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import type { UpdateMessage } from '../../src/shared/messages';
import { panelSnapshot } from '../../src/extension/panel/panelSnapshot';
import { PanelUpdates } from '../../src/extension/panel/panelUpdates';
import { SessionController } from '../../src/extension/session/sessionController';
import { waitFor } from './helpers';
import { connectPanel } from './panelEndpoints';

const view = { animationSpeed: 0, colorMap: 'viridis' as const, codeLens: true, layout: 'auto' as const };
const valley = 'export function loss(x = 10, y = 1) {\n\treturn 0.5 * (x * x + 50 * y * y);\n}\n';

function controller(lr: number): SessionController {
	const loss = compileLoss(valley, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:v.ts', fileName: 'v.ts', line: 1 }, { optimizerOptions: { lr } });
}

suite('Run hints', () => {
	test('the snapshot carries the oscillating hint with η = 1/λ_max; a good rate gets none', () => {
		const c = controller(0.038);
		c.step(20);
		const hint = panelSnapshot(c, view, {}).hint;
		assert.ok(hint, 'a hint after 20 zig-zag steps');
		assert.equal(hint.kind, 'oscillating');
		assert.deepEqual(hint.suggestion, { setting: 'learningRate', value: 0.02 });
		assert.ok(hint.curvature && Math.abs(hint.curvature.product - 0.038 * 50) < 1e-9, 'quotes η·λ_max = 1.9');
		const calm = controller(0.02);
		calm.step(20);
		assert.equal(panelSnapshot(calm, view, {}).hint, undefined);
	});

	test('a continue streams the hint in its updates, and the panel’s setLearningRate clears it', async () => {
		const c = controller(0.038);
		c.stepsPerSecond = 200;
		const posts: UpdateMessage[] = [];
		const updates = new PanelUpdates((m) => posts.push(m) > 0);
		updates.reset(1);
		const listener = c.onDidChange(() => updates.schedule(c, () => view));
		const done = c.continue();
		const hinted = await waitFor('an update with a hint', () => posts.find((m) => m.hint?.kind === 'oscillating'), 5000);
		c.pause();
		await done;
		const suggestion = hinted.hint!.suggestion;
		assert.equal(suggestion.setting, 'learningRate');
		const { panel, notices } = connectPanel({ controller: c });
		panel.notify({ type: 'setLearningRate', learningRate: suggestion.value });
		assert.deepEqual(notices, [], 'no error notice');
		assert.equal(c.session.currentOptimizer.options.lr, 0.02);
		await new Promise((r) => setTimeout(r, 50));
		c.step(30);
		updates.schedule(c, () => view);
		assert.equal(posts.at(-1)!.hint, undefined, 'no hint under the new rate');
		listener.dispose();
	});
});
