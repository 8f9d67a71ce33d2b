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

	/**
	 * Calls `slice(shouldYield)` until it returns true (done), with a turn of the event loop between calls. Returns
	 * the work's generation, for a `cancel` that must not stop later work.
	 */
	start(slice: (shouldYield: () => boolean) => boolean): number {
		this.cancel();
		const generation = this.generation;
		const next = () => {
			if (generation !== this.generation) return;
			const deadline = Date.now() + sliceMs;
			const done = slice(() => Date.now() >= deadline);
			this.timer = done ? undefined : setTimeout(next, 0);
		};
		this.timer = setTimeout(next, 0);
		return generation;
	}

	/** Drops the work in progress (only if it is still `generation`, when given). */
	cancel(generation = this.generation): void {
		if (generation !== this.generation) return;
		this.generation++;
		clearTimeout(this.timer);
		this.timer = undefined;
	}
}
