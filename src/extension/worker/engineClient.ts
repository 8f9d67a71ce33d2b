/**
 * The host's end of the engine's worker: sends requests, times each from the moment the worker starts it against its
 * budget, and keeps the worker alive. A request the caller cancels is dropped (the worker skips it if it has not
 * started it). A request that runs past its budget, or a worker that crashes, ends the worker: the request at fault
 * fails with `EngineRequestError` (`budget` or `crashed`), a new worker starts, and the requests that were waiting
 * are sent to it again, so one slow loss never takes the others' answers with it. A document's data files go to a
 * worker once per version (`dataOnce.ts`). Imports no `vscode`: the transport
 * (a `worker_threads` thread or a Web Worker) is passed in, and unit tests drive a real thread.
 */
import type { EngineMethod, EngineParams, EngineResult, FromWorkerMessage, ToWorkerMessage } from '../../worker/engineProtocol';
import { DataFilesSent } from '../../worker/dataOnce';
import { errorFromWire } from './wireErrors';

/** A running worker, as the client sees it. */
export interface EngineTransport {
	post(message: ToWorkerMessage): void;
	terminate(): void;
}

/** Starts a worker that calls `onMessage` for each message and `onExit` once if it dies on its own. */
export type StartEngineTransport = (onMessage: (message: FromWorkerMessage) => void, onExit: (reason: string) => void) => EngineTransport;

/** Why a request has no answer: the caller cancelled it, it ran past its budget, or the worker died running it. */
export class EngineRequestError extends Error {
	override readonly name = 'EngineRequestError';
	constructor(
		readonly reason: 'cancelled' | 'budget' | 'crashed',
		message: string,
		/** The budget it ran past (reason `budget`). */
		readonly budgetMs?: number,
	) {
		super(message);
	}
}

export interface RequestOptions {
	/** How long the worker may work on it once started, in ms. */
	readonly budgetMs: number;
	/** Cancels the request (the promise rejects with reason `cancelled`). */
	readonly signal?: AbortSignal;
}

interface Pending {
	readonly messageId: number;
	readonly message: ToWorkerMessage;
	readonly budgetMs: number;
	readonly settle: (error: Error | undefined, result?: unknown) => void;
	timer?: ReturnType<typeof setTimeout>;
	settled: boolean;
}

/** Why the worker was restarted, for the one message the user sees. */
export interface RestartEvent {
	readonly reason: 'budget' | 'crashed';
	readonly method: EngineMethod;
	readonly detail: string;
}

export class EngineClient {
	private transport: EngineTransport | undefined;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private running: Pending | undefined;
	private restartCount = 0;
	/** Deaths in a row with no message in between: a worker that cannot even start is not restarted forever. */
	private silentDeaths = 0;
	private disposed = false;
	private readonly sentData = new DataFilesSent();

	constructor(
		private readonly start: StartEngineTransport,
		private readonly onRestart: (event: RestartEvent) => void = () => undefined,
	) {}

	/** How many times a worker was replaced (for tests and the bench). */
	get restarts(): number {
		return this.restartCount;
	}

	/** Sends one request; resolves with its result, rejects with its engine error or an `EngineRequestError`. */
	request<M extends EngineMethod>(method: M, params: EngineParams<M>, options: RequestOptions): Promise<EngineResult<M>> {
		if (this.disposed) return Promise.reject(new EngineRequestError('cancelled', 'the engine has shut down'));
		const messageId = this.nextId++;
		const message = { type: 'request', messageId, request: { method, params } } as ToWorkerMessage;
		return new Promise<EngineResult<M>>((resolve, reject) => {
			const onAbort = () => this.cancel(messageId);
			const entry: Pending = {
				messageId,
				message,
				budgetMs: options.budgetMs,
				settled: false,
				settle: (error, result) => {
					options.signal?.removeEventListener('abort', onAbort);
					if (error) reject(error);
					else resolve(result as EngineResult<M>);
				},
			};
			if (options.signal?.aborted) return reject(cancelledError());
			options.signal?.addEventListener('abort', onAbort);
			this.pending.set(messageId, entry);
			this.post(this.worker(), message);
		});
	}

