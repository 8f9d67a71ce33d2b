// Sessions whose continues run in the engine's worker (a real worker_threads thread running the freshly built
// bundle), driven through the host's SessionController: the host's copy ends exactly where an in-process run ends,
// a worker killed mid-slice is replaced and the run resumes from the host's last snapshot with one message, a loss
// that throws stops the run with a message and keeps the session, pause drops the slice in flight, and a worker that
// lost its copy is sent the session again.
import { afterEach, describe, expect, it } from 'vitest';
import { compileLoss, OptimizationSession, type Loss } from '../../../src/engine/index';
import type { SessionSettingsInput } from '../../../src/engine/session/sessionSettings';
import { SessionController } from '../../../src/extension/session/sessionController';
import { SessionWorkerLink, type SessionProblem } from '../../../src/extension/session/sessionWorkerLink';
import { EngineClient, type StartEngineTransport } from '../../../src/extension/worker/engineClient';
import { nodeEngineTransport } from '../../../src/extension/worker/nodeEngineTransport';
import type { LossSource, ToWorkerMessage } from '../../../src/worker/engineProtocol';
import { engineHandlers } from '../../../src/worker/engineHandlers';
import { serveEngine } from '../../../src/worker/serveEngine';
import { SessionStore } from '../../../src/worker/sessionStore';
import { useWorkerBundle } from './workerBundle';

const script = useWorkerBundle();
let client: EngineClient;
const posted: ToWorkerMessage[] = [];
const problems: SessionProblem[] = [];
let onStarted: ((method: string) => void) | undefined;
let kill: (() => void) | undefined;

afterEach(() => {
	client?.dispose();
	posted.length = 0;
	problems.length = 0;
	onStarted = undefined;
});

/** A client on a real worker thread; `kill()` ends the thread the way a crash does, `onStarted` sees each request begin. */
function startClient(): EngineClient {
	const start = nodeEngineTransport(script());
	const methods = new Map<number, string>();
	const transport: StartEngineTransport = (onMessage, onExit) => {
		const worker = start((message) => {
			onMessage(message);
			if (message.type === 'started') onStarted?.(methods.get(message.inReplyTo) ?? '');
		}, onExit);
		kill = () => {
			worker.terminate();
			onExit('killed by the test');
		};
		return {
			post: (message) => {
				posted.push(message);
				if (message.type === 'request') methods.set(message.messageId, message.request.method);
				worker.post(message);
			},
			terminate: () => worker.terminate(),
		};
	};
	client = new EngineClient(transport);
	return client;
}

// About 4·10⁴ sines and cosines per evaluation: a slice (at least 32 updates, `continueRun.ts`) takes milliseconds, so a kill
// lands inside one.
const text = `export function loss(x = -1.2, y = 1) {
	let s = 0;
	for (let i = 0; i < 20000; i++) s += Math.sin(x + i) * Math.cos(y * i);
	return (1 - x) ** 2 + 10 * (y - x ** 2) ** 2 + s / 20000;
}
`;
const source: LossSource = { document: { uri: 'test:slow-rosenbrock.js', version: 1, language: 'javascript', text }, name: 'loss' };
const settings: SessionSettingsInput = { optimizer: 'adam', optimizerOptions: { lr: 0.01 }, gradientTolerance: 0, lossTolerance: 0, divergenceSteps: 0 };

function controllerOn(engine: EngineClient, loss: Loss = compileLoss(text, { language: 'javascript' })): SessionController {
	const link = new SessionWorkerLink(engine, source, (problem) => problems.push(problem));
	return new SessionController(loss, { uri: source.document.uri, fileName: 'slow-rosenbrock.js', line: 1 }, settings, undefined, link);
}

/** The same run in-process, in one piece: the oracle. */
function inProcess(steps: number): OptimizationSession {
	const session = new OptimizationSession(compileLoss(text, { language: 'javascript' }), settings);
	session.continue(steps);
	return session;
}

const records = (s: OptimizationSession) => Array.from(s.history.packed(0));
const slices = () => posted.flatMap((m) => (m.type === 'request' && m.request.method === 'sessionSlice' ? [m.request.params] : []));

