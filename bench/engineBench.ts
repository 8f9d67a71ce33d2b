// The engine benchmark: compiled autodiff against hand-written closed forms and against central differences,
// compile time, a full session against a hand-written Adam loop, and history bytes per record. Prints medians and
// ratios measured in this one process; targets from the issues are printed beside them, never asserted.
import { stepIntoBench } from './stepIntoBench';
import { compileLoss, lossFromGraph } from '../src/engine/compileLoss';
import { OptimizationSession } from '../src/engine/session/optimizationSession';
import { BasinMapRun } from '../src/engine/landscape/basinMap';
import { sampleLandscape } from '../src/engine/landscape/sampleLandscape';
import { resolveSessionSettings } from '../src/engine/session/sessionSettings';
import { formatNs, measure, measureTogether, median } from './measure';
import { networkBench } from './networkBench';

const lines: string[] = [];
const report = (line: string) => {
	lines.push(line);
	console.log(line);
};

function ratioLine(label: string, ours: number, baseline: number, target?: number): void {
	const ratio = ours / baseline;
	const verdict = target === undefined ? '' : ratio <= target ? `  (target ≤ ${target}×: met)` : `  (target ≤ ${target}×: NOT met)`;
	report(`${label}: ${ratio.toFixed(2)}×${verdict}`);
}

function rosenbrockBench(): void {
	const source = 'export function loss(x = -1.2, y = 1) {\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}\n';
	const compileTimes: number[] = [];
	for (let i = 0; i < 30; i++) {
		const t = performance.now();
		compileLoss(source, { language: 'javascript' });
		compileTimes.push(performance.now() - t);
	}
	const loss = compileLoss(source, { language: 'javascript' });
	const hand = (p: Float64Array, g: Float64Array) => {
		const x = p[0]!;
		const y = p[1]!;
		const a = 1 - x;
		const b = y - x * x;
		g[0] = -2 * a - 400 * x * b;
		g[1] = 200 * b;
		return a * a + 100 * b * b;
	};
	const p = Float64Array.of(-1.2, 1);
	const g = new Float64Array(2);
	let sink = 0;
	const [ours, handWritten, numeric] = measureTogether([
		['compiled', () => { p[0] = -1.2 + (sink & 1) * 1e-9; sink += loss.valueAndGradient(p, g) > 0 ? 1 : 0; }],
		['hand-written', () => { p[0] = -1.2 + (sink & 1) * 1e-9; sink += hand(p, g) > 0 ? 1 : 0; }],
		['central differences', () => { sink += loss.numericGradient(p, g) > 0 ? 1 : 0; }],
	]);
	report(`\nRosenbrock 2-D, value + gradient (median per call): compiled ${formatNs(ours!.median)}, hand-written ${formatNs(handWritten!.median)}, central differences ${formatNs(numeric!.median)}`);
	ratioLine('  compiled / hand-written', ours!.median, handWritten!.median, 1.2);
	ratioLine('  central differences / compiled', numeric!.median, ours!.median);
	const compileMs = median(compileTimes);
	report(`  compile (parse + lower + codegen), median of 30: ${compileMs.toFixed(2)} ms  (target < 5 ms: ${compileMs < 5 ? 'met' : 'NOT met'})`);
	if (sink < 0) console.log(sink);
}

