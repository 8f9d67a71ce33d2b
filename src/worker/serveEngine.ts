/**
 * The worker's message loop, the same on `worker_threads` and in a Web Worker: requests queue in arrival order and
 * run one at a time, each announced with `started` so the host can time it against its budget. The next request
 * starts in a later task, so a `cancel` that arrived meanwhile removes a queued request before it runs. A request in
 * progress is never interrupted here: the host ends the whole worker when one runs past its budget. A request's data
 * files are kept as it arrives, for later requests that leave them out (`dataOnce.ts`).
 */
import type { EngineRequest, FromWorkerMessage, ToWorkerMessage } from './engineProtocol';
import { DataFilesKept } from './dataOnce';
import { wireError } from './engineHandlers';

/** The two ends of a worker's channel to its host, and how it runs something in a later task. */
export interface WorkerPort {
	post(message: FromWorkerMessage): void;
	onMessage(listener: (message: ToWorkerMessage) => void): void;
	/** After the messages already waiting (`setImmediate` in Node; `setTimeout(…, 0)` in a browser). */
	later(task: () => void): void;
}

export function serveEngine(port: WorkerPort, handle: (request: EngineRequest) => unknown): void {
	const queue = new Map<number, EngineRequest>();
	let scheduled = false;
	const runNext = () => {
		scheduled = false;
		const next = queue.entries().next();
		if (next.done) return;
		const [messageId, request] = next.value;
		queue.delete(messageId);
		port.post({ type: 'started', inReplyTo: messageId });
		try {
			port.post({ type: 'reply', inReplyTo: messageId, result: handle(request) });
		} catch (error) {
			port.post({ type: 'error', inReplyTo: messageId, error: wireError(error) });
		}
		schedule();
	};
	const schedule = () => {
		if (scheduled || queue.size === 0) return;
		scheduled = true;
		port.later(runNext);
	};
	const data = new DataFilesKept();
	port.onMessage((message) => {
		if (message.type === 'request') queue.set(message.messageId, data.arrive(message.request));
		else queue.delete(message.messageId);
		schedule();
	});
}
