// What running a session's continue in the engine's worker costs, against the same session in-process, measured in
// the same run: one update through the worker (a slice of one update, its image applied on the host) against one
// in-process step, a 16 ms continue slice's round trip and what it carries, and the updates per second of a
// continue on Rosenbrock at full speed through the worker against in-process. Medians; printed, never asserted.
import { compileLoss, OptimizationSession } from '../src/engine/index';
import type { SessionSettingsInput } from '../src/engine/session/sessionSettings';
import { SessionController } from '../src/extension/session/sessionController';
import { SessionWorkerLink } from '../src/extension/session/sessionWorkerLink';
import type { EngineClient } from '../src/extension/worker/engineClient';
import type { LossSource } from '../src/worker/engineProtocol';
import { formatNs, measure, median } from './measure';

const rosenbrock = 'export function loss(x = -1.2, y = 1) {\n\treturn (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;\n}\n';
const source: LossSource = { document: { uri: 'bench:session-rosenbrock.js', version: 1, language: 'javascript', text: rosenbrock }, name: 'loss' };
const settings: SessionSettingsInput = { optimizer: 'adam', optimizerOptions: { lr: 0.001 }, gradientTolerance: 0, lossTolerance: 0, divergenceSteps: 0, maxSteps: 10_000_000 };
const origin = { uri: source.document.uri, fileName: 'rosenbrock.js', line: 1 };

function controller(client?: EngineClient): SessionController {
	const loss = compileLoss(rosenbrock, { language: 'javascript' });
	return new SessionController(loss, origin, settings, undefined, client ? new SessionWorkerLink(client, source) : undefined);
}

/** Median ms of `count` round trips of one slice on `session` (applied on the host each time). */
async function sliceTrips(client: EngineClient, maxUpdates: number, count: number): Promise<{ ms: number; updates: number }> {
	const link = new SessionWorkerLink(client, source);
	const session = new OptimizationSession(compileLoss(rosenbrock, { language: 'javascript' }), settings);
	const trips: number[] = [];
	const updates: number[] = [];
	for (let i = 0; i < count; i++) {
		const t = performance.now();
		const result = await link.slice(session, 0, { direction: 'forward', limit: 1e9, maxUpdates, sliceMs: 16 });
		session.restore(result.image);
		link.applied(0);
		trips.push(performance.now() - t);
		updates.push(result.moved);
	}
	link.close();
	return { ms: median(trips), updates: median(updates) };
}

/** Updates per second of one continue of `steps` updates at full speed. */
async function continueRate(c: SessionController, steps: number): Promise<number> {
	const t = performance.now();
	const stop = await c.continue('forward', steps);
	return stop.moved / ((performance.now() - t) / 1000);
}

export async function sessionWorkerBench(client: EngineClient): Promise<void> {
	console.log(`\nA session's continue in the engine's worker (Rosenbrock, Adam), against in-process:`);
	const one = await sliceTrips(client, 1, 400);
	const session = new OptimizationSession(compileLoss(rosenbrock, { language: 'javascript' }), settings);
	const step = measure('in-process step', () => void session.step(1), 15, 20);
	console.log(`  one update through the worker (request, update, image applied): ${formatNs(one.ms * 1e6)} vs ${formatNs(step.median)} in-process (${((one.ms * 1e6) / step.median).toFixed(0)}×)`);
	const slice = await sliceTrips(client, Infinity, 20);
	console.log(`  one continue slice (16 ms in the worker): round trip ${slice.ms.toFixed(1)} ms carrying ${slice.updates} updates; ${(slice.ms - 16).toFixed(1)} ms beyond the slice`);
	const rates = { worker: [] as number[], inProcess: [] as number[] };
	for (let i = 0; i < 5; i++) {
		rates.worker.push(await continueRate(controller(client), 100_000));
		rates.inProcess.push(await continueRate(controller(), 100_000));
	}
	const [worker, inProcess] = [median(rates.worker), median(rates.inProcess)];
	console.log(`  continue of 100,000 updates at full speed: ${(worker / 1000).toFixed(0)}k updates/s through the worker vs ${(inProcess / 1000).toFixed(0)}k in-process (${(worker / inProcess).toFixed(2)}×; the host thread is free between slices in the first)`);
}
