// Hessian-vector products as generated code (compileGraph.ts, forward-over-reverse): the loops of a network over
// data, with nested sums kept on tapes, against the reference interpreter's product and against central differences
// of the compiled gradient; loops nested four deep (taped loops inside taped loops); a mini-batch; a nest too large
// to tape. The classic functions and every op are in test/unit/curvature/hessianVector.test.ts, for both.
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretHessianVector } from '../../../src/engine/graph/interpreter';
import type { LossGraph } from '../../../src/engine/graph/node';
import { typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { fourDeepLoops, tanhNetwork } from './graphFixtures';

const lower = (source: string) => typeScriptFrontEnd.lower(source, {}).graph;
const near = (actual: number, expected: number, tolerance: number) =>
	Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

/** H·u by central differences of the compiled gradient along u. */
function differenceProduct(graph: LossGraph, x: readonly number[], u: readonly number[], step = 1e-6): Float64Array {
	const { valueAndGradient } = compileGraph(graph);
	const plus = new Float64Array(x.length);
	const minus = new Float64Array(x.length);
	valueAndGradient(x.map((v, i) => v + step * u[i]!), plus);
	valueAndGradient(x.map((v, i) => v - step * u[i]!), minus);
	return plus.map((p, i) => (p - minus[i]!) / (2 * step));
}

function expectProducts(graph: LossGraph, x: readonly number[], differenceTolerance: number, batch?: number[]): void {
	const d = x.length;
	const compiled = compileGraph(graph);
	expect(compiled.code.hessianVector).toContain('function hessianVector(');
	for (const u of [x.map((_, i) => Math.cos(0.9 * i + 0.2)), x.map((_, i) => (i === d - 1 ? 1 : 0))]) {
		const generated = new Float64Array(d);
		const reference = new Float64Array(d);
		const value = compiled.hessianVector(x, u, generated, batch);
		expect(near(value, interpretHessianVector(graph, x, u, reference, batch), 1e-13)).toBe(true);
		generated.forEach((h, i) => expect(near(h, reference[i]!, 1e-11), `(H·u)[${i}]: ${h} vs interpreter ${reference[i]}`).toBe(true));
		if (batch) continue;
		const numeric = differenceProduct(graph, x, u);
		generated.forEach((h, i) => expect(near(h, numeric[i]!, differenceTolerance), `(H·u)[${i}]: ${h} vs differences ${numeric[i]}`).toBe(true));
	}
}

const network = tanhNetwork.source;

describe('Hessian-vector products in generated code', () => {
	it('on a tanh network over data: the interpreter’s product and central differences of the gradient', () => {
		const graph = lower(network);
		const compiled = compileGraph(graph);
		// Each hidden tanh is computed once, in the forward pass; its value and tangent are read back from tapes.
		expect(compiled.code.hessianVector.match(/Math\.tanh/g)).toHaveLength(compiled.code.value.match(/Math\.tanh/g)!.length);
		expectProducts(graph, graph.start, 1e-7);
	});

	it('on a mini-batch, as the interpreter', () => {
		const graph = lower(network);
		expectProducts(graph, graph.start, 1e-7, [3, 1]);
	});

	it('with taped loops inside taped loops, four deep', () => {
		const graph = lower(fourDeepLoops.source);
		expectProducts(graph, graph.start, 1e-6);
	});

	it('for a nest too large to tape, recomputing its values and tangents', () => {
		const graph = lower(`function loss(w: number[] = [0.3, -0.2]) {
	let total = 0;
	for (let i = 0; i < 2; i++) {
		for (let j = 0; j < 1100; j++) {
			let s = 0;
			for (let k = 0; k < 1000; k++) s += Math.tanh(w[0] * j * 0.001 + w[1] * k * 0.001 * (i + 1));
			total += Math.sin(s * 0.001);
		}
	}
	return total;
}`);
		const compiled = compileGraph(graph);
		expect(compiled.code.hessianVector).not.toMatch(/new Float64Array\(\d{7,}\)/);
		const u = [0.6, -0.8];
		const generated = new Float64Array(2);
		compiled.hessianVector(graph.start, u, generated);
		const numeric = differenceProduct(graph, graph.start, u, 1e-5);
		generated.forEach((h, i) => expect(near(h, numeric[i]!, 1e-6), `(H·u)[${i}]: ${h} vs differences ${numeric[i]}`).toBe(true));
	});
});
