/**
 * The host's side of `requestImage`/`image`: each request gets an id and a promise, and the panel's answer settles
 * it. The request is posted again every second until it is answered, because a panel that is still loading (or was
 * just revealed and rebuilt) drops messages and answers only once its plot is laid out; after the timeout the
 * promise rejects.
 */
import * as vscode from 'vscode';
import type { ToWebviewMessage } from '../../shared/messages';

interface Pending {
	readonly resolve: (dataUrl: string) => void;
	readonly reject: (error: Error) => void;
	readonly resend: ReturnType<typeof setInterval>;
	readonly timeout: ReturnType<typeof setTimeout>;
}

export class ImageRequests {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();

	constructor(private readonly post: (message: ToWebviewMessage) => void) {}

	/** The plot as a PNG data URL, as the panel draws it. */
	request(timeoutMs = 15_000): Promise<string> {
		const requestId = this.nextId++;
		const message: ToWebviewMessage = { type: 'requestImage', requestId };
		return new Promise<string>((resolve, reject) => {
			const resend = setInterval(() => this.post(message), 1000);
			const timeout = setTimeout(() => {
				this.settle(requestId);
				reject(new Error(vscode.l10n.t('The Downhill panel did not send an image of its plot.')));
			}, timeoutMs);
			this.pending.set(requestId, { resolve, reject, resend, timeout });
			this.post(message);
		});
	}

	/** The panel's answer; an answer nobody waits for (a resent request answered twice) is ignored. */
	receive(requestId: number, dataUrl: string): void {
		this.settle(requestId)?.resolve(dataUrl);
	}

	/** Rejects every request still waiting (the panel closed). */
	cancelAll(): void {
		for (const id of [...this.pending.keys()]) {
			this.settle(id)?.reject(new Error(vscode.l10n.t('The Downhill panel was closed.')));
		}
	}

	private settle(requestId: number): Pending | undefined {
		const entry = this.pending.get(requestId);
		if (!entry) return undefined;
		clearInterval(entry.resend);
		clearTimeout(entry.timeout);
		this.pending.delete(requestId);
		return entry;
	}
}
