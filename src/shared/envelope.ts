/**
 * The one request/reply envelope every exchange travels in: host ↔ panel and host ↔ engine worker. A body (a
 * message with a string `type`) goes out as a notice (no answer) or as a request with a `messageId`; the other side
 * answers with replies that name it in `inReplyTo` (several for work that reports progress, the last one `final`),
 * or with one error reply; the sender may cancel a request it no longer wants. `endpoint.ts` implements both ends
 * over any transport that can post a structured-clonable value and deliver what the other side posted.
 *
 * After microsoft/vscode-hexeditor's `src/shared/protocol.ts` (`WebviewMessage { messageId, inReplyTo, body }` and
 * its `MessageHandler`), with streaming replies, cancellation and error replies added.
 */
import type { Message } from './messageTemplate';

/** A message body: a plain object discriminated by a lower-camel-case `type`. */
export interface Body {
	readonly type: string;
}

/**
 * What one side may send: its one-way bodies, its request bodies, and for each request `type` the body of its
 * replies. A `Contract` is a type only; the pair (what I send, what the other side sends) types an `Endpoint`.
 */
export interface Contract {
	readonly notices: Body;
	readonly requests: Body;
	readonly replies: { readonly [type: string]: unknown };
}

/** The reply body for request body `R` under contract `C`. */
export type ReplyOf<C extends Contract, R extends C['requests']> = R['type'] extends keyof C['replies'] ? C['replies'][R['type']] : never;

/** A one-way message: the receiver acts on it and answers nothing. */
export interface NoticeEnvelope<B extends Body = Body> {
	readonly kind: 'notice';
	readonly body: B;
}

/** A request: the receiver answers with replies naming `messageId` (unique per sender, counting up from 1). */
export interface RequestEnvelope<B extends Body = Body> {
	readonly kind: 'request';
	readonly messageId: number;
	readonly body: B;
}

/** An answer to request `inReplyTo`: progress while `final` is false, the last answer when it is true. */
export interface ReplyEnvelope<T = unknown> {
	readonly kind: 'reply';
	readonly inReplyTo: number;
	readonly final: boolean;
	readonly body: T;
}

/**
 * Why a request failed, in words for a person. `message` is ready to show (in the receiver's display language when
 * the sender knows it, else English); `detail` is the same sentence as a template with arguments, for a receiver
 * that translates (see `messageTemplate.ts`).
 */
export interface ErrorReply {
	readonly message: string;
	readonly detail?: Message;
}

/** The request `inReplyTo` failed; no reply follows. */
export interface ErrorEnvelope {
	readonly kind: 'error';
	readonly inReplyTo: number;
	readonly error: ErrorReply;
}

/** The sender of request `inReplyTo` no longer wants it: the receiver stops and answers nothing more. */
export interface CancelEnvelope {
	readonly kind: 'cancel';
	readonly inReplyTo: number;
}

/** Everything a side of contract `C` posts (`C` sends notices and requests; the other side's replies are `unknown` here). */
export type Envelope<B extends Body = Body> =
	| NoticeEnvelope<B>
	| RequestEnvelope<B>
	| ReplyEnvelope
	| ErrorEnvelope
	| CancelEnvelope;

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isBody = (v: unknown): v is Body =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string';

/**
 * The envelope's own fields checked (kind, ids, a body with a string `type`), not what the body holds: enough for a
 * side that trusts the sender (the panel reading its own host). Anything else is undefined; never throws.
 */
export function readEnvelope(raw: unknown): Envelope | undefined {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
	const e = raw as Record<string, unknown>;
	switch (e.kind) {
		case 'notice':
			return isBody(e.body) ? { kind: 'notice', body: e.body } : undefined;
		case 'request':
			return isId(e.messageId) && isBody(e.body) ? { kind: 'request', messageId: e.messageId, body: e.body } : undefined;
		case 'reply':
			return isId(e.inReplyTo) && typeof e.final === 'boolean' && 'body' in e
				? { kind: 'reply', inReplyTo: e.inReplyTo, final: e.final, body: e.body }
				: undefined;
		case 'error': {
			const error = e.error as { message?: unknown } | null | undefined;
			return isId(e.inReplyTo) && typeof error === 'object' && error !== null && typeof error.message === 'string'
				? { kind: 'error', inReplyTo: e.inReplyTo, error: error as ErrorReply }
				: undefined;
		}
		case 'cancel':
			return isId(e.inReplyTo) ? { kind: 'cancel', inReplyTo: e.inReplyTo } : undefined;
		default:
			return undefined;
	}
}
