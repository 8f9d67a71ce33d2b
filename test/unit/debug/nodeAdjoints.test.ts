/**
 * Values and adjoints ∂L/∂node of chosen nodes (the debugger's step-into), checked against derivatives worked out by
 * hand with the chain rule, on graphs built directly with the GraphBuilder.
 */
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../src/engine/graph/graphBuilder';
import { collectNodes, type LossGraph, type Node } from '../../../src/engine/graph/node';
import { readNodes, substituteParam } from '../../../src/engine/graph/nodeAdjoints';

function graphOf(b: GraphBuilder, output: Node, paramNames: string[]): LossGraph {
	return { output, params: paramNames.map((name, offset) => ({ name, offset })), paramNames, start: paramNames.map(() => 0), data: b.data, trace: [] };
}

describe('readNodes', () => {
	it('a = x − 1, b = a², L = b + 1 at x = 5: values 4, 16, 17 and adjoints 8, 1, 1', () => {
		const g = new GraphBuilder();
		const a = g.sub(g.param(0), g.constant(1));
		const b = g.mul(a, a);
		const out = g.add(b, g.constant(1));
		expect(readNodes(graphOf(g, out, ['x']), [a, b, out], [5])).toEqual([
			{ value: 4, adjoint: 8 },
			{ value: 16, adjoint: 1 },
			{ value: 17, adjoint: 1 },
		]);
	});

	it('sums every path: a = x², L = a·sin(a) + a gives ∂L/∂a = sin a + a cos a + 1', () => {
		const g = new GraphBuilder();
		const a = g.mul(g.param(0), g.param(0));
		const out = g.add(g.mul(a, g.op('sin', a)), a);
		const [reading] = readNodes(graphOf(g, out, ['x']), [a], [1.3]);
		const av = 1.3 * 1.3;
		expect(reading!.value).toBeCloseTo(av, 14);
		expect(reading!.adjoint).toBeCloseTo(Math.sin(av) + av * Math.cos(av) + 1, 12);
	});

	it('a parameter node reads its partial derivative; a constant has no adjoint', () => {
		const g = new GraphBuilder();
		const x = g.param(0);
		const three = g.constant(3);
		const out = g.mul(three, g.mul(x, x));
		expect(readNodes(graphOf(g, out, ['x']), [x, three], [2])).toEqual([
			{ value: 2, adjoint: 12 },
			{ value: 3, adjoint: undefined },
		]);
	});

	it('differentiates through a sum over data, and takes the mini-batch like the session (scaled by n / batch)', () => {
		const g = new GraphBuilder();
		const d = [1, 2, 3, 4];
		const y = [2, 3, 5, 9];
		const ds = g.addData(d);
		const ys = g.addData(y);
		const r = g.mul(g.param(0), g.constant(2));
		const loop = g.newLoop();
		const residual = g.sub(g.mul(r, g.data_(ds, loop.index)), g.data_(ys, loop.index));
		const body = g.mul(residual, residual);
		const out = g.sum(loop.loop, d.length, body);
		const graph = graphOf(g, out, ['w']);
		const rv = 0.7 * 2;
		const adjointOver = (indices: number[], scale: number) => scale * indices.reduce((s, i) => s + 2 * (rv * d[i]! - y[i]!) * d[i]!, 0);
		const [full, inLoop] = readNodes(graph, [r, body], [0.7]);
		expect(full!.adjoint).toBeCloseTo(adjointOver([0, 1, 2, 3], 1), 12);
		expect(inLoop).toBeUndefined();
		const [batched] = readNodes(graph, [r], [0.7], [0, 2]);
		expect(batched!.adjoint).toBeCloseTo(adjointOver([0, 2], 2), 12);
	});

	it('reads placeholder-dependent nodes as undefined', () => {
		const g = new GraphBuilder();
		const placeholder = g.param(-1);
		const out = g.add(g.param(0), g.constant(1));
		expect(readNodes(graphOf(g, out, ['x']), [g.mul(placeholder, g.param(0))], [1])).toEqual([undefined]);
	});
});

describe('substituteParam', () => {
	it('copies only the path to the target, with fresh ascending ids, and leaves the graph alone', () => {
		const g = new GraphBuilder();
		const a = g.sub(g.param(0), g.constant(1));
		const side = g.op('exp', g.param(0));
		const out = g.add(g.mul(a, a), side);
		const before = collectNodes(out).map((n) => n.id);
		const cut = substituteParam(out, a, 1);
		expect(collectNodes(out).map((n) => n.id)).toEqual(before);
		const nodes = collectNodes(cut);
		expect(nodes).toContain(side);
		expect(nodes).not.toContain(a);
		for (const node of nodes) {
			if (node.kind === 'op') for (const arg of node.args) expect(arg.id).toBeLessThan(node.id);
		}
	});
});
