// Loops stay loops: however a Python loss iterates over 10,000 data points (a for loop over zip, range(len(...)) or
// enumerate, a generator in sum, a list comprehension in np.mean), the graph holds one sum node and a few dozen nodes,
// and its value and gradient match the closed form.
import { describe, expect, it } from 'vitest';
import { batchInfo } from '../../../src/engine/graph/interpreter';
import { collectNodes, type LossGraph } from '../../../src/engine/graph/node';
import { relativeError } from '../fixtures/classicFunctions';
import { errorOf, lower, run } from './helpers';

const n = 10_000;
const xs = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 3);
const ys = xs.map((x) => 2 * x - 0.5 + 0.1 * Math.cos(5 * x));
const data = `import numpy as np\n\nxs = [${xs.join(', ')}]\nys = [${ys.join(', ')}]\n`;

/** Closed-form MSE of y ≈ w x + b and its gradient. */
function mse(w: number, b: number): { value: number; gradient: [number, number] } {
	let value = 0;
	let gw = 0;
	let gb = 0;
	for (let i = 0; i < n; i++) {
		const r = w * xs[i]! + b - ys[i]!;
		value += r * r;
		gw += 2 * r * xs[i]!;
		gb += 2 * r;
	}
	return { value: value / n, gradient: [gw / n, gb / n] };
}

function sums(graph: LossGraph): number {
	return collectNodes(graph.output).filter((node) => node.kind === 'sum').length;
}

