// Brute force against descent in the extension host: the panel's request searches the view through the current
// point and reports descent's count beside it, and kⁿ as a power of ten.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { SessionController } from '../../src/extension/session/sessionController';
import { RequestError } from '../../src/shared/endpoint';
import { connectPanel } from './panelEndpoints';

const bowl = 'export function loss(x = 3, y = 3) {\n\treturn (x - 1) ** 2 + 2 * (y + 0.5) ** 2;\n}\n';

suite('Brute force', () => {
	test('a grid over the view beside descent’s count, and 1000^500000 = 10^1500000', async () => {
		const loss = compileLoss(bowl, { language: 'typescript' });
		const c = new SessionController(loss, { uri: 'untitled:b.ts', fileName: 'b.ts', line: 1 }, { optimizerOptions: { lr: 0.1 } });
		c.step(12);
		const { panel } = connectPanel({ controller: c });
		const info = await panel.request({ type: 'requestBruteForce', range: { xMin: -2, xMax: 3, yMin: -3, yMax: 2 }, axes: [0, 1], k: 11 }).reply;
		assert.deepEqual([info.evaluations, info.best, info.bestLoss], [121, [1, -0.5], 0]);
		assert.deepEqual([info.descentEvaluations, info.descentLoss], [13, c.session.snapshot().loss]);
		assert.ok(Math.abs(info.log10AllParameters - 2 * Math.log10(11)) < 1e-12);
		assert.ok(Math.abs(info.log10NoteExample - 1_500_000) < 1e-6);
		const noAxis = panel.request({ type: 'requestBruteForce', range: { xMin: -2, xMax: 3, yMin: 0, yMax: 1 }, axes: [0, 5], k: 11 }).reply;
		await assert.rejects(noAxis, RequestError, 'axes naming no parameter get an error reply');
	});
});