function regressionBench(): void {
	const d = 100;
	const n = 1000;
	let seed = 1;
	const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
	const X = Array.from({ length: n }, () => Array.from({ length: d }, random));
	const Y = X.map((row) => row.reduce((s, v, j) => s + v * Math.sin(j), 0) + 0.1 * random());
	const source = [
		`const X = ${JSON.stringify(X)};`,
		`const Y = ${JSON.stringify(Y)};`,
		'export function loss(w: number[]) {',
		'\tlet total = 0;',
		'\tfor (let i = 0; i < Y.length; i++) {',
		'\t\tlet prediction = 0;',
		'\t\tfor (let j = 0; j < w.length; j++) prediction += w[j] * X[i][j];',
		'\t\tconst residual = prediction - Y[i];',
		'\t\ttotal += residual * residual;',
		'\t}',
		'\treturn total / Y.length;',
		'}',
	].join('\n');
	const loss = compileLoss(source, { language: 'typescript', sizes: { w: d } });
	const flatX = Float64Array.from(X.flat());
	const flatY = Float64Array.from(Y);
	const hand = (w: Float64Array, g: Float64Array) => {
		g.fill(0);
		let total = 0;
		for (let i = 0; i < n; i++) {
			const row = i * d;
			let prediction = 0;
			for (let j = 0; j < d; j++) prediction += w[j]! * flatX[row + j]!;
			const r = prediction - flatY[i]!;
			total += r * r;
			const c = (2 * r) / n;
			for (let j = 0; j < d; j++) g[j]! += c * flatX[row + j]!;
		}
		return total / n;
	};
	const w = Float64Array.from({ length: d }, (_, j) => 0.01 * j);
	const g = new Float64Array(d);
	const gh = new Float64Array(d);
	const check = Math.abs(loss.valueAndGradient(w, g) - hand(w, gh));
	let sink = 0;
	const [ours, handWritten] = measureTogether([
		['compiled', () => { sink += loss.valueAndGradient(w, g); }],
		['hand-written', () => { sink += hand(w, gh); }],
	]);
	const numeric = measure('central differences', () => { sink += loss.numericGradient(w, g); }, 5, 50);
	report(`\nMSE linear regression, ${d} parameters × ${n} samples as loops over data (graph: ${countNodes(loss)} nodes; |Δvalue| vs hand-written ${check.toExponential(1)})`);
	report(`  compiled ${formatNs(ours!.median)}, hand-written ${formatNs(handWritten!.median)}, central differences ${formatNs(numeric.median)}`);
	ratioLine('  compiled / hand-written', ours!.median, handWritten!.median, 1.2);
	ratioLine('  central differences / compiled', numeric.median, ours!.median);
	if (sink < 0) console.log(sink);
}

function countNodes(loss: { graph: { output: unknown } }): number {
	const seen = new Set<unknown>();
	const stack: unknown[] = [loss.graph.output];
	while (stack.length > 0) {
		const n = stack.pop() as { args?: unknown[]; body?: unknown; index?: unknown };
		if (seen.has(n)) continue;
		seen.add(n);
		for (const c of [...(n.args ?? []), n.body, n.index]) if (c) stack.push(c);
	}
	return seen.size;
}

