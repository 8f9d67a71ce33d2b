/**
 * The Graph view's model of a 2-2-1 XOR network written with a weight matrix (issue #13: a vector or matrix is one
 * node with its shape): `H = sigmoid(X @ W1 + b1)`, `out = sigmoid(H @ w2 + b2)`. W1, b1 and w2 are one node each
 * (not one per element), with their elements as values and, in the backward pass, their gradient; every element's
 * use draws an edge from that one node. The oracle is backpropagation written out by hand below on plain arrays
 * (dz₂ = 2(out − y)/4 · out(1 − out), dH = dz₂ w2ᵀ ⊙ H(1 − H), dW1 = Xᵀ dH), not the engine.
 */
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { PassWalk } from '../../../src/engine/session/walk/passWalk';
import { walkGraph } from '../../../src/engine/session/walk/walkGraph';
import { WalkScope } from '../../../src/engine/session/walk/walkScope';
import type { GraphModel } from '../../../src/shared/graphModel';
import { graphNodeText, nodeSize } from '../../../src/webview/graphText';
import { Strings } from '../../../src/webview/strings';

const source = `import numpy as np

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([0.0, 1.0, 1.0, 0.0])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def loss(W1=np.array([[0.5, -0.4], [0.3, 0.8]]), b1=np.array([0.1, -0.2]), w2=np.array([0.7, -0.6]), b2=0.05):
    H = sigmoid(X @ W1 + b1)
    out = sigmoid(H @ w2 + b2)
    return np.mean((out - Y) ** 2)
`;
const loss = compileLoss(source, { language: 'python' });

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const Y = [0, 1, 1, 0];
const W1 = [[0.5, -0.4], [0.3, 0.8]];
const b1 = [0.1, -0.2];
const w2 = [0.7, -0.6];
const b2 = 0.05;

/** Backpropagation by hand: the gradient of the mean squared error with respect to W1, b1, w2 and b2. */
function handGradient() {
	const sigma = (z: number) => 1 / (1 + Math.exp(-z));
	const dW1 = [[0, 0], [0, 0]];
	const db1 = [0, 0];
	const dw2 = [0, 0];
	let db2 = 0;
	X.forEach((x, n) => {
		const h = [0, 1].map((j) => sigma(x[0]! * W1[0]![j]! + x[1]! * W1[1]![j]! + b1[j]!));
		const out = sigma(h[0]! * w2[0]! + h[1]! * w2[1]! + b2);
		const dz2 = ((2 * (out - Y[n]!)) / 4) * out * (1 - out);
		db2 += dz2;
		for (const j of [0, 1]) {
			dw2[j]! += dz2 * h[j]!;
			const dz1 = dz2 * w2[j]! * h[j]! * (1 - h[j]!);
			db1[j]! += dz1;
			for (const i of [0, 1]) dW1[i]![j]! += x[i]! * dz1;
		}
	});
	return { dW1: dW1.flat(), db1, dw2, db2 };
}

/** The graph once the walk is `steps` stops in (the loss has one statement, so the backward pass starts early). */
function modelAfter(steps: number): GraphModel {
	const walk = PassWalk.enter(loss.graph, loss.start)!;
	for (let k = 0; k < steps && walk.next(); k++);
	return walkGraph(loss.graph, walk, WalkScope.root(loss.graph, loss.start));
}

describe('a weight matrix in the graph of the XOR network', () => {
	const idle = walkGraph(loss.graph, undefined, WalkScope.root(loss.graph, loss.start));

	it('draws W1, b1 and w2 as one node each, with their shapes and elements', () => {
		const params = idle.nodes.filter((n) => n.kind === 'param');
		expect(params.map((n) => n.label).sort()).toEqual(['W1', 'b1', 'b2', 'w2']);
		const w1 = params.find((n) => n.label === 'W1')!;
		expect(w1.shape).toEqual([2, 2]);
		expect(w1.values).toEqual([0.5, -0.4, 0.3, 0.8]);
		expect(w1.adjoints).toBeUndefined();
		expect(params.find((n) => n.label === 'b1')!.shape).toEqual([2]);
		expect(params.find((n) => n.label === 'w2')!.values).toEqual([0.7, -0.6]);
		expect(params.find((n) => n.label === 'b2')!.shape).toBeUndefined();
		expect(idle.nodes.some((n) => /\[/.test(n.label))).toBe(false);
	});

	it('draws an edge from W1 to each product that reads one of its 4 elements, and from b1 to its 2 sums', () => {
		const users = (id: string) => idle.edges.filter((e) => e.from === id).map((e) => idle.nodes.find((n) => n.id === e.to)!.label);
		expect(users('param:W1')).toEqual(['×', '×', '×', '×']);
		expect(users('param:b1')).toEqual(['+', '+']);
		expect(new Set(idle.edges.map((e) => `${e.from}>${e.to}`)).size).toBe(idle.edges.length);
	});

	it('in the backward pass, the matrix node carries the gradient backpropagation gives by hand', () => {
		const m = modelAfter(3);
		expect(m.phase).toBe('backward');
		const hand = handGradient();
		const at = (label: string) => m.nodes.find((n) => n.label === label)!;
		at('W1').adjoints!.forEach((a, i) => expect(a).toBeCloseTo(hand.dW1[i]!, 14));
		at('b1').adjoints!.forEach((a, i) => expect(a).toBeCloseTo(hand.db1[i]!, 14));
		at('w2').adjoints!.forEach((a, i) => expect(a).toBeCloseTo(hand.dw2[i]!, 14));
		expect(at('b2').adjoint).toBeCloseTo(hand.db2, 14);
	});

	it('shows the matrix as W1 (2×2) with its elements, and its gradient, in a box that keeps its size', () => {
		const english = new Strings();
		const before = graphNodeText(idle.nodes.find((n) => n.label === 'W1')!, english, false);
		expect(before.title).toBe('W1 (2×2)');
		expect(before.value).toBe('= [0.5 −0.4; 0.3 0.8]');
		expect(before.adjoint).toBe('');
		const after = graphNodeText(modelAfter(3).nodes.find((n) => n.label === 'W1')!, english, false);
		// dW1 by hand (and by numpy) is [[0.0014542, −0.0029724], [−0.00021703, −0.0019520]]: 3 digits each.
		expect(after.adjoint).toBe('∂ [0.00145 −0.00297; −2.17e-4 −0.00195]');
		expect(after.label).toMatch(/^parameter W1 \(2×2\), value \[0\.5 −0\.4; 0\.3 0\.8\], ∂L\/∂ \[/);
		expect(nodeSize(after)).toEqual(nodeSize(before));
		expect(nodeSize(before).width).toBeGreaterThanOrEqual(after.adjoint.length * 7.3);
	});
});
