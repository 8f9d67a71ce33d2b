// Mini-batch noise in the extension host: for a loss over data, the panel's request gets the full-batch gradient
// and the session's own mini-batch gradients at the current point; a loss not over data gets an error reply.
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { SessionController } from '../../src/extension/session/sessionController';
import { RequestError } from '../../src/shared/endpoint';
import { connectPanel } from './panelEndpoints';

const regression = [
	'const xs = [0, 1, 2, 3, 4, 5, 6, 7];',
	'const ys = [1.5, 2.5, 5.5, 6.5, 9.5, 10.5, 13.5, 14.5];',
	'export function loss(w = 0, b = 0) {',
	'\treturn xs.reduce((s, x, i) => s + (w * x + b - ys[i]) ** 2, 0) / xs.length;',
	'}',
].join('\n');

suite('Mini-batch noise', () => {
	test('full and mini-batch gradients at the current point, with the session’s batch size', async () => {
		const loss = compileLoss(regression, { language: 'typescript' });
		const c = new SessionController(loss, { uri: 'untitled:r.ts', fileName: 'r.ts', line: 3 }, { optimizerOptions: { lr: 0.01 }, batchSize: 2, seed: 5 });
		c.step(3);
		const noise = await connectPanel({ controller: c }).panel.request({ type: 'requestBatchNoise', count: 24 }).reply;
		assert.deepEqual([noise.step, noise.batchSize, noise.sampleCount, noise.batches.length], [3, 2, 8, 48]);
		const full = new Float64Array(2);
		loss.valueAndGradient(c.session.snapshot().x, full);
		assert.deepEqual(noise.full, Array.from(full));
		// 24 batches of 2 without replacement are 6 epochs: they average to the full gradient.
		const mean = [0, 1].map((j) => Array.from({ length: 24 }, (_, k) => noise.batches[2 * k + j]!).reduce((a, b) => a + b) / 24);
		mean.forEach((m, j) => assert.ok(Math.abs(m - full[j]!) < 1e-9, `mean of batch gradients ${j}`));
	});

	test('an error reply for a loss that is not over data', async () => {
		const loss = compileLoss('export function loss(x = 1, y = 1) {\n\treturn x * x + y * y;\n}\n', { language: 'typescript' });
		const c = new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 });
		await assert.rejects(connectPanel({ controller: c }).panel.request({ type: 'requestBatchNoise', count: 10 }).reply, RequestError);
	});
});
