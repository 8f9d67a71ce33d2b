// Mini-batch noise: each mini-batch gradient is the gradient of the mean over its own samples, and they average
// out to about the full-batch gradient.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { batchNoise } from '../../../src/engine/session/batchNoise';
import { batchForStep } from '../../../src/engine/session/miniBatch';

const xs = [0, 1, 2, 3, 4, 5, 6, 7];
const ys = [1, 3, 5, 7, 9, 11, 13, 15].map((y, i) => y + (i % 2 === 0 ? 0.5 : -0.5));
const source = `const xs = [${xs}];\nconst ys = [${ys}];\nfunction loss(w = 0, b = 0) { return xs.reduce((s, x, i) => s + (w * x + b - ys[i]) ** 2, 0) / xs.length; }`;
const mse = compileLoss(source, { language: 'javascript' });

describe('mini-batch noise', () => {
	it('gives each batch the gradient of its own samples, around the full gradient', () => {
		expect(mse.sampleCount).toBe(8);
		const plan = { batchSize: 2, seed: 3, withReplacement: false, count: 40 };
		const noise = batchNoise(mse, [0.5, 0], plan);
		const full = (ids: readonly number[]) => {
			const g: [number, number] = [0, 0];
			for (const i of ids) {
				const r = 0.5 * xs[i]! - ys[i]!;
				g[0] += (2 * r * xs[i]!) / ids.length;
				g[1] += (2 * r) / ids.length;
			}
			return g;
		};
		expect(noise.full[0]).toBeCloseTo(full(xs.map((_, i) => i))[0]!, 10);
		const first = Array.from(batchForStep({ ...plan, sampleCount: 8 }, 0));
		expect(noise.batches[0]).toBeCloseTo(full(first)[0]!, 10);
		expect(noise.batches[1]).toBeCloseTo(full(first)[1]!, 10);
		// 40 batches without replacement are 10 epochs: their mean is exactly the full gradient.
		const mean = [0, 1].map((j) => Array.from({ length: 40 }, (_, k) => noise.batches[k * 2 + j]!).reduce((a, b) => a + b) / 40);
		expect(mean[0]).toBeCloseTo(noise.full[0]!, 10);
		expect(new Set(Array.from({ length: 4 }, (_, k) => noise.batches[k * 2])).size).toBeGreaterThan(1);
	});
});

describe('the panel’s mini-batch noise request', () => {
	it('is checked: 1 to 200 batches', async () => {
		const { validateFromWebview } = await import('../../../src/shared/validatePanelMessage');
		expect(validateFromWebview({ type: 'requestBatchNoise', count: 30 })).toEqual({ type: 'requestBatchNoise', count: 30 });
		expect(validateFromWebview({ type: 'requestBatchNoise', count: 0 })).toBeUndefined();
		expect(validateFromWebview({ type: 'requestBatchNoise', count: 201 })).toBeUndefined();
	});
});
