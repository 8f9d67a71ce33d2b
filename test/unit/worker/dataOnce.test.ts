// Data files cross to the engine's worker once per document version (src/worker/dataOnce.ts), on a real worker thread
// driven through the host's client: the first request carries the CSV, later ones with the same stamp leave it out
// and still get the CSV's numbers, a new stamp sends the new file, a session sync's document is elided the same way,
// and a replaced worker (after an overrun) is sent the files again. Values by hand: X = [1, 2, 3] (then [1, 2, 4]),
// L(w) = Σ (w − xᵢ)², so L(0) = 1 + 4 + 9 = 14 (then 21) and L(1) = 0 + 1 + 4 = 5.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient, type StartEngineTransport } from '../../../src/extension/worker/engineClient';
import { nodeEngineTransport } from '../../../src/extension/worker/nodeEngineTransport';
import { DataFilesKept, DataFilesSent } from '../../../src/worker/dataOnce';
import type { DocumentText, EngineRequest, ToWorkerMessage } from '../../../src/worker/engineProtocol';
import { useWorkerBundle } from './workerBundle';

const script = useWorkerBundle();
let client: EngineClient | undefined;
const posted: ToWorkerMessage[] = [];

afterEach(() => {
	client?.dispose();
	posted.length = 0;
});

function startClient(): EngineClient {
	const start = nodeEngineTransport(script());
	const recording: StartEngineTransport = (onMessage, onExit) => {
		const transport = start(onMessage, onExit);
		return { post: (message) => (posted.push(message), transport.post(message)), terminate: () => transport.terminate() };
	};
	client = new EngineClient(recording);
	return client;
}

const text = 'import numpy as np\nX = np.loadtxt("x.csv")\n\ndef loss(w=0.0):\n    return np.sum((w - X) ** 2)\n';

function document(csv: string, stamp: string, version = 1): DocumentText {
	return { uri: 'file:///data.py', version, language: 'python', text, files: new Map([['x.csv', { kind: 'text', text: csv }]]), dataStamp: stamp };
}

/** Whether each posted request carried its document's files. */
const carried = () =>
	posted.flatMap((m) => (m.type === 'request' && 'document' in m.request.params ? [m.request.params.document.files !== undefined] : []));

describe('data files sent to the worker once per stamp', () => {
	it('leaves the files out of later requests with the same stamp, and the worker still has them', async () => {
		const engine = startClient();
		const options = { budgetMs: 10_000 };
		expect(await engine.request('startValue', { document: document('1\n2\n3\n', 'a'), name: 'loss' }, options)).toBe(14);
		expect((await engine.request('evaluate', { document: document('1\n2\n3\n', 'a'), name: 'loss', x: [1] }, options)).check.value).toBe(5);
		expect(await engine.request('startValue', { document: document('1\n2\n3\n', 'a', 2), name: 'loss' }, options)).toBe(14);
		expect(await engine.request('startValue', { document: document('1\n2\n4\n', 'b', 2), name: 'loss' }, options)).toBe(21);
		expect(carried()).toEqual([true, false, false, true]);
	});

	it('sends the files again to a worker that replaced one that ran past its budget', async () => {
		const engine = startClient();
		const options = { budgetMs: 10_000 };
		expect(await engine.request('startValue', { document: document('1\n2\n3\n', 'a'), name: 'loss' }, options)).toBe(14);
		await engine.request('fault', { kind: 'hang' }, { budgetMs: 100 }).catch(() => undefined);
		expect(engine.restarts).toBe(1);
		expect(await engine.request('startValue', { document: document('1\n2\n3\n', 'a'), name: 'loss' }, options)).toBe(14);
		expect(carried()).toEqual([true, true]);
	});
});

describe('the two ends, without a worker', () => {
	const files = new Map([['x.csv', { kind: 'text' as const, text: '1\n' }]]);
	const withFiles: DocumentText = { uri: 'u', version: 1, language: 'python', text: '', files, dataStamp: 's' };
	const slice = (doc: DocumentText): EngineRequest => ({
		method: 'sessionSlice',
		params: { id: 1, direction: 'forward', limit: 1, maxUpdates: 1, sliceMs: 16, sync: { source: { document: doc }, image: {} as never } },
	});
	const syncDocument = (request: EngineRequest) => (request.params as { sync: { source: { document: DocumentText } } }).sync.source.document;

	it('elides a session sync’s document too, and the worker puts its files back', () => {
		const sent = new DataFilesSent();
		const kept = new DataFilesKept();
		const first = sent.elide(slice(withFiles));
		const second = sent.elide(slice(withFiles));
		expect(syncDocument(first).files).toBe(files);
		expect(syncDocument(second).files).toBeUndefined();
		kept.arrive(first);
		expect(syncDocument(kept.arrive(second)).files).toBe(files);
	});

	it('a document with no stamp is left as it is; a stamp the worker never received gets no files', () => {
		const kept = new DataFilesKept();
		const plain: DocumentText = { uri: 'u', version: 1, language: 'python', text: '' };
		const request: EngineRequest = { method: 'list', params: { document: plain } };
		expect(new DataFilesSent().elide(request)).toEqual(request);
		const unknown: EngineRequest = { method: 'list', params: { document: { ...plain, dataStamp: 'never' } } };
		expect((kept.arrive(unknown).params as { document: DocumentText }).document.files).toBeUndefined();
	});
});