	/** Ends the worker and rejects what is still waiting. */
	dispose(): void {
		this.disposed = true;
		for (const entry of this.pending.values()) this.finish(entry, cancelledError());
		this.pending.clear();
		this.transport?.terminate();
		this.transport = undefined;
	}

	private cancel(messageId: number): void {
		const entry = this.pending.get(messageId);
		if (!entry || entry.settled) return;
		this.finish(entry, cancelledError());
		// A request the worker is running keeps its budget timer, so a stale runaway is still stopped.
		if (this.running !== entry) {
			this.pending.delete(messageId);
			this.transport?.post({ type: 'cancel', messageId });
		}
	}

	private worker(): EngineTransport {
		if (this.transport) return this.transport;
		this.sentData.reset();
		try {
			this.transport = this.start(
				(message) => this.receive(message),
				(reason) => this.crashed(reason),
			);
		} catch (error) {
			// A worker that cannot even be created dies like one that crashed at once, after this request is queued.
			const reason = error instanceof Error ? error.message : String(error);
			setTimeout(() => this.crashed(reason), 0);
			this.transport = { post: () => undefined, terminate: () => undefined };
		}
		return this.transport;
	}

	private receive(message: FromWorkerMessage): void {
		this.silentDeaths = 0;
		const entry = this.pending.get(message.inReplyTo);
		if (!entry) return;
		if (message.type === 'started') {
			this.running = entry;
			entry.timer = setTimeout(() => this.overran(entry), entry.budgetMs);
			return;
		}
		clearTimeout(entry.timer);
		this.pending.delete(entry.messageId);
		if (this.running === entry) this.running = undefined;
		if (message.type === 'reply') this.finish(entry, undefined, message.result);
		else this.finish(entry, errorFromWire(message.error));
	}

	private overran(entry: Pending): void {
		const seconds = entry.budgetMs / 1000;
		this.replaceWorker(entry, new EngineRequestError('budget', `took longer than ${seconds} s`, entry.budgetMs), 'budget');
	}

	private crashed(reason: string): void {
		this.transport = undefined;
		const entry = this.running;
		if (entry) return this.replaceWorker(entry, new EngineRequestError('crashed', reason), 'crashed', false);
		if (++this.silentDeaths < maxSilentDeaths) return this.resend();
		for (const waiting of this.pending.values()) this.finish(waiting, new EngineRequestError('crashed', reason));
		this.pending.clear();
	}

	/** Ends the worker, fails `culprit`, and sends the other waiting requests to a new worker. */
	private replaceWorker(culprit: Pending, error: EngineRequestError, reason: 'budget' | 'crashed', terminate = true): void {
		clearTimeout(culprit.timer);
		this.pending.delete(culprit.messageId);
		this.running = undefined;
		if (terminate) this.transport?.terminate();
		this.transport = undefined;
		this.restartCount++;
		const method = culprit.message.type === 'request' ? culprit.message.request.method : 'fault';
		this.finish(culprit, error);
		this.onRestart({ reason, method, detail: error.message });
		this.resend();
	}

	private resend(): void {
		if (this.disposed || this.pending.size === 0) return;
		const worker = this.worker();
		for (const entry of this.pending.values()) this.post(worker, entry.message);
	}

	/** Posts `message` without the data files the worker already holds. */
	private post(worker: EngineTransport, message: ToWorkerMessage): void {
		worker.post(message.type === 'request' ? { ...message, request: this.sentData.elide(message.request) } : message);
	}

	private finish(entry: Pending, error: Error | undefined, result?: unknown): void {
		if (entry.settled) return;
		entry.settled = true;
		entry.settle(error, result);
	}
}

const maxSilentDeaths = 3;

function cancelledError(): EngineRequestError {
	return new EngineRequestError('cancelled', 'cancelled');
}
