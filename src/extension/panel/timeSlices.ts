/**
 * Long panel work (basin maps, learning-rate sweeps) in time slices: each slice runs until `sliceMs` have passed,
 * then yields to the event loop with `setTimeout`, so the extension host never blocks for more than about that.
 * Starting again or `cancel()` drops the work in progress.
 */

export const sliceMs = 30;

export class TimeSlices {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private generation = 0;

	/** True while work is scheduled. */
	get running(): boolean {
		return this.timer !== undefined;
	}

	/** Calls `slice(shouldYield)` until it returns true (done), with a turn of the event loop between calls. */
	start(slice: (shouldYield: () => boolean) => boolean): void {
		this.cancel();
		const generation = this.generation;
		const next = () => {
			if (generation !== this.generation) return;
			const deadline = Date.now() + sliceMs;
			const done = slice(() => Date.now() >= deadline);
			this.timer = done ? undefined : setTimeout(next, 0);
		};
		this.timer = setTimeout(next, 0);
	}

	cancel(): void {
		this.generation++;
		clearTimeout(this.timer);
		this.timer = undefined;
	}
}
