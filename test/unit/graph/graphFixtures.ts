// Graphs built directly with the GraphBuilder, for testing the compiler and interpreter without a front end.
import { GraphBuilder } from '../../../src/engine/graph/graphBuilder';
import type { LossGraph, Node } from '../../../src/engine/graph/node';

export function graphOf(b: GraphBuilder, output: Node, paramNames: string[], start?: number[]): LossGraph {
	return {
		output,
		params: paramNames.map((name, offset) => ({ name, offset })),
		paramNames,
		start: start ?? paramNames.map(() => 0),
		data: b.data,
		steps: [],
	};
}

/** Rosenbrock (1 - x)^2 + 100 (y - x^2)^2 built from primitives. */
export function rosenbrockGraph(): LossGraph {
	const b = new GraphBuilder();
	const x = b.param(0);
	const y = b.param(1);
	const two = b.constant(2);
	const out = b.add(b.pow(b.sub(b.constant(1), x), two), b.mul(b.constant(100), b.pow(b.sub(y, b.pow(x, two)), two)));
	return graphOf(b, out, ['x', 'y'], [-1.2, 1]);
}

/**
 * Mean squared error of a linear model with `d` weights and a bias over `n` samples:
 * (1/n) Σ_i (Σ_j w_j X_ij + b - y_i)^2, with X row-major.
 */
export function regressionGraph(X: number[], y: number[], d: number): LossGraph {
	const b = new GraphBuilder();
	const n = y.length;
	const xs = b.addData(X);
	const ys = b.addData(y);
	const outer = b.newLoop();
	const inner = b.newLoop();
	const row = b.mul(outer.index, b.constant(d));
	const dot = b.sum(inner.loop, d, b.mul(b.paramAt(0, d, inner.index), b.data_(xs, b.add(row, inner.index))));
	const residual = b.sub(b.add(dot, b.param(d)), b.data_(ys, outer.index));
	const total = b.sum(outer.loop, n, b.pow(residual, b.constant(2)));
	const names = [...Array.from({ length: d }, (_, j) => `w[${j}]`), 'b'];
	return { ...graphOf(b, b.div(total, b.constant(n)), names), params: [{ name: 'w', offset: 0, size: d }, { name: 'b', offset: d }] };
}

/** A 2-3-1 tanh network over five samples, written in TypeScript, with its data and start point. */
export const tanhNetwork = (() => {
	const X = [[0.5, -1], [1.5, 0.25], [-0.75, 2], [1, 1], [0, -0.5]];
	const Y = [0.2, -0.4, 0.9, 0.1, -0.3];
	const [W1, b1, w2, b2] = [[[0.3, -0.2, 0.5], [0.1, 0.4, -0.6]], [0.05, -0.1, 0.2], [0.7, -0.3, 0.4], 0.1] as const;
	const source = `const X = ${JSON.stringify(X)};\nconst Y = ${JSON.stringify(Y)};
function loss(W1: number[][] = ${JSON.stringify(W1)}, b1: number[] = ${JSON.stringify(b1)}, w2: number[] = ${JSON.stringify(w2)}, b2 = ${b2}) {
	let total = 0;
	for (let n = 0; n < X.length; n++) {
		let out = b2;
		for (let k = 0; k < 3; k++) out += w2[k] * Math.tanh(W1[0][k] * X[n][0] + W1[1][k] * X[n][1] + b1[k]);
		total += (out - Y[n]) ** 2;
	}
	return total / X.length;
}`;
	return { X, Y, W1, b1, w2, b2, source };
})();

/** Loops nested four deep over a 4-vector, as a function (the oracle) and as TypeScript source. */
export const fourDeepLoops = (() => {
	const x = [0.3, -0.7, 1.1];
	const loss = (w: readonly number[]) => {
		let total = 0;
		for (let i = 0; i < 3; i++) {
			let a = 0;
			for (let j = 0; j < 4; j++) {
				let b = 0;
				for (let k = 0; k < 4; k++) {
					let c = 0;
					for (let l = 0; l < 4; l++) c += Math.sin(w[l]! * x[i]! + w[k]! * j + l);
					b += Math.tanh(c * w[j]! + k);
				}
				a += Math.exp(0.3 * b) * w[j]!;
			}
			total += Math.log1p(a * a);
		}
		return total;
	};
	const body = loss.toString().replace(/^\(w\) => \{|\}$/g, '').replace(/\]!/g, ']');
	const source = `const x = ${JSON.stringify(x)};\nfunction loss(w: number[] = [0.2, -0.4, 0.6, 0.1]) {${body}}`;
	return { loss, source };
})();
