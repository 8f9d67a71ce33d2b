// The engine's worker on a real worker_threads thread, driven through the host's client: answers, engine errors as
// errors, cancellation of queued requests, a request past its budget ending the worker while the others are answered
// by the next one, and a worker that dies mid-request being replaced.
import { afterEach, describe, expect, it } from 'vitest';
import { isLossSyntaxError } from '../../../src/engine/index';
import { commandBudgetMs } from '../../../src/extension/worker/budgets';
import { EngineClient, EngineRequestError, type RestartEvent, type StartEngineTransport } from '../../../src/extension/worker/engineClient';
import { nodeEngineTransport } from '../../../src/extension/worker/nodeEngineTransport';
import type { DocumentText, ToWorkerMessage } from '../../../src/worker/engineProtocol';
import { useWorkerBundle } from './workerBundle';

const script = useWorkerBundle();
let client: EngineClient;
const posted: ToWorkerMessage[] = [];
const restarts: RestartEvent[] = [];

afterEach(() => {
	client?.dispose();
	posted.length = 0;
	restarts.length = 0;
});

/** A client whose worker runs the freshly built bundle; every message it posts is recorded. */
function startClient(): EngineClient {
	const start = nodeEngineTransport(script());
	const recording: StartEngineTransport = (onMessage, onExit) => {
		const transport = start(onMessage, onExit);
		return { post: (message) => (posted.push(message), transport.post(message)), terminate: () => transport.terminate() };
	};
	client = new EngineClient(recording, (event) => restarts.push(event));
	return client;
}

function js(text: string, version = 1): DocumentText {
	return { uri: 'file:///losses.js', version, language: 'javascript', text };
}

const quadratic = js('function loss(x = 5) { return (x - 1) ** 2 + 1; }');
// About 1e8 sin evaluations: seconds of work, far past the budgets below.
const slow = js('function slow(x = 1) { let s = 0; for (let i = 0; i < 1e4; i++) for (let j = 0; j < 1e4; j++) s += x * Math.sin(i * j); return s; }');

