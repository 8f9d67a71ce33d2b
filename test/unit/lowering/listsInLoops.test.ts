// Lists that change inside loops (lowering/scopedLoop.ts, carriedValues.ts, listUpdates.ts): a list overwritten in
// each iteration of a loop over samples, built by append, or updated element by element. Expected values come from a
// hand-written forward pass of the same 2-2-1 tanh network in plain JavaScript; gradients from central differences;
// the loop over samples stays one sum, so the node count does not grow with the number of samples.
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { collectNodes } from '../../../src/engine/graph/node';

const start = { W1: [[0.5, -0.4], [0.3, 0.8]], b1: [0.1, -0.1], w2: [0.7, -0.6], b2: 0.05 };
const signature = 'W1=[[0.5, -0.4], [0.3, 0.8]], b1=[0.1, -0.1], w2=[0.7, -0.6], b2=0.05';

const data = (n: number) => `X = [[(i % 2) * 1.0, ((i // 2) % 2) * 1.0] for i in range(${n})]
Y = [((i % 2) + ((i // 2) % 2)) % 2 for i in range(${n})]
`;

const comprehension = `def loss(${signature}):
    total = 0.0
    for x, y in zip(X, Y):
        h = [math.tanh(W1[j][0] * x[0] + W1[j][1] * x[1] + b1[j]) for j in range(2)]
        out = w2[0] * h[0] + w2[1] * h[1] + b2
        total += (out - y) ** 2
    return total / len(X)
`;

const appended = `def loss(${signature}):
    total = 0.0
    for i in range(len(X)):
        h = []
        for j in range(2):
            h.append(math.tanh(W1[j][0] * X[i][0] + W1[j][1] * X[i][1] + b1[j]))
        terms = [0.0, 0.0]
        for j in range(2):
            terms[j] = w2[j] * h[j]
        out = terms[0] + terms[1] + b2
        total += (out - Y[i]) ** 2
    return total / len(X)
`;

/** The same network, forward only, in plain JavaScript. */
function reference(n: number): number {
	let total = 0;
	for (let i = 0; i < n; i++) {
		const x = [i % 2, Math.floor(i / 2) % 2];
		const y = ((i % 2) + (Math.floor(i / 2) % 2)) % 2;
		const h = [0, 1].map((j) => Math.tanh(start.W1[j]![0]! * x[0]! + start.W1[j]![1]! * x[1]! + start.b1[j]!));
		const out = start.w2[0]! * h[0]! + start.w2[1]! * h[1]! + start.b2;
		total += (out - y) ** 2;
	}
	return total / n;
}

const python = (body: string, n: number) => compileLoss(`import math\n${data(n)}${body}`, { language: 'python' });

describe('lists that change inside loops', () => {
	it.each([['a comprehension overwritten per sample', comprehension], ['append and element assignment', appended]])(
		'%s: value of a hand-written forward pass, gradient of central differences',
		(_name, body) => {
			const loss = python(body, 40);
			const g = new Float64Array(loss.params.length);
			expect(loss.valueAndGradient(loss.start, g)).toBeCloseTo(reference(40), 13);
			expect(loss.checkGradient(loss.start).ok).toBe(true);
		},
	);

	it('gives both spellings the same gradient, and keeps the loop over samples a sum', () => {
		const [a, b] = [python(comprehension, 400), python(appended, 400)];
		const [ga, gb] = [new Float64Array(a.params.length), new Float64Array(b.params.length)];
		expect(a.valueAndGradient(a.start, ga)).toBe(b.valueAndGradient(b.start, gb));
		expect(Array.from(ga)).toEqual(Array.from(gb));
		const nodes = (n: number) => collectNodes(python(appended, n).graph.output).length;
		expect(nodes(4000)).toBe(nodes(4));
	});

	it('adds into the elements of a local list (g[j] += ...) as sums', () => {
		const loss = python(`def loss(w=[1.0, 2.0]):
    g = [0.0, 0.0]
    for i in range(len(X)):
        for j in range(2):
            g[j] += w[j] * X[i][j]
    return g[0] ** 2 + g[1]
`, 8);
		// Σ_i X[i][0] = 4 and Σ_i X[i][1] = 4 over 8 samples: g = [4 w0, 4 w1], L = 16 w0² + 4 w1.
		const grad = new Float64Array(2);
		expect(loss.valueAndGradient([1, 2], grad)).toBe(16 + 8);
		expect(Array.from(grad)).toEqual([32, 4]);
	});

	it('carries a list reassigned in a loop and reads it after the loop', () => {
		const loss = python(`def loss(x=1.0):
    v = [0.0, 0.0]
    for k in range(3):
        v = [v[1], v[0] + x * k]
    return v[0] * 10 + v[1]
`, 1);
		// k=0: [0, 0]; k=1: [0, x]; k=2: [x, 2x] → 10x + 2x.
		expect(loss.value([1.5])).toBe(18);
	});

	it('carries a JavaScript array reassigned in a loop', () => {
		const source = 'const xs = [2, 3];\nconst ys = [5, 7];\nfunction loss(x = 1) {\n\tlet v = xs;\n\tfor (let i = 0; i < 2; i++) v = i === 0 ? v : ys;\n\treturn v[0] * x;\n}';
		const loss = compileLoss(source, { language: 'javascript' });
		expect(loss.value([3])).toBe(15);
	});

	it('refuses a list built by append in a loop too long to unroll, at the loop', () => {
		expect(() => python('def loss(x=1.0):\n    h = []\n    for i in range(100000):\n        h.append(x)\n    return h[0]\n', 1))
			.toThrow(/a list changes its length inside a loop of 100,000 iterations/);
	});
});
