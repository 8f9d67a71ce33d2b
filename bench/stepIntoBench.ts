// Step-into on a loss over N samples: entering the first loop iteration must not cost more as N grows, since an
// iteration's values are computed when the walk reaches it. Compares N = 10,000 with N = 100 in one process.
import { compileLoss } from '../src/engine/compileLoss';
import { PassWalk } from '../src/engine/session/walk/passWalk';
import { measureTogether } from './measure';

/** A 2-2-1 network over `n` samples with a sigmoid helper, as a student writes it. */
function networkSource(n: number): string {
	const rows = Array.from({ length: n }, (_, i) => `[${(i % 7) / 7}, ${(i % 5) / 5}]`).join(', ');
	const labels = Array.from({ length: n }, (_, i) => String(i % 2)).join(', ');
	return `const X = [${rows}];
const Y = [${labels}];
function sigmoid(z: number): number {
	return 1 / (1 + Math.exp(-z));
}
export function loss(w00 = 0.5, w01 = -0.4, w10 = 0.3, w11 = 0.8, b0 = 0.1, b1 = -0.2, v0 = 0.7, v1 = -0.6, c = 0.05) {
	let total = 0;
	for (let n = 0; n < ${n}; n++) {
		const h0 = sigmoid(w00 * X[n][0] + w01 * X[n][1] + b0);
		const h1 = sigmoid(w10 * X[n][0] + w11 * X[n][1] + b1);
		const out = sigmoid(v0 * h0 + v1 * h1 + c);
		total += (out - Y[n]) ** 2;
	}
	return total / ${n};
}`;
}

/** Enters the walk and steps to the first statement inside the loop body; returns that statement's value. */
function enterFirstIteration(loss: ReturnType<typeof compileLoss>): number {
	const walk = PassWalk.enter(loss.graph, loss.start)!;
	while (walk.depth < 2) walk.next();
	return walk.valueAt();
}

export function stepIntoBench(report: (line: string) => void, ratioLine: (label: string, ours: number, baseline: number, target?: number) => void): void {
	const small = compileLoss(networkSource(100), { language: 'typescript' });
	const large = compileLoss(networkSource(10_000), { language: 'typescript' });
	const [few, many] = measureTogether([
		['100 samples', () => void enterFirstIteration(small)],
		['10,000 samples', () => void enterFirstIteration(large)],
	]);
	report(`\nStep-into (F11) to the first loop iteration of a 2-2-1 network: ${(few!.median / 1e3).toFixed(0)} µs at 100 samples, ${(many!.median / 1e3).toFixed(0)} µs at 10,000`);
	ratioLine('  10,000 samples / 100 samples', many!.median, few!.median, 2);
}
