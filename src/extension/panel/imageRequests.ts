/**
 * The host's side of `requestImage`: the request goes out through the panel's endpoint, and is posted again (same
 * id) every second until it is answered, because a panel that is still loading (or was just revealed and rebuilt)
 * drops messages and answers only once its plot is laid out; after the timeout the request is cancelled and the
 * promise rejects.
 */
import * as vscode from 'vscode';
import type { Endpoint, PendingRequest } from '../../shared/endpoint';
import type { HostContract, PanelContract, PanelImage } from '../../shared/messages';

export class ImageRequests {
	private readonly pending = new Set<PendingRequest<PanelImage>>();

	constructor(private readonly endpoint: Endpoint<HostContract, PanelContract>) {}

	/** The plot as a PNG data URL, as the panel draws it. */
	async request(timeoutMs = 15_000): Promise<string> {
		const request = this.endpoint.request({ type: 'requestImage' });
		this.pending.add(request);
		const resend = setInterval(() => request.repost(), 1000);
		let timedOut = false;
		const timeout = setTimeout(() => {
			timedOut = true;
			request.cancel();
		}, timeoutMs);
		try {
			return (await request.reply).dataUrl;
		} catch (error) {
			if (timedOut) throw new Error(vscode.l10n.t('The Downhill panel did not send an image of its plot.'));
			if (!this.pending.has(request)) throw new Error(vscode.l10n.t('The Downhill panel was closed.'));
			throw error;
		} finally {
			clearInterval(resend);
			clearTimeout(timeout);
			this.pending.delete(request);
		}
	}

	/** Rejects every request still waiting (the panel closed). */
	cancelAll(): void {
		const requests = [...this.pending];
		this.pending.clear();
		for (const request of requests) request.cancel();
	}
}
