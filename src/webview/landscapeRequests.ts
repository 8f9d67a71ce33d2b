/**
 * Asks the host for loss values over the visible view: debounced (a zoom or a drag produces many views; only the
 * one the user settles on is computed), and superseding: a new request cancels the one in flight, so a grid for a
 * view the user already left never arrives (`endpoint.ts` drops replies to a cancelled request).
 */
import type { PendingRequest } from '../shared/endpoint';
import { LatestRequest } from '../shared/latestRequest';
import type { Landscape, RequestLandscapeMessage, SlicePlaneRequest, ViewRange } from '../shared/messages';

export interface LandscapeQuery {
	readonly range: ViewRange;
	readonly axes: readonly [number, number];
	readonly nx: number;
	readonly ny: number;
	/** A plane instead of `axes` (n-D slices). */
	readonly plane?: SlicePlaneRequest;
}

/** Sends one landscape request; `onReply` gets its answer. */
export type AskLandscape = (body: RequestLandscapeMessage, onReply: (landscape: Landscape) => void) => PendingRequest<Landscape>;

export class LandscapeRequests {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly latest = new LatestRequest<Landscape>();

	constructor(
		private readonly ask: AskLandscape,
		private readonly onLandscape: (landscape: Landscape) => void,
		private readonly delayMs = 100,
	) {}

	/** Sends `query` after `delayMs` without a newer call (or now, with `immediate`). */
	request(query: LandscapeQuery, immediate = false): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		if (immediate) this.send(query);
		else this.timer = setTimeout(() => this.send(query), this.delayMs);
	}

	/** True while a request waits for its debounce or for its answer. */
	get pending(): boolean {
		return this.timer !== undefined || this.latest.waiting;
	}

	/** Drops the debounced request and cancels the one in flight. */
	cancel(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.latest.cancel();
	}

	private send(query: LandscapeQuery): void {
		this.timer = undefined;
		const nx = Math.max(2, Math.min(1000, Math.round(query.nx)));
		const ny = Math.max(1, Math.min(1000, Math.round(query.ny)));
		const body: RequestLandscapeMessage = { type: 'requestLandscape', range: { ...query.range }, axes: [query.axes[0], query.axes[1]], nx, ny, ...(query.plane ? { plane: query.plane } : {}) };
		this.latest.replace(this.ask(body, this.onLandscape));
	}
}
