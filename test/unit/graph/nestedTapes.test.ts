// Tapes of nested sums in generated code (src/engine/graph/nestedTapes.ts): the backward pass of a nested loop reads
// back what its forward pass computed instead of computing it again. The gradients must not change: a 2-H-1 tanh
// network against backpropagation written by hand, loops nested four deep (taped loops inside taped loops) against
// the same function run as JavaScript, central differences and the interpreter, and a nest too large for a tape
// (which recomputes) against the same function run as JavaScript and central differences.
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { fourDeepLoops, tanhNetwork } from './graphFixtures';

const near = (actual: number, expected: number, tolerance: number) =>
	Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

function compiled(source: string, interpret = true) {
	const graph = typeScriptFrontEnd.lower(source, {}).graph;
	const code = compileGraph(graph);
	const gradient = new Float64Array(graph.start.length);
	const value = code.valueAndGradient(graph.start, gradient);
	const reference = new Float64Array(graph.start.length);
	const interpreted = interpret ? interpretValueAndGradient(graph, graph.start, reference) : Number.NaN;
	return { graph, code: code.code.valueAndGradient, valueCode: code.code.value, value, gradient, interpreted, reference };
}

describe('tapes of nested sums', () => {
	it('computes each hidden tanh once and matches backpropagation written by hand', () => {
		const { X, Y, W1, b1, w2, b2, source } = tanhNetwork;
		const r = compiled(source);
		// As many tanh calls as the value alone needs: the backward pass reads them from the tape.
		expect(r.code.match(/Math\.tanh/g)).toHaveLength(r.valueCode.match(/Math\.tanh/g)!.length);
		const expected = new Array<number>(13).fill(0);
		let total = 0;
		for (let n = 0; n < X.length; n++) {
			const a = [0, 1, 2].map((k) => Math.tanh(W1[0]![k]! * X[n]![0]! + W1[1]![k]! * X[n]![1]! + b1[k]!));
			const residual = b2 + a.reduce((s, v, k) => s + w2[k]! * v, 0) - Y[n]!;
			total += residual ** 2;
			const dOut = (2 * residual) / X.length;
			expected[12]! += dOut;
			a.forEach((v, k) => {
				const dz = dOut * w2[k]! * (1 - v * v);
				expected[k]! += dz * X[n]![0]!;
				expected[3 + k]! += dz * X[n]![1]!;
				expected[6 + k]! += dz;
				expected[9 + k]! += dOut * v;
			});
		}
		expect(near(r.value, total / X.length, 1e-14)).toBe(true);
		r.gradient.forEach((g, i) => expect(near(g, expected[i]!, 1e-13), `${r.graph.paramNames[i]}: ${g} vs ${expected[i]}`).toBe(true));
	});

	it('keeps positions right for taped loops inside taped loops, four deep', () => {
		const { loss, source } = fourDeepLoops;
		const r = compiled(source);
		expect(r.code).toMatch(/const c\d+ = c\d+ \* 4 \+ k\d+;/);
		const w = [0.2, -0.4, 0.6, 0.1];
		expect(near(r.value, loss(w), 1e-13)).toBe(true);
		expect(near(r.interpreted, r.value, 1e-13)).toBe(true);
		r.gradient.forEach((g, i) => {
			const h = 1e-6;
			const numeric = (loss(w.map((v, j) => (j === i ? v + h : v))) - loss(w.map((v, j) => (j === i ? v - h : v)))) / (2 * h);
			expect(near(g, numeric, 1e-7), `w[${i}]: ${g} vs central difference ${numeric}`).toBe(true);
			expect(near(g, r.reference[i]!, 1e-12), `w[${i}]: ${g} vs interpreter ${r.reference[i]}`).toBe(true);
		});
	});

	it('recomputes a nest too large to tape, with the same gradient', () => {
		const loss = (w: readonly number[]) => {
			let total = 0;
			for (let i = 0; i < 2; i++) {
				for (let j = 0; j < 1100; j++) {
					let s = 0;
					for (let k = 0; k < 1000; k++) s += Math.tanh(w[0]! * j * 0.001 + w[1]! * k * 0.001 * (i + 1));
					total += Math.sin(s * 0.001);
				}
			}
			return total;
		};
		const body = loss.toString().replace(/^\(w\) => \{|\}$/g, '').replace(/\]!/g, ']');
		const r = compiled(`function loss(w: number[] = [0.3, -0.2]) {${body}}`, false);
		expect(r.code).not.toMatch(/new Float64Array\(\d{7,}\)/);
		const w = [0.3, -0.2];
		expect(near(r.value, loss(w), 1e-12)).toBe(true);
		r.gradient.forEach((g, i) => {
			const h = 1e-5;
			const numeric = (loss(w.map((v, j) => (j === i ? v + h : v))) - loss(w.map((v, j) => (j === i ? v - h : v)))) / (2 * h);
			expect(near(g, numeric, 1e-7), `w[${i}]: ${g} vs central difference ${numeric}`).toBe(true);
		});
	});
});