function sessionBench(): void {
	const source = 'export function loss(x = -1.2, y = 1) {\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}\n';
	const loss = compileLoss(source, { language: 'javascript' });
	const steps = 20_000;
	const settings = { optimizer: 'adam' as const, optimizerOptions: { lr: 1e-3 }, gradientTolerance: 0, lossTolerance: 0, divergenceSteps: 1e9, maxSteps: steps };
	let sink = 0;
	// The baseline: Adam as one would hand-write it for d parameters (arrays, a loop over coordinates), on the
	// hand-written gradient, with no history. A fully scalar-inlined 2-D version is measured too, for reference.
	const handAdam = () => {
		const d = 2;
		const x = Float64Array.of(-1.2, 1);
		const g = new Float64Array(d);
		const m = new Float64Array(d);
		const v = new Float64Array(d);
		const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
		for (let t = 1; t <= steps; t++) {
			const a = 1 - x[0]!;
			const b = x[1]! - x[0]! * x[0]!;
			g[0] = -2 * a - 400 * x[0]! * b;
			g[1] = 200 * b;
			sink += a * a + 100 * b * b > 0 ? 1 : 0;
			const c1 = 1 - b1 ** t;
			const c2 = Math.sqrt(1 - b2 ** t);
			for (let i = 0; i < d; i++) {
				m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
				v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
				x[i] = x[i]! - ((lr / c1) * m[i]!) / (Math.sqrt(v[i]!) / c2 + eps);
			}
		}
		return x[0]! + x[1]!;
	};
	const scalarAdam = () => {
		let x = -1.2;
		let y = 1;
		let m0 = 0, m1 = 0, v0 = 0, v1 = 0;
		const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
		for (let t = 1; t <= steps; t++) {
			const a = 1 - x;
			const b = y - x * x;
			const g0 = -2 * a - 400 * x * b;
			const g1 = 200 * b;
			m0 = b1 * m0 + (1 - b1) * g0;
			m1 = b1 * m1 + (1 - b1) * g1;
			v0 = b2 * v0 + (1 - b2) * g0 * g0;
			v1 = b2 * v1 + (1 - b2) * g1 * g1;
			const c1 = 1 - b1 ** t;
			const c2 = Math.sqrt(1 - b2 ** t);
			x -= (lr / c1) * m0 / (Math.sqrt(v0) / c2 + eps);
			y -= (lr / c1) * m1 / (Math.sqrt(v1) / c2 + eps);
			sink += a * a + 100 * b * b > 0 ? 1 : 0;
		}
		return x + y;
	};
	// The session's Adam takes beta^t from tables shared by every run with the same betas (optim/betaPower.ts). The
	// "cold" samples use betas no earlier run used, so they pay for building the tables; "warm" ones reuse them.
	let fresh = 0;
	const coldSettings = () => ({ ...settings, optimizerOptions: { lr: 1e-3, betas: [0.9 - ++fresh * 1e-12, 0.999 - fresh * 1e-12] as [number, number] } });
	const [cold, warm, hand, scalar] = measureTogether(
		[
			['session, cold tables', () => { sink += new OptimizationSession(loss, coldSettings()).continue(steps).step; }],
			['session, warm tables', () => { sink += new OptimizationSession(loss, settings).continue(steps).step; }],
			['hand-written Adam', () => { sink += handAdam(); }],
			['scalar Adam', () => { sink += scalarAdam(); }],
		],
		9,
	);
	const perCold = cold!.median / steps;
	const perWarm = warm!.median / steps;
	const perHand = hand!.median / steps;
	const perScalar = scalar!.median / steps;
	report(`\nFull session on Rosenbrock with Adam (${steps} steps, history, stop rules): ${formatNs(perCold)} per step with tables built in the run, ${formatNs(perWarm)} with tables reused (${(1e9 / perCold / 1e6).toFixed(2)} / ${(1e9 / perWarm / 1e6).toFixed(2)} M steps/s)`);
	report(`  hand-written Adam loop over the coordinates on the hand-written gradient (beta ** t): ${formatNs(perHand)} per step; fully scalar-inlined 2-D loop: ${formatNs(perScalar)}`);
	ratioLine('  session (cold tables) / hand-written', perCold, perHand, 1.5);
	ratioLine('  session (warm tables) / hand-written', perWarm, perHand);
	ratioLine('  session (cold tables) / scalar-inlined (reference)', perCold, perScalar);
	const s = new OptimizationSession(loss, settings);
	report(`  history: ${s.history.bytesPerRecord} bytes per record for 2 parameters (x, loss, gradient, lr); 1,000,000 steps = ${((s.history.bytesPerRecord * 1e6) / 2 ** 20).toFixed(1)} MiB (target < 64 MB)`);
	if (sink < 0) console.log(sink);
}

function gridBench(): void {
	const loss = compileLoss('export function loss(x = -1.2, y = 1) {\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}\n', { language: 'javascript' });
	const request = { at: [-1.2, 1], axes: [0, 1] as const, xMin: -2, xMax: 2, yMin: -1, yMax: 3, nx: 200, ny: 200 };
	let sink = 0;
	const grid = measure('grid', () => { sink += sampleLandscape(loss, request)[0]!; }, 15, 50);
	const ms = grid.median / 1e6;
	report(`\nContour grid in the host, 200×200 Rosenbrock values: ${ms.toFixed(2)} ms (target < 20 ms: ${ms < 20 ? 'met' : 'NOT met'})`);
	if (sink < 0) console.log(sink);
}

