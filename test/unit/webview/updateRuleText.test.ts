import { describe, expect, it } from 'vitest';
import type { UpdateRuleInfo } from '../../../src/shared/messages';
import { Strings } from '../../../src/webview/strings';
import { updateRuleText } from '../../../src/webview/updateRuleText';

const strings = new Strings();

describe('update rule text', () => {
	it('writes SGD out with the numbers, negative ones in brackets', () => {
		const info: UpdateRuleInfo = {
			kind: 'sgd', optimizer: 'sgd', learningRate: 0.1, constants: { weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 5, g: 8, terms: {}, next: 4.2 }, { index: 1, w: -2, g: -12, terms: {}, next: -0.8 }], size: 2, stepNorm: 1, largestChange: 1.2,
		};
		const text = updateRuleText(info, ['x', 'y'], strings);
		expect(text.formulas).toEqual(['w_new = w − η·∇L']);
		expect(text.rows).toEqual([
			{ name: 'x', lines: ['w_new = 5 − 0.1 × 8 = 4.2'] },
			{ name: 'y', lines: ['w_new = −2 − 0.1 × (−12) = −0.8'] },
		]);
		expect(text.summary).toBeUndefined();
	});

	it('writes momentum and Adam with their own terms, and summarises unlisted parameters', () => {
		const momentum = updateRuleText({
			kind: 'momentum', optimizer: 'sgd', learningRate: 0.1, constants: { momentum: 0.9, dampening: 0, weightDecay: 0, t: 2 },
			rows: [{ index: 0, w: 4.2, g: 6.4, terms: { v0: 8, v: 13.6 }, next: 2.84 }], size: 8, stepNorm: 2, largestChange: 1.36,
		}, ['x'], strings);
		expect(momentum.formulas).toEqual(['v = μ·v + ∇L', 'w_new = w − η·v']);
		expect(momentum.rows[0]!.lines).toEqual(['v = 0.9 × 8 + 6.4 = 13.6', 'w_new = 4.2 − 0.1 × 13.6 = 2.84']);
		expect(momentum.summary).toContain('7 more parameters');
		const adam = updateRuleText({
			kind: 'adam', optimizer: 'adam', learningRate: 0.1, constants: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 5, g: 8, terms: { m0: 0, v0: 0, m: 0.8, v: 0.064, mHat: 8, vHat: 64 }, next: 4.9 }], size: 1, stepNorm: 0.1, largestChange: 0.1,
		}, ['x'], strings);
		expect(adam.rows[0]!.lines).toEqual([
			'm = 0.9 × 0 + 0.1 × 8 = 0.8',
			'v = 0.999 × 0 + 0.001 × 8² = 0.064',
			'm̂ = 0.8 / (1 − 0.9^1) = 8',
			'v̂ = 0.064 / (1 − 0.999^1) = 64',
			'w_new = 5 − 0.1 × 8 / (√64 + 1e-8) = 4.9',
		]);
	});
});
