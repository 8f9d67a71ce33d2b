// The update-rule card's data in the real extension host: the snapshot's `current.update` writes out the next step
// for SGD, momentum and Adam, and its result is the point the session will move to.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { panelSnapshot } from '../../src/extension/panel/panelSnapshot';
import { SessionController } from '../../src/extension/session/sessionController';
import { assertClose } from './helpers';

const view = { animationSpeed: 0, colorMap: 'viridis' as const, codeLens: true, layout: 'auto' as const };
const bowl = 'export function loss(x = 1, y = -2) {\n\treturn x * x + 3 * y * y;\n}\n';

function controller(optimizer: string, options: Record<string, number>): SessionController {
	const loss = compileLoss(bowl, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:b.ts', fileName: 'b.ts', line: 1 }, { optimizer: optimizer as 'sgd', optimizerOptions: options });
}

suite('Update rule', () => {
	test('SGD: w_new = w − η·∇L with the numbers of the next step', () => {
		const update = panelSnapshot(controller('sgd', { lr: 0.1 }), view, {}).current.update;
		assert.ok(update);
		assert.equal(update.kind, 'sgd');
		assert.deepEqual(update.rows.map((r) => [r.w, r.g]), [[1, 2], [-2, -12]]);
		assertClose(update.rows[1]!.next, -2 + 0.1 * 12, 'y_new');
	});

	test('momentum and Adam: the terms of step 2, and the result equals the next point', () => {
		for (const [name, options] of [['sgd', { lr: 0.05, momentum: 0.9 }], ['adam', { lr: 0.1 }]] as const) {
			const c = controller(name, options);
			c.step();
			const current = panelSnapshot(c, view, {}).current;
			const update = current.update!;
			assert.equal(update.constants.t, 2, name);
			update.rows.forEach((row, i) => assert.equal(row.next, current.next[i], `${name} row ${i}`));
			const row = update.rows[0]!;
			if (name === 'sgd') assertClose(row.terms.v!, 0.9 * row.terms.v0! + row.g, 'v = μ·v + g');
			else assertClose(row.next, row.w - (0.1 * row.terms.mHat!) / (Math.sqrt(row.terms.vHat!) + 1e-8), 'Adam step', 1e-10);
		}
	});
});