describe('sessions in the engine worker', () => {
	it('continues in slices and ends exactly where the in-process run ends', async () => {
		const controller = controllerOn(startClient());
		let progress = 0;
		controller.onDidChange((change) => void (change.kind === 'progress' && progress++));
		const stop = await controller.continue('forward', 300);
		expect(stop.reason).toEqual({ kind: 'steps', limit: 300 });
		expect(stop.moved).toBe(300);
		expect(records(controller.session)).toEqual(records(inProcess(300)));
		expect(progress).toBeGreaterThan(1);
		// Only the first slice carries the session; the others rely on the worker's copy.
		expect(slices().map((s) => s.sync !== undefined)).toEqual([true, ...Array(slices().length - 1).fill(false)]);
	});

	it('a worker killed mid-continue is replaced and the run resumes from the last snapshot, with one message', async () => {
		const controller = controllerOn(startClient());
		let applied = 0;
		let snapshot: ReturnType<OptimizationSession['snapshot']> | undefined;
		let sentBeforeKill = 0;
		controller.onDidChange((change) => void (change.kind === 'progress' && applied++));
		onStarted = (method) => {
			if (method !== 'sessionSlice' || applied < 2 || snapshot) return;
			snapshot = controller.session.snapshot();
			sentBeforeKill = slices().length;
			kill!();
		};
		const stop = await controller.continue('forward', 300);
		expect(snapshot!.step).toBeGreaterThan(0);
		expect(problems).toEqual([{ kind: 'resumed', cause: 'crashed', step: snapshot!.step, detail: 'killed by the test' }]);
		expect(client.restarts).toBe(1);
		const resumed = slices()[sentBeforeKill]!;
		expect(resumed.sync?.image.position).toBe(snapshot!.step);
		const stride = 2 * 2 + 2;
		const point = Array.from(resumed.sync!.image.records.subarray(snapshot!.step * stride, snapshot!.step * stride + 2));
		expect(point).toEqual(Array.from(snapshot!.x));
		expect([stop.reason, stop.moved]).toEqual([{ kind: 'steps', limit: 300 }, 300]);
		expect(records(controller.session)).toEqual(records(inProcess(300)));
	});

	it('pause drops the slice in flight; the next continue sends the session again and still matches', async () => {
		const controller = controllerOn(startClient());
		controller.onDidChange((change) => {
			if (change.kind === 'progress') controller.pause();
		});
		const paused = await controller.continue('forward', 300);
		expect(paused.reason).toEqual({ kind: 'paused' });
		const at = controller.session.position;
		expect(at).toBeGreaterThan(0);
		expect(paused.step).toBe(at);
		controller.onDidChange(() => undefined).dispose();
		const fresh = controllerOn(client);
		fresh.step(3);
		fresh.stepBack(1);
		const stop = await fresh.continue('forward', 20);
		expect(stop.reason).toEqual({ kind: 'steps', limit: 20 });
		const oracle = new OptimizationSession(compileLoss(text, { language: 'javascript' }), settings);
		oracle.step(3);
		oracle.stepBack(1);
		oracle.continue(20);
		expect(records(fresh.session)).toEqual(records(oracle));
	});

	it('a worker that dropped its copy answers UnknownSession and gets the session again', async () => {
		const controller = controllerOn(startClient());
		await controller.continue('forward', 10);
		await client.request('sessionClose', { id: slices()[0]!.id }, { budgetMs: 5000 });
		const stop = await controller.continue('forward', 10);
		expect(stop.reason).toEqual({ kind: 'steps', limit: 10 });
		expect(slices().filter((s) => s.sync).length).toBe(2);
		expect(records(controller.session)).toEqual(records(inProcess(20)));
		expect(problems).toEqual([]);
	});
});

describe('a loss that throws in the worker', () => {
	/** The loss of `text`, throwing once x passes −1.1 (the run starts at −1.2 and climbs towards 1). */
	function throwingLoss(): Loss {
		const loss = compileLoss(text, { language: 'javascript' });
		const failing = Object.create(loss) as Loss;
		failing.valueAndGradient = (x, gradient, batch) => {
			if (x[0]! > -1.1) throw new Error('log of a negative number');
			return loss.valueAndGradient(x, gradient, batch);
		};
		return failing;
	}

	/** A client whose "worker" is the worker's own message loop and session store in this process, on `loss`. */
	function loopbackClient(loss: Loss): EngineClient {
		const start: StartEngineTransport = (onMessage) => {
			const listeners: ((message: ToWorkerMessage) => void)[] = [];
			const store = new SessionStore(() => loss);
			const others = engineHandlers(() => undefined);
			serveEngine(
				{ post: (message) => queueMicrotask(() => onMessage(message)), onMessage: (l) => listeners.push(l), later: (task) => setImmediate(task) },
				(request) => (request.method === 'sessionSlice' ? store.slice(request.params) : others(request)),
			);
			return { post: (message) => listeners.forEach((l) => l(message)), terminate: () => undefined };
		};
		return (client = new EngineClient(start));
	}

	it('stops the continue with the error as a message and keeps the session at its last snapshot', async () => {
		const engine = loopbackClient(throwingLoss());
		const controller = controllerOn(engine);
		controller.stepsPerSecond = 2000;
		const stop = await controller.continue('forward', 10_000);
		expect(stop.reason).toEqual({ kind: 'paused' });
		const at = controller.session.position;
		expect(problems).toEqual([{ kind: 'stopped', cause: 'error', step: at, detail: 'log of a negative number' }]);
		expect(at).toBeGreaterThan(0);
		expect(controller.session.snapshot().x[0]).toBeLessThanOrEqual(-1.1);
		const oracle = inProcess(at);
		expect(records(controller.session)).toEqual(records(oracle));
		controller.stepBack(1);
		expect(controller.session.position).toBe(at - 1);
	});
});
