/**
 * The pace of a continue at a chosen speed: how many updates a slice may take now, and how long to wait before the
 * next slice, so a run at 20 updates per second takes 20 a second whatever the slice length. A change of speed
 * mid-run restarts the count from that moment. Speed 0 means as fast as the slices allow.
 */
export class ContinuePace {
	private origin = Date.now();
	private taken = 0;
	private speed: number;

	constructor(private readonly stepsPerSecond: () => number) {
		this.speed = stepsPerSecond();
	}

	/** Updates the run may take now (Infinity at full speed). */
	allowed(now = Date.now()): number {
		this.followSpeed(now);
		if (this.speed <= 0) return Infinity;
		return Math.floor(((now - this.origin) * this.speed) / 1000) + 1 - this.taken;
	}

	/** Records `count` updates taken. */
	took(count: number): void {
		this.taken += count;
	}

	/** Milliseconds until the next update is due (0 at full speed). */
	delay(now = Date.now()): number {
		if (this.speed <= 0) return 0;
		return Math.max(0, Math.ceil(this.origin + (this.taken * 1000) / this.speed - now));
	}

	private followSpeed(now: number): void {
		const speed = this.stepsPerSecond();
		if (speed === this.speed) return;
		this.speed = speed;
		this.origin = now;
		this.taken = 0;
	}
}
