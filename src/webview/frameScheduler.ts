/**
 * Coalesces redraw requests into at most one draw per animation frame: messages may arrive faster than the
 * display refreshes (and in bursts), but the panel paints once per frame with whatever is newest.
 */

export class FrameScheduler {
	private pending = false;

	constructor(private readonly draw: (time: number) => void) {}

	request(): void {
		if (this.pending) return;
		this.pending = true;
		requestAnimationFrame((time) => {
			this.pending = false;
			this.draw(time);
		});
	}
}

/** Runs `action` at most once per `intervalMs`, with a trailing call so the last request is never lost. */
export class Throttle {
	private last = -Infinity;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly intervalMs: number) {}

	run(action: () => void): void {
		const now = performance.now();
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		if (now - this.last >= this.intervalMs) {
			this.last = now;
			action();
			return;
		}
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.last = performance.now();
			action();
		}, this.intervalMs - (now - this.last));
	}
}
