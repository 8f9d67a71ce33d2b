/**
 * Asks the host for loss values over the visible view: debounced (a zoom or a drag produces many views; only the
 * one the user settles on is computed), numbered, and answered only by the newest request: a grid for a view the
 * user already left is dropped.
 */
import type { Landscape, RequestLandscapeMessage, SlicePlaneRequest, ViewRange } from '../shared/messages';

export interface LandscapeQuery {
	readonly range: ViewRange;
	readonly axes: readonly [number, number];
	readonly nx: number;
	readonly ny: number;
	/** A plane instead of `axes` (n-D slices). */
	readonly plane?: SlicePlaneRequest;
}

export class LandscapeRequests {
	private nextId = 1;
	private latestSent = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private awaiting = false;

	constructor(private readonly post: (message: RequestLandscapeMessage) => void, private readonly delayMs = 100) {}

	/** Sends `query` after `delayMs` without a newer call (or now, with `immediate`). */
	request(query: LandscapeQuery, immediate = false): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		if (immediate) this.send(query);
		else this.timer = setTimeout(() => this.send(query), this.delayMs);
	}

	/** True when `landscape` answers the newest request sent. */
	accepts(landscape: Landscape): boolean {
		return landscape.requestId === this.latestSent;
	}

	/** True while a request waits for its debounce or for its answer. */
	get pending(): boolean {
		return this.timer !== undefined || this.awaiting;
	}

	/** Marks the newest request answered. */
	answered(): void {
		this.awaiting = false;
	}

	private send(query: LandscapeQuery): void {
		this.timer = undefined;
		this.latestSent = this.nextId++;
		this.awaiting = true;
		const nx = Math.max(2, Math.min(1000, Math.round(query.nx)));
		const ny = Math.max(1, Math.min(1000, Math.round(query.ny)));
		this.post({ type: 'requestLandscape', requestId: this.latestSent, range: { ...query.range }, axes: [query.axes[0], query.axes[1]], nx, ny, ...(query.plane ? { plane: query.plane } : {}) });
	}
}
