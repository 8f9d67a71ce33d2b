// The panel's explorations in the engine's worker (a real worker_threads thread running the freshly built bundle),
// driven the way the panel's host drives them: landscapes equal to their closed forms, a basin map and a sweep that
// stream slice by slice, a newer run of a kind that stops the older one (no more slices requested for it, no reply),
// the panel's cancellation that stops a run, the in-process path for a session with no worker, and random restarts
// (the command's) equal to the same restarts in-process.
import { afterEach, describe, expect, it } from 'vitest';
import { compileLoss, defaultRestartBox, RandomRestarts } from '../../../src/engine/index';
import { BasinsJob } from '../../../src/extension/panel/basinsJob';
import { PanelWork } from '../../../src/extension/panel/panelWork';
import { SlicedJob } from '../../../src/extension/panel/slicedJob';
import { SweepJob } from '../../../src/extension/panel/sweepJob';
import { SessionController } from '../../../src/extension/session/sessionController';
import { SessionWorkerLink } from '../../../src/extension/session/sessionWorkerLink';
import { EngineClient, EngineRequestError } from '../../../src/extension/worker/engineClient';
import { nodeEngineTransport } from '../../../src/extension/worker/nodeEngineTransport';
import type { Responder } from '../../../src/shared/endpoint';
import type { BasinsInfo, SweepInfo } from '../../../src/shared/messages';
import type { LossSource, ToWorkerMessage } from '../../../src/worker/engineProtocol';
import { useWorkerBundle } from './workerBundle';

const script = useWorkerBundle();
let client: EngineClient | undefined;
const posted: ToWorkerMessage[] = [];

afterEach(() => {
	client?.dispose();
	client = undefined;
	posted.length = 0;
});

function startClient(): EngineClient {
	const start = nodeEngineTransport(script());
	client = new EngineClient((onMessage, onExit) => {
		const worker = start(onMessage, onExit);
		return {
			post: (message) => {
				posted.push(message);
				worker.post(message);
			},
			terminate: () => worker.terminate(),
		};
	});
	return client;
}

const himmelblau = 'export function loss(x = 0, y = 0) {\n\treturn (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;\n}\n';
const quadratic = 'export function loss(x = 5) {\n\treturn (x - 1) ** 2 + 1;\n}\n';
const bowl = 'export function loss(x = 0, y = 0) {\n\treturn x * x + y * y;\n}\n';

/** A session on `text` whose explorations run in the worker of `engine` (none: in-process). */
function controllerOn(text: string, engine?: EngineClient, settings = {}): SessionController {
	const source: LossSource = { document: { uri: `test:${text.length}.ts`, version: 1, language: 'typescript', text }, name: 'loss' };
	const link = engine && new SessionWorkerLink(engine, source);
	return new SessionController(compileLoss(text, { language: 'typescript' }), { uri: source.document.uri, fileName: 'loss.ts', line: 1 }, settings, undefined, link);
}

/** A responder that records progress replies; `cancel()` acts as the panel's cancellation. */
function recorder<T>(): Responder<T> & { readonly progressed: T[]; cancel(): void } {
	const listeners: (() => void)[] = [];
	const progressed: T[] = [];
	return {
		progressed,
		progress: (body) => void progressed.push(body),
		reply: () => undefined,
		fail: () => undefined,
		done: false,
		onCancel: (listener) => void listeners.push(listener),
		cancel: () => listeners.forEach((listener) => listener()),
	};
}

/** The run ids of the basin-map slices posted to the worker, in order. */
function basinRunIds(): number[] {
	return posted.flatMap((m) => (m.type === 'request' && m.request.method === 'basinsSlice' ? [m.request.params.id] : []));
}

const range = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };

