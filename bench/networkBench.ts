// The 2-H-1 tanh network over 1,000 samples (#12), H = 16 and 64, written with weight matrices in numpy style and
// in TypeScript: compiled value + gradient against a hand-written forward/backward pass over Float64Arrays and
// against TensorFlow.js's CPU backend, measured side by side in this process; compile time; and the IR node count
// at 10 and at 1,000 samples (loops over data stay loops, so it must not grow).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { version_cpu as cpuBackendVersion } from '@tensorflow/tfjs-backend-cpu';
import { compileLoss } from '../src/engine/compileLoss';
import { collectNodes } from '../src/engine/graph/node';
import { formatNs, measure, measureTogether, median } from './measure';

interface Problem {
	readonly x: Float64Array;
	readonly y: Float64Array;
	readonly n: number;
	readonly h: number;
	/** W1 (2×H) row-major, b1 (H), w2 (H), b2: the flat parameter order of both sources. */
	readonly start: Float64Array;
}

function problem(n: number, h: number): Problem {
	let seed = 7;
	// Rounded to the 6 decimals the sources print, so all three computations see the same numbers.
	const next = () => Math.round((((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1) * 1e6) / 1e6;
	const x = Float64Array.from({ length: 2 * n }, next);
	const y = Float64Array.from({ length: n }, (_, i) => Math.round(Math.sin(3 * x[2 * i]!) * x[2 * i + 1]! * 1e6) / 1e6);
	const start = Float64Array.from({ length: 4 * h + 1 }, () => 0.5 * next());
	return { x, y, n, h, start };
}

const list = (values: ArrayLike<number>, from: number, count: number) =>
	`[${Array.from({ length: count }, (_, i) => values[from + i]!.toFixed(6)).join(', ')}]`;

function numpySource(p: Problem): string {
	const rows = Array.from({ length: p.n }, (_, i) => list(p.x, 2 * i, 2)).join(', ');
	const s = p.start;
	return `import numpy as np
X = np.array([${rows}])
y = np.array(${list(p.y, 0, p.n)})
def loss(W1=np.array([${list(s, 0, p.h)}, ${list(s, p.h, p.h)}]), b1=np.array(${list(s, 2 * p.h, p.h)}), w2=np.array(${list(s, 3 * p.h, p.h)}), b2=${s[4 * p.h]!.toFixed(6)}):
    hidden = np.tanh(X @ W1 + b1)
    return np.mean((hidden @ w2 + b2 - y) ** 2)
`;
}

function typeScriptSource(p: Problem): string {
	const rows = Array.from({ length: p.n }, (_, i) => list(p.x, 2 * i, 2)).join(', ');
	const s = p.start;
	return `const X: number[][] = [${rows}];
const y: number[] = ${list(p.y, 0, p.n)};
export function loss(W1: number[][] = [${list(s, 0, p.h)}, ${list(s, p.h, p.h)}], b1: number[] = ${list(s, 2 * p.h, p.h)}, w2: number[] = ${list(s, 3 * p.h, p.h)}, b2 = ${s[4 * p.h]!.toFixed(6)}): number {
	let total = 0;
	for (let i = 0; i < X.length; i++) {
		let out = b2;
		for (let k = 0; k < ${p.h}; k++) {
			out += w2[k] * Math.tanh(W1[0][k] * X[i][0] + W1[1][k] * X[i][1] + b1[k]);
		}
		total += (out - y[i]) ** 2;
	}
	return total / X.length;
}
`;
}

/** The forward and backward pass written by hand over Float64Arrays. */
function handWritten(p: Problem): (w: Float64Array, g: Float64Array) => number {
	const { x, y, n, h } = p;
	const hidden = new Float64Array(h);
	return (w, g) => {
		g.fill(0);
		const b2 = w[4 * h]!;
		let total = 0;
		for (let i = 0; i < n; i++) {
			const x0 = x[2 * i]!;
			const x1 = x[2 * i + 1]!;
			let out = b2;
			for (let k = 0; k < h; k++) {
				const a = Math.tanh(w[k]! * x0 + w[h + k]! * x1 + w[2 * h + k]!);
				hidden[k] = a;
				out += w[3 * h + k]! * a;
			}
			const r = out - y[i]!;
			total += r * r;
			const dOut = (2 * r) / n;
			g[4 * h]! += dOut;
			for (let k = 0; k < h; k++) {
				const a = hidden[k]!;
				g[3 * h + k]! += dOut * a;
				const dz = dOut * w[3 * h + k]! * (1 - a * a);
				g[k]! += dz * x0;
				g[h + k]! += dz * x1;
				g[2 * h + k]! += dz;
			}
		}
		return total / n;
	};
}

/** The same loss in TensorFlow.js (float32 on its CPU backend), value and gradient per call. */
function tensorFlow(p: Problem): () => number {
	const X = tf.tensor2d(Array.from(p.x), [p.n, 2]);
	const y = tf.tensor1d(Array.from(p.y));
	const s = p.start;
	const part = (from: number, to: number) => Array.from(s.subarray(from, to));
	const vars = [tf.tensor2d(part(0, 2 * p.h), [2, p.h]), tf.tensor1d(part(2 * p.h, 3 * p.h)), tf.tensor1d(part(3 * p.h, 4 * p.h)), tf.scalar(s[4 * p.h]!)];
	const f = (W1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
		tf.mean(tf.square(tf.sub(tf.add(tf.sum(tf.mul(tf.tanh(tf.add(tf.matMul(X, W1 as tf.Tensor2D), b1)), w2), 1), b2), y))) as tf.Scalar;
	const grads = tf.grads(f as (...args: tf.Tensor[]) => tf.Scalar);
	return () => tf.tidy(() => {
		const g = grads(vars);
		return g.length + (f(vars[0]!, vars[1]!, vars[2]!, vars[3]!).dataSync()[0] ?? 0);
	});
}

function compileMs(source: string, language: 'python' | 'typescript'): number {
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		const t = performance.now();
		compileLoss(source, { language });
		times.push(performance.now() - t);
	}
	return median(times);
}

export async function networkBench(report: (line: string) => void): Promise<void> {
	await tf.setBackend('cpu');
	report(`\nTensorFlow.js ${tf.version_core}, CPU backend ${cpuBackendVersion}`);
	for (const h of [16, 64]) {
		const p = problem(1000, h);
		const small = problem(10, h);
		const hand = handWritten(p);
		const sources = [['numpy', numpySource(p), numpySource(small), 'python'], ['TypeScript', typeScriptSource(p), typeScriptSource(small), 'typescript']] as const;
		for (const [style, source, smallSource, language] of sources) {
			const loss = compileLoss(source, { language });
			const nodes = collectNodes(loss.graph.output).length;
			const smallNodes = collectNodes(compileLoss(smallSource, { language }).graph.output).length;
			const w = Float64Array.from(p.start);
			const [g, gh] = [new Float64Array(w.length), new Float64Array(w.length)];
			const difference = Math.abs(loss.valueAndGradient(w, g) - hand(w, gh));
			const gradientDifference = Math.max(...g.map((v, i) => Math.abs(v - gh[i]!)));
			let sink = 0;
			const tfCall = tensorFlow(p);
			// Compiled and hand-written are interleaved sample by sample and compared by the median of their per-sample
			// ratios, so load that changes during the run hits both alike; TensorFlow.js (which allocates and collects
			// garbage heavily) is measured on its own afterwards.
			const [ours, mine] = measureTogether([
				['compiled', () => { sink += loss.valueAndGradient(w, g); }],
				['hand-written', () => { sink += hand(w, gh); }],
			], 61, 4);
			const theirs = measure('TensorFlow.js cpu', () => { sink += tfCall(); }, 9);
			const compile = compileMs(source, language);
			report(`\n2-${h}-1 tanh network, 1,000 samples, ${style} with weight matrices (IR nodes: ${nodes} at N = 1,000, ${smallNodes} at N = 10; |Δvalue| ${difference.toExponential(1)}, max |Δgradient| ${gradientDifference.toExponential(1)} vs hand-written)`);
			report(`  value + gradient: compiled ${formatNs(ours!.median)}, hand-written ${formatNs(mine!.median)}, TensorFlow.js cpu ${formatNs(theirs.median)}`);
			const ratio = median(ours!.samples.map((t, i) => t / mine!.samples[i]!));
			report(`  compiled / hand-written (median of per-sample ratios): ${ratio.toFixed(2)}×  (target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'});  TensorFlow.js / compiled: ${(theirs.median / ours!.median).toFixed(1)}×`);
			report(`  compile (parse + lower + codegen), median of 7: ${compile.toFixed(1)} ms  (target < 50 ms: ${compile < 50 ? 'met' : 'NOT met'});  node count ${nodes === smallNodes ? 'does not grow with N' : 'GROWS with N'}`);
			if (sink < 0) console.log(sink);
		}
	}
}
