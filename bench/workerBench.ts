// The engine's worker, measured: the round trip of one request against the same work in-process, a worker's start
// and a restart after an overrun, a loss over a CSV with the file sent in every request against once per version
// (dataOnce.ts), and Markdown math scanning at 40 KB against 160 KB (linear time means about 4×).
// Runs after `npm run build` (it starts dist/engineWorker.js). Medians; printed, never asserted.
import { compileLoss } from '../src/engine/index';
import { findMathBlocks } from '../src/engine/language/math/markdownMath';
import { EngineClient } from '../src/extension/worker/engineClient';
import { nodeEngineTransport } from '../src/extension/worker/nodeEngineTransport';
import type { DocumentText } from '../src/worker/engineProtocol';
import { resolve } from 'node:path';
import { formatNs, measure, measureTogether, median } from './measure';
import { sessionWorkerBench } from './sessionWorkerBench';

const rosenbrock = 'export function loss(x = -1.2, y = 1) {\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}\n';

async function roundTrip(): Promise<void> {
	const client = new EngineClient(nodeEngineTransport(resolve('dist/engineWorker.js')));
	const document: DocumentText = { uri: 'bench:rosenbrock.js', version: 1, language: 'javascript', text: rosenbrock };
	const started = performance.now();
	await client.request('startValue', { document, name: 'loss' }, { budgetMs: 10_000 });
	const firstMs = performance.now() - started;
	const trips: number[] = [];
	for (let i = 0; i < 400; i++) {
		const t = performance.now();
		await client.request('evaluate', { document, name: 'loss', x: [i * 1e-3, 1] }, { budgetMs: 10_000 });
		trips.push(performance.now() - t);
	}
	const loss = compileLoss(rosenbrock, { language: 'javascript' });
	let sink = 0;
	const inProcess = measure('in-process check', () => (sink += loss.checkGradient([0.5, 1]).value), 15, 20);
	const trip = median(trips) * 1e6;
	console.log(`\nEngine worker (worker_threads), Rosenbrock:`);
	console.log(`  first request (starts the worker, compiles): ${firstMs.toFixed(1)} ms`);
	console.log(`  round trip of one evaluate (value + autodiff + central differences): ${formatNs(trip)} vs ${formatNs(inProcess.median)} in-process (${(trip / inProcess.median).toFixed(0)}×; the difference is the message passing)`);
	const overrun = performance.now();
	const slow = { ...document, uri: 'bench:slow.js', text: 'function slow(x = 1) { let s = 0; for (let i = 0; i < 1e4; i++) for (let j = 0; j < 1e4; j++) s += x * Math.sin(i * j); return s; }' };
	await client.request('startValue', { document: slow, name: 'slow' }, { budgetMs: 200 }).catch(() => undefined);
	await client.request('startValue', { document, name: 'loss' }, { budgetMs: 10_000 });
	console.log(`  an overrun of a 200 ms budget, then the next answer from a new worker: ${(performance.now() - overrun).toFixed(0)} ms (restarts: ${client.restarts})`);
	await dataFilesOnce(client);
	await sessionWorkerBench(client);
	client.dispose();
	if (sink < 0) console.log(sink);
}

/**
 * A loss over a 5 MB CSV: the round trip of one evaluate when every request carries the file (no data stamp, as before
 * `dataOnce.ts`) against the same request once the worker holds it (same stamp: the file is left out).
 */
async function dataFilesOnce(client: EngineClient): Promise<void> {
	const csv = Array.from({ length: 250_000 }, (_, i) => (i * 1e-3).toFixed(6)).join('\n');
	const text = 'import numpy as np\nX = np.loadtxt("x.csv")\n\ndef loss(w=1.0):\n    return (w - X[0]) ** 2\n';
	const files = new Map([['x.csv', { kind: 'text' as const, text: csv }]]);
	const every: DocumentText = { uri: 'bench:every.py', version: 1, language: 'python', text, files };
	const once: DocumentText = { ...every, uri: 'bench:once.py', dataStamp: 'one' };
	const trips = async (document: DocumentText) => {
		await client.request('startValue', { document, name: 'loss' }, { budgetMs: 60_000 });
		const times: number[] = [];
		for (let i = 0; i < 40; i++) {
			const t = performance.now();
			await client.request('evaluate', { document, name: 'loss', x: [i * 1e-3] }, { budgetMs: 60_000 });
			times.push(performance.now() - t);
		}
		return median(times);
	};
	const [withFiles, withoutFiles] = [await trips(every), await trips(once)];
	console.log(`  a loss over a ${(csv.length / 1e6).toFixed(1)} MB CSV, one evaluate: ${withFiles.toFixed(2)} ms with the file in every request, ${withoutFiles.toFixed(2)} ms sent once per version (${(withFiles / withoutFiles).toFixed(0)}×)`);
}

function markdownScaling(): void {
	console.log(`\nMarkdown math scanning (findMathBlocks), 40 KB against 160 KB: linear time gives about 4×, quadratic 16×`);
	const cases: [string, string][] = [
		['unclosed \\[', '\\[ x '],
		['unclosed \\(', '\\( x '],
		['a price table of $5 | $10', '| $5 | $10 |\n'],
		['prose with closed $x^2$', 'the loss $x^2$ and more text\n'],
	];
	for (const [label, unit] of cases) {
		const sources = [40_000, 160_000].map((size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size));
		const times = measureTogether(sources.map((source, i) => [`${label} ${i}`, () => void findMathBlocks(source)]), 21).map((m) => m.median);
		console.log(`  ${label}: ${formatNs(times[0]!)} vs ${formatNs(times[1]!)}: ${(times[1]! / times[0]!).toFixed(1)}×`);
	}
}

markdownScaling();
void roundTrip();
