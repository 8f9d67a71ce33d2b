// What running a session's continue in the engine's worker costs, against the same session in-process, measured in
// the same run: one update through the worker (a slice of one update, its image applied on the host) against one
// in-process step, a 16 ms continue slice's round trip and what it carries, and the updates per second of a
// continue on Rosenbrock at full speed through the worker against in-process, without and with the panel open (its
// update messages built and cloned as postMessage clones them). Medians; printed, never asserted.
import { compileLoss, OptimizationSession } from '../src/engine/index';
import type { SessionSettingsInput } from '../src/engine/session/sessionSettings';
import { PanelUpdates } from '../src/extension/panel/panelUpdates';
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

const view = { animationSpeed: 0, colorMap: 'viridis' as const, codeLens: true, layout: 'auto' as const };

/**
 * Updates per second of one continue with the panel open: each change schedules the panel's `update` message (at most
 * 30 a second, `PanelUpdates`), built from the host's copy and structured-cloned as a webview's postMessage does.
 */
async function continueRateWithPanel(c: SessionController, steps: number): Promise<{ rate: number; posts: number }> {
	let posts = 0;
	const updates = new PanelUpdates((message) => {
		structuredClone(message);
		posts++;
		return true;
	});
	updates.reset(1);
	const subscription = c.onDidChange(() => updates.schedule(c, () => view));
	try {
		return { rate: await continueRate(c, steps), posts };
	} finally {
		subscription.dispose();
		updates.cancel();
	}
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
	const open = { worker: [] as number[], inProcess: [] as number[], posts: [] as number[] };
	// A million updates (about half a second), so the panel gets a dozen or more of its at most 30 updates a second.
	for (let i = 0; i < 3; i++) {
		const viaWorker = await continueRateWithPanel(controller(client), 1_000_000);
		open.worker.push(viaWorker.rate);
		open.posts.push(viaWorker.posts);
		open.inProcess.push((await continueRateWithPanel(controller(), 1_000_000)).rate);
	}
	const [openWorker, openInProcess] = [median(open.worker), median(open.inProcess)];
	console.log(`  a continue of 1,000,000 updates with the panel open (${median(open.posts)} update messages built and cloned): ${(openWorker / 1000).toFixed(0)}k updates/s through the worker vs ${(openInProcess / 1000).toFixed(0)}k in-process (${(openWorker / openInProcess).toFixed(2)}×)`);
}
