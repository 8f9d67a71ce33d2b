/**
 * One end of an exchange in `envelope.ts` form, over any transport: the panel's `acquireVsCodeApi().postMessage`
 * and `window` message events, a webview's `postMessage`/`onDidReceiveMessage`, a worker's `postMessage` and
 * `message` events. It numbers requests, matches replies to them, delivers cancellations to the handler that is
 * answering, and turns a handler's throw into an error reply.
 *
 * Contract for both sides:
 * - `notify(body)` posts a notice; the other side's `onNotice` handler gets it (unknown types are its to ignore).
 * - `request(body, onReply)` posts a request and returns a `PendingRequest`: every reply goes to `onReply` (with
 *   `final` true for the last), the final reply also resolves `reply`, an error reply rejects it with a `RequestError`, and `cancel()`
 *   tells the other side to stop and rejects it with a `RequestCancelled`. Replies to a request that was cancelled
 *   or already answered are dropped.
 * - `onRequest(type, handler)` answers requests of one type: the handler returns the final reply (or a promise of
 *   it), or returns nothing and answers through its `Responder` (progress, then `reply`, or `fail`). A throw or a
 *   rejected promise becomes an error reply. A request with no handler gets an error reply.
 * - `receive(raw)` takes whatever the transport delivered; `read` (the constructor's) decides what is accepted:
 *   `readEnvelope` checks the envelope only, for a trusted sender; a validator checks the body too.
 *
 * After microsoft/vscode-hexeditor's `MessageHandler` (`src/shared/protocol.ts`).
 */
import { readEnvelope, type Body, type Contract, type Envelope, type ErrorReply, type ReplyOf } from './envelope';
import { isMessage } from './messageTemplate';

/** How an endpoint reaches the other side. */
export interface Transport {
	/** Posts one envelope (the value must survive structured cloning). */
	post(envelope: Envelope): void;
	/** Subscribes to what the other side posts; the endpoint disposes the subscription with itself. */
	onMessage?(listener: (raw: unknown) => void): { dispose(): void } | void;
}

export interface EndpointOptions {
	/** Accepts an incoming value as an envelope (validating the body as needed), or rejects it with undefined. */
	readonly read?: (raw: unknown) => Envelope | undefined;
	/** Told about each value `read` rejected (for a log line). */
	readonly onRejected?: (raw: unknown) => void;
	/** The error reply for what a handler threw; by default its message, and its `detail` when that is a template. */
	readonly describeError?: (error: unknown) => ErrorReply;
}

/** A request that was sent and may still be answered. */
export interface PendingRequest<T> {
	readonly messageId: number;
	/** The final reply; rejects with `RequestError` or `RequestCancelled`. */
	readonly reply: Promise<T>;
	/** Tells the other side to stop; `reply` rejects with `RequestCancelled`. Nothing once settled. */
	cancel(): void;
	/** Posts the request again under the same id (for a receiver that may have dropped it while loading). */
	repost(): void;
}

/** How a handler answers one request. */
export interface Responder<T> {
	/** Sends a reply that more will follow. */
	progress(body: T): void;
	/** Sends the last reply. */
	reply(body: T): void;
	/** Sends an error reply instead of (more) replies. */
	fail(error: ErrorReply): void;
	/** True once the sender cancelled or the answer is complete: replies posted now are dropped. */
	readonly done: boolean;
	/** Called once when the sender cancels (not when the answer completes). */
	onCancel(listener: () => void): void;
}

/** The other side answered with an error reply. */
export class RequestError extends Error {
	constructor(readonly reply: ErrorReply) {
		super(reply.message);
		this.name = 'RequestError';
	}
}

/** The request was cancelled (by `cancel()` or because the endpoint was disposed). */
export class RequestCancelled extends Error {
	constructor() {
		super('The request was cancelled.');
		this.name = 'RequestCancelled';
	}
}

type Handler = (body: Body, responder: Responder<unknown>) => unknown;

interface Waiting {
	readonly onReply: ((body: unknown, final: boolean) => void) | undefined;
	readonly resolve: (body: unknown) => void;
	readonly reject: (error: Error) => void;
}

/**
 * One side of an exchange: `Out` is what this side sends (its notices, requests and their replies), `In` what the
 * other side sends.
 */
export class Endpoint<Out extends Contract, In extends Contract> {
	private nextId = 1;
	private readonly waiting = new Map<number, Waiting>();
	private readonly answering = new Map<number, () => void>();
	private readonly handlers = new Map<string, Handler>();
	private noticeHandler: ((body: In['notices']) => void) | undefined;
	private readonly subscription: { dispose(): void } | void;

	constructor(
		private readonly transport: Transport,
		private readonly options: EndpointOptions = {},
	) {
		this.subscription = transport.onMessage?.((raw) => this.receive(raw));
	}

	/** Posts a notice. */
	notify(body: Out['notices']): void {
		this.transport.post({ kind: 'notice', body });
	}