describe('the engine worker', () => {
	it('lists losses, with a failed candidate as a LossSyntaxError at its position', async () => {
		const found = await startClient().request(
			'list',
			{ document: js('function loss(x = 5) { return x * x; }\nfunction cost(y = 1) { return y.foo; }') },
			{ budgetMs: 5000 },
		);
		expect(found.map((f) => [f.kind, f.kind === 'loss' ? f.site.name : f.name])).toEqual([['loss', 'loss'], ['error', 'cost']]);
		const failed = found[1]!;
		expect(failed.kind === 'error' && failed.error.name).toBe('LossSyntaxError');
		expect(failed.kind === 'error' && failed.span.line).toBe(2);
	});

	it('computes L(start), the gradient check and the hover’s curvature: (5 − 1)² + 1 = 17, dL/dx = 2(5 − 1) = 8, d²L/dx² = 2', async () => {
		startClient();
		expect(await client.request('startValue', { document: quadratic, name: 'loss' }, { budgetMs: 5000 })).toBe(17);
		const { loss, check, curvature } = await client.request('evaluate', { document: quadratic, x: [2] }, { budgetMs: 5000 });
		expect(curvature!.lambdaMax).toBeCloseTo(2, 14);
		expect(curvature!.conditionNumber).toBeCloseTo(1, 14);
		expect(loss.params).toEqual(['x']);
		expect(check.value).toBe(2);
		expect(check.autodiff[0]).toBe(2);
		expect(check.numeric[0]).toBeCloseTo(2, 6);
	});

	it('rejects with the engine error and keeps the worker: an unknown loss, an evaluation that throws', async () => {
		startClient();
		const missing = await client.request('startValue', { document: quadratic, name: 'nope' }, { budgetMs: 5000 }).catch((e: unknown) => e);
		expect(isLossSyntaxError(missing)).toBe(true);
		expect((missing as Error).message).toMatch(/no loss named 'nope'/);
		const thrown = await client.request('fault', { kind: 'throw' }, { budgetMs: 5000 }).catch((e: unknown) => e);
		expect((thrown as Error).message).toBe('fault requested by a test');
		expect(await client.request('startValue', { document: quadratic, name: 'loss' }, { budgetMs: 5000 })).toBe(17);
		expect(client.restarts).toBe(0);
	});

	it('stops a request past its budget, restarts the worker and answers the requests that waited behind it', async () => {
		startClient();
		const overran = client.request('startValue', { document: slow, name: 'slow' }, { budgetMs: 300 }).catch((e: unknown) => e);
		const waiting = client.request('startValue', { document: quadratic, name: 'loss' }, { budgetMs: 5000 });
		const error = (await overran) as EngineRequestError;
		expect(error).toBeInstanceOf(EngineRequestError);
		expect([error.reason, error.message]).toEqual(['budget', 'took longer than 0.3 s']);
		expect(await waiting).toBe(17);
		expect(client.restarts).toBe(1);
		expect(restarts).toEqual([{ reason: 'budget', method: 'startValue', detail: 'took longer than 0.3 s' }]);
	});

	it('replaces a worker that dies mid-request; the request fails as crashed, the next ones are answered', async () => {
		startClient();
		const died = client.request('fault', { kind: 'exit' }, { budgetMs: 5000 }).catch((e: unknown) => e);
		const after = client.request('startValue', { document: quadratic, name: 'loss' }, { budgetMs: 5000 });
		expect((await died) as EngineRequestError).toMatchObject({ reason: 'crashed' });
		expect(await after).toBe(17);
		expect(restarts.map((r) => [r.reason, r.method])).toEqual([['crashed', 'fault']]);
	});

	it('cancels a queued request: it rejects at once and the worker never runs it, not even after a restart', async () => {
		startClient();
		const hang = client.request('fault', { kind: 'hang' }, { budgetMs: 400 }).catch((e: unknown) => e);
		const controller = new AbortController();
		const stale = client.request('startValue', { document: quadratic, name: 'loss' }, { budgetMs: 5000, signal: controller.signal });
		controller.abort();
		await expect(stale).rejects.toMatchObject({ reason: 'cancelled' });
		expect(await hang).toMatchObject({ reason: 'budget' });
		expect(await client.request('startValue', { document: js('function loss(x = 2) { return x * x; }', 2), name: 'loss' }, { budgetMs: 5000 })).toBe(4);
		const startValues = posted.filter((m) => m.type === 'request' && m.request.method === 'startValue');
		expect(startValues).toHaveLength(2);
		expect(posted.some((m) => m.type === 'cancel')).toBe(true);
	});

	it('rejects a request whose signal was aborted before it was sent, without posting it', async () => {
		startClient();
		const controller = new AbortController();
		controller.abort();
		await expect(client.request('list', { document: quadratic }, { budgetMs: 5000, signal: controller.signal })).rejects.toMatchObject({
			reason: 'cancelled',
		});
		expect(posted).toHaveLength(0);
	});

	it('answers a data array of a million numbers within the command budget, or reports the budget: never crashes', async () => {
		startClient();
		const data = Array.from({ length: 1_000_000 }, (_, i) => ((i * 7919) % 1000) / 100);
		const text = `const data = [${data.join(', ')}];\nfunction loss(w = 0) {\n\tlet s = 0;\n\tfor (let i = 0; i < data.length; i++) s += (w - data[i]) ** 2;\n\treturn s / data.length;\n}\n`;
		const outcome = await client
			.request('startValue', { document: js(text), name: 'loss' }, { budgetMs: commandBudgetMs })
			.catch((error: unknown) => error);
		if (outcome instanceof EngineRequestError) {
			expect([outcome.reason, outcome.message]).toEqual(['budget', `took longer than ${commandBudgetMs / 1000} s`]);
		} else {
			// The mean of d² over the data, summed here in the order the source adds it.
			let sum = 0;
			for (const d of data) sum += d * d;
			expect(outcome as number).toBeCloseTo(sum / data.length, 9);
		}
		expect(restarts.filter((r) => r.reason === 'crashed')).toEqual([]);
	}, 120_000);
});
