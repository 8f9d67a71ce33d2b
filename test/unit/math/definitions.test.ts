// A Markdown note defines a function in one block and uses it in later ones (issue #12): values against closed
// forms worked by hand, gradients against central differences, and the errors that stay errors.
import { describe, expect, it } from 'vitest';
import { compileLoss, findLosses } from '../../../src/engine/compileLoss';

const note = String.raw`# Logistic regression by hand

The sigmoid squashes a score into a probability:

$$\sigma(z) = \frac{1}{1 + e^{-z}}$$

One sample with x = 2 and label 1 costs

$$L(w, b) = -\ln \sigma(2w + b) + \frac{1}{10}\left(w^2 + b^2\right)$$
`;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('definitions in earlier Markdown blocks', () => {
	it('makes \\sigma callable in a later block, with the value and gradient of the closed form', () => {
		const loss = compileLoss(note, { language: 'markdown', name: 'L' });
		expect(loss.params).toEqual(['w', 'b']);
		for (const [w, b] of [[0, 0], [0.7, -0.3], [-1.2, 2]] as const) {
			const s = sigmoid(2 * w + b);
			const value = -Math.log(s) + (w * w + b * b) / 10;
			// d/dz −ln σ(z) = σ(z) − 1, and z = 2w + b.
			const gradient = [2 * (s - 1) + w / 5, s - 1 + b / 5];
			const g = new Float64Array(2);
			expect(loss.valueAndGradient([w, b], g)).toBeCloseTo(value, 12);
			expect(g[0]).toBeCloseTo(gradient[0]!, 12);
			expect(g[1]).toBeCloseTo(gradient[1]!, 12);
		}
		expect(loss.checkGradient([0.4, 0.1]).ok).toBe(true);
	});

	it('lists both blocks as losses, the definition too', () => {
		const found = findLosses(note, 'markdown');
		expect(found.map((f) => (f.kind === 'loss' ? f.site.name : `error ${f.name}`))).toEqual(['σ', 'L']);
	});

	it('inlines a definition that calls an earlier one, and a call used twice', () => {
		const source = String.raw`$$g(t) = t^2 + 1$$ then $$h(u) = g(u) g(u - 1)$$ and $$L(x) = h(x) + g(3x)$$`;
		const loss = compileLoss(source, { language: 'markdown', name: 'L' });
		const g = (t: number) => t * t + 1;
		for (const x of [0, 0.5, -2]) expect(loss.value([x])).toBeCloseTo(g(x) * g(x - 1) + g(3 * x), 12);
	});

	it('sees only earlier blocks: a use before the definition is a product, as before', () => {
		const source = String.raw`$$L = k(w)$$ and later $$k(z) = z^2$$`;
		const found = findLosses(source, 'markdown');
		expect(found[0]?.kind === 'loss' && found[0].site.params).toEqual(['k', 'w']);
	});

	it('reports a wrong number of arguments at the call', () => {
		const source = String.raw`$$q(a) = a^2$$

$$L(x, y) = q(x, y)$$`;
		expect(() => compileLoss(source, { language: 'markdown', name: 'L' })).toThrow(/q takes 1 argument\(s\), not 2/);
	});
});