describe('loops stay loops', () => {
	const variants: Record<string, string> = {
		'a for loop over zip': `def loss(w=0.0, b=0.0):
    total = 0.0
    for x, y in zip(xs, ys):
        r = w * x + b - y
        total += r * r
    return total / len(xs)`,
		'range(len(xs))': `def loss(w=0.0, b=0.0):
    total = 0.0
    for i in range(len(xs)):
        total = total + (w * xs[i] + b - ys[i]) ** 2
    return total / len(xs)`,
		'enumerate': `def loss(w=0.0, b=0.0):
    total = 0
    for i, x in enumerate(xs):
        total -= -(w * x + b - ys[i]) ** 2
    return total / len(ys)`,
		'sum over a generator': `def loss(w=0.0, b=0.0):
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)`,
		'np.mean over a list comprehension': `def loss(w=0.0, b=0.0):
    return np.mean([(w * xs[i] + b - ys[i]) ** 2 for i in range(len(xs))])`,
		'a lambda mapped over zip': `residual = lambda w, b, x, y: w * x + b - y
loss = lambda w=0.0, b=0.0: np.sum([residual(w, b, x, y) ** 2 for x, y in zip(xs, ys)]) / len(xs)`,
		'a comprehension assigned first': `def loss(w=0.0, b=0.0):
    residuals = [w * x + b - y for x, y in zip(xs, ys)]
    return sum(r * r for r in residuals) / len(residuals)`,
	};
	for (const [label, body] of Object.entries(variants)) {
		it(`lowers an MSE over ${n} points written with ${label} to fewer than 100 nodes`, () => {
			const graph = lower(data + body);
			expect(collectNodes(graph.output).length).toBeLessThan(100);
			expect(sums(graph)).toBe(1);
			expect(batchInfo(graph).count).toBe(n);
			for (const [w, b] of [[0, 0], [1.5, -0.25]] as const) {
				const { value, gradient } = run(graph, [w, b]);
				const expected = mse(w, b);
				expect(relativeError(value, expected.value)).toBeLessThanOrEqual(1e-12);
				expect(relativeError(gradient[0]!, expected.gradient[0])).toBeLessThanOrEqual(1e-10);
				expect(relativeError(gradient[1]!, expected.gradient[1])).toBeLessThanOrEqual(1e-10);
			}
		});
	}

	it('keeps nested loops over a matrix as nested sums', () => {
		const rows = 2000;
		const X = Array.from({ length: rows }, (_, i) => Array.from({ length: 4 }, (_, j) => Math.cos(i + 3 * j)));
		const y = X.map((row, i) => row[0]! - row[2]! + 0.01 * i);
		const graph = lower(`X = ${JSON.stringify(X)}
y = ${JSON.stringify(y)}

def loss(w=[0.0, 0.0, 0.0, 0.0], b=0.0):
    s = 0.0
    for row, target in zip(X, y):
        prediction = b + sum(wj * xj for wj, xj in zip(w, row))
        s += (prediction - target) ** 2
    return s / len(X)`);
		expect(collectNodes(graph.output).length).toBeLessThan(40);
		expect(sums(graph)).toBe(2);
		const w = [0.3, -0.2, 0.7, 0.1];
		const { value, gradient } = run(graph, [...w, 0.4]);
		let expected = 0;
		const g = new Float64Array(5);
		X.forEach((row, i) => {
			const r = row.reduce((s, v, j) => s + v * w[j]!, 0) + 0.4 - y[i]!;
			expected += r * r;
			row.forEach((v, j) => (g[j]! += (2 * r * v) / rows));
			g[4]! += (2 * r) / rows;
		});
		expect(relativeError(value, expected / rows)).toBeLessThanOrEqual(1e-12);
		for (let j = 0; j < 5; j++) expect(relativeError(gradient[j]!, g[j]!)).toBeLessThanOrEqual(1e-10);
	});

	it('sums under if statements and generator filters as selects', () => {
		const graph = lower(`${data}
def loss(w=1.0):
    hinge = 0.0
    count = 0
    for x, y in zip(xs, ys):
        if x > 0:
            hinge += max(0, 1 - y * w * x)
            count += 1
        else:
            hinge -= 0.5 * w
    return hinge / count + sum(w * x for x in xs if x < -1) / len([x for x in xs])`);
		expect(collectNodes(graph.output).length).toBeLessThan(100);
		let hinge = 0;
		let count = 0;
		let filtered = 0;
		xs.forEach((x, i) => {
			if (x > 0) {
				hinge += Math.max(0, 1 - ys[i]! * 0.3 * x);
				count++;
			} else hinge -= 0.15;
			if (x < -1) filtered += 0.3 * x;
		});
		expect(relativeError(run(graph, [0.3]).value, hinge / count + filtered / n)).toBeLessThanOrEqual(1e-12);
	});

	it('computes sums over data alone while lowering', () => {
		const graph = lower(`${data}
mean_y = sum(ys) / len(ys)
positives = sum(1 for x in xs if x > 0)

def loss(w=1.0):
    return sum((w * xs[i] - ys[i] + mean_y) ** 2 for i in range(positives))`);
		expect(sums(graph)).toBe(1);
		const meanY = ys.reduce((s, v) => s + v, 0) / n;
		const k = xs.filter((x) => x > 0).length;
		let expected = 0;
		for (let i = 0; i < k; i++) expected += (2 * xs[i]! - ys[i]! + meanY) ** 2;
		expect(relativeError(run(graph, [2]).value, expected)).toBeLessThanOrEqual(1e-12);
	});

	it('unrolls short loops that carry a value non-additively, and a triangular nest', () => {
		const graph = lower(`roots = [1, -2, 0.5]
def loss(x=0.3):
    p = 1.0
    for r in roots:
        p *= x - r
    s = 0.0
    for _ in range(20):
        s = 0.5 * s + x
    t = sum(x * j for i in range(6) for j in range(i))
    return p + s + t`);
		const x = 0.3;
		let s = 0;
		for (let i = 0; i < 20; i++) s = 0.5 * s + x;
		const p = (x - 1) * (x + 2) * (x - 0.5);
		expect(relativeError(run(graph).value, p + s + x * 20)).toBeLessThanOrEqual(1e-12);
	});

	it('rejects a long multiplicative loop and a long running minimum, naming the variable', () => {
		const product = 'p = 1.0\n    for v in xs:\n        p *= x * v\n    return p';
		expect(errorOf(`${data}\ndef loss(x=1.0):\n    ${product}`).message)
			.toMatch(/loop carries 'p' multiplicatively and is too long to unroll/);
		expect(errorOf(`${data}\ndef loss(x=1.0):\n    return min(x * v for v in xs)`).message)
			.toMatch(/loop carries 'the minimum' through min and is too long to unroll/);
	});
});