	/** Posts a request; see the file's contract. */
	request<R extends Out['requests']>(body: R, onReply?: (reply: ReplyOf<Out, R>, final: boolean) => void): PendingRequest<ReplyOf<Out, R>> {
		const messageId = this.nextId++;
		const envelope: Envelope = { kind: 'request', messageId, body };
		const reply = new Promise<ReplyOf<Out, R>>((resolve, reject) => {
			this.waiting.set(messageId, { onReply: onReply as Waiting['onReply'], resolve: resolve as Waiting['resolve'], reject });
		});
		reply.catch(() => undefined);
		const cancel = () => {
			const waiting = this.waiting.get(messageId);
			if (!waiting) return;
			this.waiting.delete(messageId);
			this.transport.post({ kind: 'cancel', inReplyTo: messageId });
			waiting.reject(new RequestCancelled());
		};
		const repost = () => {
			if (this.waiting.has(messageId)) this.transport.post(envelope);
		};
		this.transport.post(envelope);
		return { messageId, reply, cancel, repost };
	}

	/** Handles the other side's notices (one handler; a later call replaces it). */
	onNotice(handler: (body: In['notices']) => void): void {
		this.noticeHandler = handler;
	}

	/** Answers the other side's requests of `type` (one handler per type). */
	onRequest<K extends In['requests']['type'] & keyof In['replies'] & string>(
		type: K,
		handler: (body: Extract<In['requests'], { type: K }>, responder: Responder<In['replies'][K]>) => In['replies'][K] | Promise<In['replies'][K] | void> | void,
	): void {
		this.handlers.set(type, handler as Handler);
	}

	/** Takes one value the transport delivered. False when it was rejected. */
	receive(raw: unknown): boolean {
		const envelope = (this.options.read ?? readEnvelope)(raw);
		if (!envelope) {
			this.options.onRejected?.(raw);
			return false;
		}
		switch (envelope.kind) {
			case 'notice':
				this.noticeHandler?.(envelope.body as In['notices']);
				return true;
			case 'request':
				this.answer(envelope.messageId, envelope.body);
				return true;
			case 'reply':
				this.settle(envelope.inReplyTo, envelope.final, envelope.body);
				return true;
			case 'error':
				this.fail(envelope.inReplyTo, new RequestError(envelope.error));
				return true;
			case 'cancel':
				this.answering.get(envelope.inReplyTo)?.();
				return true;
			default: {
				const never: never = envelope;
				return never;
			}
		}
	}

	/** Rejects every request still waiting, cancels every answer in progress, and stops listening. */
	dispose(): void {
		for (const id of [...this.waiting.keys()]) this.fail(id, new RequestCancelled());
		for (const cancel of [...this.answering.values()]) cancel();
		this.subscription?.dispose();
	}

	private settle(id: number, final: boolean, body: unknown): void {
		const waiting = this.waiting.get(id);
		if (!waiting) return;
		if (final) this.waiting.delete(id);
		waiting.onReply?.(body, final);
		if (final) waiting.resolve(body);
	}

	private fail(id: number, error: Error): void {
		const waiting = this.waiting.get(id);
		if (!waiting) return;
		this.waiting.delete(id);
		waiting.reject(error);
	}

	private answer(messageId: number, body: Body): void {
		const responder = this.responder(messageId);
		const handler = this.handlers.get(body.type);
		if (!handler) return responder.fail({ message: `No handler for the request '${body.type}'.` });
		try {
			const result = handler(body, responder);
			if (result instanceof Promise) {
				result.then(
					(value) => value !== undefined && responder.reply(value),
					(error: unknown) => responder.fail(this.describe(error)),
				);
			} else if (result !== undefined) responder.reply(result);
		} catch (error) {
			responder.fail(this.describe(error));
		}
	}

	private responder(messageId: number): Responder<unknown> {
		let done = false;
		const cancelListeners: (() => void)[] = [];
		const finish = () => {
			done = true;
			this.answering.delete(messageId);
		};
		this.answering.set(messageId, () => {
			finish();
			for (const listener of cancelListeners) listener();
		});
		const post = (envelope: Envelope) => {
			if (!done) this.transport.post(envelope);
		};
		return {
			progress: (body) => post({ kind: 'reply', inReplyTo: messageId, final: false, body }),
			reply: (body) => {
				post({ kind: 'reply', inReplyTo: messageId, final: true, body });
				finish();
			},
			fail: (error) => {
				post({ kind: 'error', inReplyTo: messageId, error });
				finish();
			},
			get done() {
				return done;
			},
			onCancel: (listener) => void cancelListeners.push(listener),
		};
	}

	private describe(error: unknown): ErrorReply {
		if (this.options.describeError) return this.options.describeError(error);
		const detail = (error as { detail?: unknown } | undefined)?.detail;
		const message = error instanceof Error ? error.message : String(error);
		return isMessage(detail) ? { message, detail } : { message };
	}
}
