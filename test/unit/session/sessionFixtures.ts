// Losses for session tests, built directly with the GraphBuilder so these tests do not depend on a front end.
import { lossFromGraph, type Loss } from '../../../src/engine/compileLoss';
import { GraphBuilder } from '../../../src/engine/graph/graphBuilder';
import type { Node } from '../../../src/engine/graph/node';
import { regressionGraph } from '../graph/graphFixtures';

function lossOf(b: GraphBuilder, output: Node, names: string[], start: number[], name: string): Loss {
	const graph = { output, params: names.map((n, offset) => ({ name: n, offset })), paramNames: names, start, data: b.data, steps: [] };
	const site = { name, language: 'math' as const, params: names, span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, nameSpan: { line: 1, column: 1, endLine: 1, endColumn: 2 } };
	return lossFromGraph(graph, site, false);
}

/** The study note's y = (x − 1)² + 1, starting at x = 5. */
export function quadratic(): Loss {
	const b = new GraphBuilder();
	const x = b.param(0);
	return lossOf(b, b.add(b.pow(b.sub(x, b.constant(1)), b.constant(2)), b.constant(1)), ['x'], [5], 'y');
}

/** x⁴ − 3x² + x: a local minimum near 1.13 and the global one near −1.30. */
export function doubleWell(start = 2): Loss {
	const b = new GraphBuilder();
	const x = b.param(0);
	const out = b.add(b.sub(b.pow(x, b.constant(4)), b.mul(b.constant(3), b.pow(x, b.constant(2)))), x);
	return lossOf(b, out, ['x'], [start], 'doubleWell');
}

export function rosenbrock(): Loss {
	const b = new GraphBuilder();
	const [x, y] = [b.param(0), b.param(1)];
	const two = b.constant(2);
	const out = b.add(b.pow(b.sub(b.constant(1), x), two), b.mul(b.constant(100), b.pow(b.sub(y, b.pow(x, two)), two)));
	return lossOf(b, out, ['x', 'y'], [-1.2, 1], 'rosenbrock');
}

/** MSE of a 2-feature linear model over 40 samples (for mini-batches). */
export function regression(): Loss {
	const n = 40;
	const X = Array.from({ length: 2 * n }, (_, i) => Math.sin(0.37 * i) * 2);
	const y = Array.from({ length: n }, (_, i) => 1.5 * X[2 * i]! - 0.5 * X[2 * i + 1]! + 0.3 + 0.01 * Math.cos(i));
	const graph = regressionGraph(X, y, 2);
	const site = { name: 'mse', language: 'math' as const, params: ['w', 'b'], span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, nameSpan: { line: 1, column: 1, endLine: 1, endColumn: 2 } };
	return lossFromGraph(graph, site, false);
}

/** The ill-conditioned valley 0.5·(x² + 50 y²), from (10, 1): curvatures 1 and 50. */
export function valley(): Loss {
	const b = new GraphBuilder();
	const [x, y] = [b.param(0), b.param(1)];
	const out = b.mul(b.constant(0.5), b.add(b.mul(x, x), b.mul(b.constant(50), b.mul(y, y))));
	return lossOf(b, out, ['x', 'y'], [10, 1], 'valley');
}

/** x², from x = 5. */
export function square(): Loss {
	const b = new GraphBuilder();
	const x = b.param(0);
	return lossOf(b, b.mul(x, x), ['x'], [5], 'square');
}

/** 1 − exp(−(x² + y²)), from (2.5, 2): a dip in a wide, nearly flat plane. */
export function mesa(): Loss {
	const b = new GraphBuilder();
	const [x, y] = [b.param(0), b.param(1)];
	const out = b.sub(b.constant(1), b.op('exp', b.neg(b.add(b.mul(x, x), b.mul(y, y)))));
	return lossOf(b, out, ['x', 'y'], [2.5, 2], 'mesa');
}

/** 1 + tanh(x), from x = 5: saturated, its slope about 2·10⁻⁴. */
export function saturated(): Loss {
	const b = new GraphBuilder();
	const x = b.param(0);
	return lossOf(b, b.add(b.constant(1), b.op('tanh', x)), ['x'], [5], 'saturated');
}
