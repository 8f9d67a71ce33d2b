// A matrix product whose shared index is short (at most 4) is written out as terms, as a hand-written loop writes
// `W1[0][k] * X[i][0] + W1[1][k] * X[i][1]`: the numpy network `np.tanh(X @ W1 + b1) @ w2` then lowers to the same
// loop nest as that TypeScript loop (a sum over samples around a sum over hidden units, nothing inside), and reads
// each sample's data once per sample. Values and gradients against the TypeScript form and central differences.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { collectNodes } from '../../../src/engine/graph/node';

const rows = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0], [0.1, 0.3], [1.0, -0.5]];
const y = [0.2, -0.4, 1.0, 0.0, 0.6];
const W1 = [[0.3, -0.2, 0.5, 0.8, -0.1], [0.1, 0.4, -0.6, 0.2, 0.9]];
const [b1, w2] = [[0.05, -0.1, 0.2, 0.0, 0.3], [0.7, -0.3, 0.4, 0.5, -0.2]];

const numpy = `import numpy as np
X = np.array(${JSON.stringify(rows)})
y = np.array(${JSON.stringify(y)})
def loss(W1=np.array(${JSON.stringify(W1)}), b1=np.array(${JSON.stringify(b1)}), w2=np.array(${JSON.stringify(w2)}), b2=0.1):
    return np.mean((np.tanh(X @ W1 + b1) @ w2 + b2 - y) ** 2)
`;
const typeScript = `const X: number[][] = ${JSON.stringify(rows)};
const y: number[] = ${JSON.stringify(y)};
export function loss(W1: number[][] = ${JSON.stringify(W1)}, b1: number[] = ${JSON.stringify(b1)}, w2: number[] = ${JSON.stringify(w2)}, b2 = 0.1): number {
	let total = 0;
	for (let i = 0; i < X.length; i++) {
		let out = b2;
		for (let k = 0; k < 5; k++) out += w2[k] * Math.tanh(W1[0][k] * X[i][0] + W1[1][k] * X[i][1] + b1[k]);
		total += (out - y[i]) ** 2;
	}
	return total / X.length;
}
`;

const sums = (source: string, language: 'python' | 'typescript') =>
	collectNodes(compileLoss(source, { language }).graph.output).filter((n) => n.kind === 'sum').length;

describe('matrix products over a short shared index', () => {
	it('lower to the loop nest of the hand-written loops', () => {
		expect(sums(typeScript, 'typescript')).toBe(2);
		expect(sums(numpy, 'python')).toBe(2);
	});

	it('keep a sum for a shared index longer than 4', () => {
		const short = 'import numpy as np\nX = np.ones((30, 4))\ndef loss(w=np.array([0.5, 1.0, 1.5, 2.0])):\n    return np.sum(X @ w)\n';
		const source = short.replace('(30, 4)', '(30, 5)').replace('2.0]', '2.0, 2.5]');
		expect(sums(short, 'python')).toBe(1);
		expect(sums(source, 'python')).toBe(2);
		const loss = compileLoss(source, { language: 'python' });
		expect(loss.value(loss.start)).toBe(30 * 7.5);
	});

	it('give the value and gradient of the loop form', () => {
		const [np, ts] = [compileLoss(numpy, { language: 'python' }), compileLoss(typeScript, { language: 'typescript' })];
		expect(np.params).toEqual(ts.params);
		const [g, h] = [new Float64Array(np.params.length), new Float64Array(ts.params.length)];
		const value = np.valueAndGradient(np.start, g);
		expect(Math.abs(value - ts.valueAndGradient(ts.start, h))).toBeLessThanOrEqual(1e-12 * Math.abs(value));
		g.forEach((gi, i) => expect(Math.abs(gi - h[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(gi))));
		g.forEach((gi, i) => {
			const [up, down] = [Float64Array.from(np.start), Float64Array.from(np.start)];
			up[i]! += 1e-6;
			down[i]! -= 1e-6;
			expect(gi).toBeCloseTo((np.value(up) - np.value(down)) / 2e-6, 7);
		});
	});
});
