/**
 * One outstanding request of a kind: sending a new one cancels the one in flight, so only the newest answer arrives
 * (a map for a view the user already left, a sweep for settings since changed, an analysis of a file since edited).
 * Built on `endpoint.ts`, which drops replies to a cancelled request.
 */
import type { PendingRequest } from './endpoint';

export class LatestRequest<T> {
	private current: PendingRequest<T> | undefined;

	/** Cancels the request in flight, if any, and keeps `request` (the result of `Endpoint.request`). */
	replace(request: PendingRequest<T>): void {
		this.current?.cancel();
		this.current = request;
		const settled = () => {
			if (this.current === request) this.current = undefined;
		};
		request.reply.then(settled, settled);
	}

	/** True while the newest request waits for its final reply. */
	get waiting(): boolean {
		return this.current !== undefined;
	}

	/** Cancels the request in flight, if any. */
	cancel(): void {
		this.current?.cancel();
		this.current = undefined;
	}
}