describe('panel explorations in the engine worker', () => {
	it('a curve and a grid of x² + y² come back with the closed form values', async () => {
		const controller = controllerOn(bowl, startClient());
		const work = new PanelWork();
		const curve = await work.run(controller, 'landscape', { at: [0, 0.5], request: { type: 'requestLandscape', range: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, axes: [0, -1], nx: 3, ny: 50 } });
		expect([curve?.kind, curve?.ny, Array.from(curve!.values)]).toEqual(['curve', 1, [1.25, 0.25, 1.25]]);
		const grid = await work.run(controller, 'landscape', { at: [0, 0], request: { type: 'requestLandscape', range: { xMin: -1, xMax: 1, yMin: -2, yMax: 2 }, axes: [0, 1], nx: 2, ny: 2 } });
		// Rows from yMin up: (−1, −2), (1, −2), (−1, 2), (1, 2).
		expect(Array.from(grid!.values)).toEqual([5, 5, 5, 5]);
		expect(posted.some((m) => m.type === 'request' && m.request.method === 'landscape')).toBe(true);
	});

	it('axes the loss does not have answer null', async () => {
		const controller = controllerOn(bowl, startClient());
		const result = await new PanelWork().run(controller, 'landscape', { at: [0, 0], request: { type: 'requestLandscape', range, axes: [0, 5], nx: 4, ny: 4 } });
		expect(result).toBeNull();
	});

	it('a newer request under the same key cancels the older one; other keys are left alone', async () => {
		const controller = controllerOn(himmelblau, startClient());
		const work = new PanelWork();
		const request = { type: 'requestLandscape', range, axes: [0, 1], nx: 64, ny: 64 } as const;
		const older = work.run(controller, 'landscape', { at: [0, 0], request }, { key: 'grid' });
		const curve = work.run(controller, 'landscape', { at: [0, 0], request: { ...request, axes: [0, -1] } }, { key: 'curve' });
		const newer = work.run(controller, 'landscape', { at: [1, 1], request }, { key: 'grid' });
		await expect(older).rejects.toSatisfy((error) => error instanceof EngineRequestError && error.reason === 'cancelled');
		expect((await curve)?.kind).toBe('curve');
		expect((await newer)?.kind).toBe('grid');
	});

	it('a basin map streams partial maps and ends with the four minima of Himmelblau', async () => {
		const controller = controllerOn(himmelblau, startClient(), { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const job = new BasinsJob();
		const responder = recorder<BasinsInfo>();
		const done = await job.start(controller, { type: 'requestBasins', range, nx: 24, ny: 24 }, responder);
		expect(done?.progress).toBe(1);
		expect(done?.labels.includes(-2)).toBe(false);
		expect(done?.minima.length).toBe(4);
		for (const minimum of done!.minima) expect(minimum.loss).toBeLessThan(1e-6);
		expect(responder.progressed.length).toBeGreaterThan(0);
		expect(responder.progressed[0]!.labels.includes(-2)).toBe(true);
		expect(new Set(basinRunIds()).size).toBe(1);
		expect(job.running).toBe(false);
	});

	it('a second map replaces the first: no reply and no slice is asked for the first once the second starts', async () => {
		const controller = controllerOn(himmelblau, startClient(), { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const job = new BasinsJob();
		const first = job.start(controller, { type: 'requestBasins', range, nx: 48, ny: 48 }, recorder());
		while (basinRunIds().length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
		const firstId = basinRunIds()[0]!;
		const postedAtSwitch = posted.length;
		const second = job.start(controller, { type: 'requestBasins', range, nx: 8, ny: 8 }, recorder());
		expect(await first).toBeUndefined();
		expect((await second)?.progress).toBe(1);
		const later = posted.slice(postedAtSwitch).flatMap((m) => (m.type === 'request' && m.request.method === 'basinsSlice' ? [m.request.params.id] : []));
		expect(later.length).toBeGreaterThan(0);
		expect(later).not.toContain(firstId);
	});

	it("the panel's cancellation stops a sweep: it resolves with nothing and asks for no more slices", async () => {
		const controller = controllerOn(himmelblau, startClient());
		const job = new SweepJob();
		const responder = recorder<SweepInfo>();
		const run = job.start(controller, responder);
		await new Promise((resolve) => setTimeout(resolve, 20));
		responder.cancel();
		const postedAtCancel = posted.filter((m) => m.type === 'request').length;
		expect(await run).toBeUndefined();
		expect(job.running).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(posted.filter((m) => m.type === 'request').length).toBe(postedAtCancel);
	});

	it('a sweep of SGD on (x − 1)² + 1 finds divergence just above lr = 1, where |1 − 2·lr| passes 1', async () => {
		const controller = controllerOn(quadratic, startClient(), { optimizerOptions: { lr: 0.1 } });
		const responder = recorder<SweepInfo>();
		const done = await new SweepJob().start(controller, responder);
		expect(done?.progress).toBe(1);
		expect(done?.points.length).toBe(25);
		expect(done!.divergesFrom!).toBeGreaterThan(1);
		expect(done!.divergesFrom!).toBeLessThan(2);
		// 2/λ_max of the Hessian 2: the stability threshold at the start is 1.
		expect(done?.stabilityAtStart).toBeCloseTo(1, 6);
		const progress = responder.progressed.map((s) => s.progress);
		expect(progress.every((p, i) => p < 1 && (i === 0 || p >= progress[i - 1]!))).toBe(true);
	});

	it('marks 2/λ_max at the minimum found as well as at the start, where the curvature differs', async () => {
		// L = (x − 1)² + (x − 1)⁴: L'' = 2 + 12(x − 1)², 50 at the start x = 3 (2/λ = 0.04) and 2 at the minimum x = 1 (2/λ = 1).
		const quartic = 'export function loss(x = 3) {\n\treturn (x - 1) ** 2 + (x - 1) ** 4;\n}\n';
		const controller = controllerOn(quartic, startClient(), { optimizerOptions: { lr: 0.01 } });
		const done = await new SweepJob().start(controller, recorder<SweepInfo>());
		expect(done?.progress).toBe(1);
		expect(done?.stabilityAtStart).toBeCloseTo(0.04, 10);
		expect(done?.stabilityAtMinimum).toBeCloseTo(1, 3);
	});
});

describe('panel explorations in-process (a session with no worker)', () => {
	it('the same handlers answer, and a newer request cancels the older one', async () => {
		const controller = controllerOn(bowl);
		const work = new PanelWork();
		const request = { type: 'requestLandscape', range: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, axes: [0, -1], nx: 3, ny: 50 } as const;
		const older = work.run(controller, 'landscape', { at: [0, 0], request });
		const newer = work.run(controller, 'landscape', { at: [0, 0.5], request });
		await expect(older).rejects.toBeInstanceOf(EngineRequestError);
		expect(Array.from((await newer)!.values)).toEqual([1.25, 0.25, 1.25]);
		expect(posted).toEqual([]);
	});

	it('a basin map still streams, with a turn of the event loop between slices', async () => {
		const controller = controllerOn(himmelblau, undefined, { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const responder = recorder<BasinsInfo>();
		const done = await new BasinsJob().start(controller, { type: 'requestBasins', range, nx: 24, ny: 24 }, responder);
		expect(done?.minima.length).toBe(4);
	});
});

describe('random restarts in the engine worker', () => {
	// Himmelblau's four minima (all with L = 0), from the closed form (3, 2) and the cubic's other roots.
	const minima = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];

	it('20 seeded starts find the four minima, exactly as the same restarts in-process', async () => {
		const settingsInput = { optimizer: 'adam', optimizerOptions: { lr: 0.1 }, seed: 7 };
		const controller = controllerOn(himmelblau, startClient(), settingsInput);
		const { settings } = controller.session;
		const params = { settings, count: 20, seed: 7, box: defaultRestartBox([0, 0]) };
		const progressed: number[] = [];
		const done = await new SlicedJob('restartsSlice').start(controller, params, (slice) => void progressed.push(slice.progress));
		const result = done!.result!;
		expect(result.minima.length).toBe(4);
		for (const minimum of result.minima) expect(minima.some(([x, y]) => Math.hypot(minimum.x[0]! - x!, minimum.x[1]! - y!) < 1e-3)).toBe(true);
		const local = new RandomRestarts(compileLoss(himmelblau, { language: 'typescript' }), settings, { count: 20, seed: 7, box: params.box }).advance(() => false)!;
		expect(result.runs.map((run) => run.end)).toEqual(local.runs.map((run) => run.end));
		expect(progressed.every((p) => p < 1)).toBe(true);
	});

	it('cancelled (the notification closed), it resolves with nothing and asks for no more slices', async () => {
		const controller = controllerOn(himmelblau, startClient(), { optimizer: 'adam', optimizerOptions: { lr: 0.001 }, maxSteps: 100_000 });
		const abort = new AbortController();
		const run = new SlicedJob('restartsSlice').start(controller, { settings: controller.session.settings, count: 1000, seed: 1, box: defaultRestartBox([0, 0]) }, () => undefined, abort.signal);
		while (!posted.some((m) => m.type === 'request' && m.request.method === 'restartsSlice')) await new Promise((resolve) => setTimeout(resolve, 5));
		abort.abort();
		const requests = posted.filter((m) => m.type === 'request').length;
		expect(await run).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(posted.filter((m) => m.type === 'request').length).toBe(requests);
	});
});