/**
 * Hessian-vector products against a gradient on a small MLP loss: y = v·tanh(W x + b) + c, 2 inputs, 8 hidden
 * units, 1 output (33 parameters; W as a flat vector), mean squared error over 64 samples. The HVP is generated
 * forward-over-reverse code (compileGraph.ts); it is compared with the compiled gradient, and the interpreter's HVP
 * (the reference, on its tape) with the interpreter's own gradient.
 */
function hessianVectorBench(): void {
	const n = 64;
	const hidden = 8;
	const X = Array.from({ length: n }, (_, i) => [Math.sin(0.3 * i), Math.cos(0.7 * i)]);
	const Y = X.map(([a, b]) => Math.sin(2 * a!) * b!);
	const source = [
		`const X = ${JSON.stringify(X)};`,
		`const Y = ${JSON.stringify(Y)};`,
		'export function loss(W: number[], b: number[], v: number[], c = 0) {',
		'	let total = 0;',
		'	for (let i = 0; i < Y.length; i++) {',
		'		let out = c;',
		`		for (let h = 0; h < ${hidden}; h++) out += v[h] * Math.tanh(W[2 * h] * X[i][0] + W[2 * h + 1] * X[i][1] + b[h]);`,
		'		total += (out - Y[i]) ** 2;',
		'	}',
		'	return total / Y.length;',
		'}',
	].join('\n');
	const loss = compileLoss(source, { language: 'typescript', sizes: { W: 2 * hidden, b: hidden, v: hidden } });
	const d = loss.params.length;
	const x = Float64Array.from({ length: d }, (_, i) => 0.3 * Math.sin(1.3 * i + 0.2));
	const direction = Float64Array.from({ length: d }, (_, i) => Math.cos(0.9 * i));
	const g = new Float64Array(d);
	const hv = new Float64Array(d);
	const interpreted = lossFromGraph(loss.graph, loss.site, true);
	let sink = 0;
	const [compiled, product, interpretedGradient, interpretedProduct] = measureTogether([
		['compiled gradient', () => { sink += loss.valueAndGradient(x, g); }],
		['compiled Hessian-vector product', () => { sink += loss.hessianVector(x, direction, hv); }],
		['interpreter gradient', () => { sink += interpreted.valueAndGradient(x, g); }],
		['interpreter Hessian-vector product', () => { sink += interpreted.hessianVector(x, direction, hv); }],
	]);
	report(`\nHessian-vector product, 2-${hidden}-1 tanh MLP (${d} parameters) × ${n} samples`);
	report(`  compiled: gradient ${formatNs(compiled!.median)}, HVP ${formatNs(product!.median)}; interpreter: gradient ${formatNs(interpretedGradient!.median)}, HVP ${formatNs(interpretedProduct!.median)}`);
	ratioLine('  compiled HVP / compiled gradient', product!.median, compiled!.median, 4);
	ratioLine('  interpreter HVP / compiled HVP', interpretedProduct!.median, product!.median);
	if (sink < 0) console.log(sink);
}

function basinBench(): void {
	const loss = compileLoss('function loss(x = 0, y = 0) { return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2; }', { language: 'javascript' });
	const settings = resolveSessionSettings({ optimizer: 'adam', optimizerOptions: { lr: 0.1 }, gradientTolerance: 0, lossTolerance: 0 });
	const times: number[] = [];
	let minima = 0;
	for (let i = 0; i < 5; i++) {
		const t = performance.now();
		const map = new BasinMapRun(loss, settings, { xMin: -5, xMax: 5, yMin: -5, yMax: 5, nx: 64, ny: 64, steps: 200 }).advance(() => false)!;
		times.push(performance.now() - t);
		minima = map.minima.length;
	}
	const ms = median(times);
	report(`\nBasin map of Himmelblau, 64×64 starts × 200 Adam steps (819,200 updates), median of 5: ${ms.toFixed(0)} ms, ${minima} minima (target < 2 s: ${ms < 2000 ? 'met' : 'NOT met'})`);
}

report(`Downhill engine benchmark — Node ${process.version}, ${new Date().toISOString()}`);
rosenbrockBench();
regressionBench();
sessionBench();
basinBench();
gridBench();
stepIntoBench(report, ratioLine);
hessianVectorBench();
void networkBench(report);
