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
