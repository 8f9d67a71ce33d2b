/**
 * SequentialLR and ChainedScheduler over schedulers built on the same group, transcribed from
 * torch/optim/lr_scheduler.py (PyTorch 1.13): SequentialLR resets the group to its initial rate, rewinds every
 * scheduler by one step and restarts the first; at a milestone it calls the next one's `step(0)` (the closed form).
 * ChainedScheduler steps every scheduler in turn, each scaling the rate the one before it left.
 */
import type { EpochScheduler, LrScheduler, ParamGroup } from './epochScheduler';

/** SequentialLR: `schedulers[i]` drives the rate from `milestones[i - 1]` on. */
export class SequentialLr implements LrScheduler {
	private lastEpoch: number;

	constructor(group: ParamGroup, private readonly schedulers: readonly EpochScheduler[], private readonly milestones: readonly number[]) {
		this.lastEpoch = 0;
		group.lr = group.initial_lr ?? group.lr;
		for (const scheduler of schedulers) scheduler.lastEpoch -= 1;
		schedulers[0]!.initialStep();
	}

	step(): void {
		this.lastEpoch += 1;
		const index = bisectRight(this.milestones, this.lastEpoch);
		const scheduler = this.schedulers[index]!;
		if (index > 0 && this.milestones[index - 1] === this.lastEpoch) scheduler.stepTo(0);
		else scheduler.step();
	}
}

/** ChainedScheduler: every scheduler steps, in order. */
export class ChainedScheduler implements LrScheduler {
	constructor(private readonly schedulers: readonly EpochScheduler[]) {}

	step(): void {
		for (const scheduler of this.schedulers) scheduler.step();
	}
}

/** Python's `bisect.bisect_right`: the insertion point after any entries equal to `x`. */
function bisectRight(list: readonly number[], x: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (x < list[mid]!) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
