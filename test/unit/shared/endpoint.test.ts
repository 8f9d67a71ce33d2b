import { describe, expect, it } from 'vitest';
import { Endpoint, RequestCancelled, RequestError, type Responder } from '../../../src/shared/endpoint';
import { readEnvelope, type Envelope } from '../../../src/shared/envelope';
import { msg } from '../../../src/shared/messageTemplate';

/** A little contract: A asks for squares and counts; B asks for a name. */
interface ASends {
	notices: { type: 'hello'; who: string };
	requests: { type: 'square'; x: number } | { type: 'count'; to: number } | { type: 'boom' };
	replies: { square: { type: 'square'; y: number }; count: { type: 'count'; n: number }; boom: { type: 'never' } };
}
interface BSends {
	notices: { type: 'bye' };
	requests: { type: 'name' };
	replies: { name: { type: 'name'; name: string } };
}

/** Two endpoints joined by a transport that clones like postMessage, delivering when `flush` is called. */
function pair() {
	const queue: { to: 'a' | 'b'; value: unknown }[] = [];
	const posted: Envelope[] = [];
	const a = new Endpoint<ASends, BSends>({ post: (e) => (posted.push(e), queue.push({ to: 'b', value: structuredClone(e) })) });
	const b = new Endpoint<BSends, ASends>({ post: (e) => (posted.push(e), queue.push({ to: 'a', value: structuredClone(e) })) });
	const flush = async () => {
		for (let round = 0; round < 100 && queue.length > 0; round++) {
			while (queue.length > 0) {
				const { to, value } = queue.shift()!;
				(to === 'a' ? a : b).receive(value);
			}
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	};
	return { a, b, flush, posted };
}

describe('Endpoint', () => {
	it('delivers notices and answers a request with the handler’s return value', async () => {
		const { a, b, flush } = pair();
		const heard: string[] = [];
		b.onNotice((body) => heard.push(body.who));
		b.onRequest('square', (body) => ({ type: 'square', y: body.x * body.x }));
		a.notify({ type: 'hello', who: 'panel' });
		const pending = a.request({ type: 'square', x: 7 });
		await flush();
		expect(heard).toEqual(['panel']);
		await expect(pending.reply).resolves.toEqual({ type: 'square', y: 49 });
	});

	it('streams progress replies, then the final one, to onReply; the promise gets the final', async () => {
		const { a, b, flush } = pair();
		b.onRequest('count', (body, responder) => {
			for (let n = 1; n < body.to; n++) responder.progress({ type: 'count', n });
			responder.reply({ type: 'count', n: body.to });
		});
		const seen: [number, boolean][] = [];
		const pending = a.request({ type: 'count', to: 3 }, (reply, final) => seen.push([reply.n, final]));
		await flush();
		expect(seen).toEqual([[1, false], [2, false], [3, true]]);
		await expect(pending.reply).resolves.toEqual({ type: 'count', n: 3 });
	});

	it('turns a throw, a rejected promise and a missing handler into error replies', async () => {
		const { a, b, flush } = pair();
		b.onRequest('boom', () => {
			throw Object.assign(new Error('bad x'), { detail: msg`bad ${'x'}` });
		});
		b.onRequest('square', async () => Promise.reject(new Error('later')));
		const thrown = a.request({ type: 'boom' });
		const rejected = a.request({ type: 'square', x: 1 });
		const unhandled = a.request({ type: 'count', to: 1 });
		await flush();
		await expect(thrown.reply).rejects.toBeInstanceOf(RequestError);
		await expect(thrown.reply).rejects.toMatchObject({ reply: { message: 'bad x', detail: { template: 'bad {0}', args: ['x'] } } });
		await expect(rejected.reply).rejects.toThrow('later');
		await expect(unhandled.reply).rejects.toThrow("No handler for the request 'count'.");
	});

	it('cancels: the handler hears it, later replies are not posted, the promise rejects', async () => {
		const { a, b, flush, posted } = pair();
		let responder: Responder<{ type: 'count'; n: number }> | undefined;
		let cancelled = 0;
		b.onRequest('count', (_body, r) => {
			responder = r;
			r.onCancel(() => cancelled++);
			r.progress({ type: 'count', n: 1 });
		});
		const seen: number[] = [];
		const pending = a.request({ type: 'count', to: 5 }, (reply) => seen.push(reply.n));
		await flush();
		pending.cancel();
		pending.cancel();
		await flush();
		expect(cancelled).toBe(1);
		expect(responder!.done).toBe(true);
		const before = posted.length;
		responder!.progress({ type: 'count', n: 2 });
		responder!.reply({ type: 'count', n: 5 });
		expect(posted.length).toBe(before);
		expect(seen).toEqual([1]);
		await expect(pending.reply).rejects.toBeInstanceOf(RequestCancelled);
	});

	it('drops a second answer to a reposted request and answers to ids never sent', async () => {
		const { a, b, flush } = pair();
		let calls = 0;
		b.onRequest('square', (body) => ({ type: 'square', y: body.x * body.x + calls++ }));
		const seen: number[] = [];
		const pending = a.request({ type: 'square', x: 2 }, (reply) => seen.push(reply.y));
		pending.repost();
		await flush();
		expect(calls).toBe(2);
		expect(seen).toEqual([4]);
		expect(a.receive({ kind: 'reply', inReplyTo: 99, final: true, body: { type: 'square', y: 0 } })).toBe(true);
		await expect(pending.reply).resolves.toEqual({ type: 'square', y: 4 });
	});

	it('rejects what `read` refuses and tells onRejected; dispose rejects what is still waiting', async () => {
		const rejected: unknown[] = [];
		const a = new Endpoint<ASends, BSends>({ post: () => undefined }, { read: () => undefined, onRejected: (raw) => rejected.push(raw) });
		expect(a.receive({ kind: 'notice', body: { type: 'bye' } })).toBe(false);
		expect(rejected).toHaveLength(1);
		const pending = a.request({ type: 'square', x: 1 });
		a.dispose();
		await expect(pending.reply).rejects.toBeInstanceOf(RequestCancelled);
	});

	it('subscribes through the transport’s onMessage and unsubscribes on dispose', () => {
		let listener: ((raw: unknown) => void) | undefined;
		let disposed = false;
		const heard: string[] = [];
		const b = new Endpoint<BSends, ASends>({
			post: () => undefined,
			onMessage: (l) => ((listener = l), { dispose: () => void (disposed = true) }),
		});
		b.onNotice((body) => heard.push(body.who));
		listener!({ kind: 'notice', body: { type: 'hello', who: 'worker' } });
		b.dispose();
		expect(heard).toEqual(['worker']);
		expect(disposed).toBe(true);
	});
});

describe('readEnvelope', () => {
	it('accepts the five kinds and nothing malformed', () => {
		expect(readEnvelope({ kind: 'notice', body: { type: 'x' } })).toEqual({ kind: 'notice', body: { type: 'x' } });
		expect(readEnvelope({ kind: 'request', messageId: 3, body: { type: 'x' } })?.kind).toBe('request');
		expect(readEnvelope({ kind: 'reply', inReplyTo: 3, final: false, body: 1 })?.kind).toBe('reply');
		expect(readEnvelope({ kind: 'error', inReplyTo: 3, error: { message: 'no' } })?.kind).toBe('error');
		expect(readEnvelope({ kind: 'cancel', inReplyTo: 3 })?.kind).toBe('cancel');
		for (const bad of [
			null,
			[],
			'notice',
			{ kind: 'notice', body: [] },
			{ kind: 'notice', body: { type: 1 } },
			{ kind: 'request', messageId: 0, body: { type: 'x' } },
			{ kind: 'request', messageId: 1.5, body: { type: 'x' } },
			{ kind: 'reply', inReplyTo: 3, body: 1 },
			{ kind: 'error', inReplyTo: 3, error: 'no' },
			{ kind: 'cancel', inReplyTo: -1 },
			{ kind: 'other' },
		]) {
			expect(readEnvelope(bad)).toBeUndefined();
		}
	});
});
