/**
 * The schedulers that scale the learning rate by a factor per step: StepLR, MultiStepLR, ConstantLR, LinearLR (and
 * Downhill's `warmup`, a LinearLR to factor 1), ExponentialLR and PolynomialLR, each with PyTorch's recursive
 * `get_lr()` and its closed form, transcribed from torch/optim/lr_scheduler.py (PyTorch 1.13 and 2.x agree) and
 * documented at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate.
 */
import { EpochScheduler, type ParamGroup } from './epochScheduler';

/** StepLR: `lr *= gamma` every `step_size` steps. */
export class StepLr extends EpochScheduler {
	constructor(group: ParamGroup, private readonly stepSize: number, private readonly gamma: number) {
		super(group);
	}
	protected getLr(): number {
		const t = this.lastEpoch;
		return t === 0 || t % this.stepSize !== 0 ? this.group.lr : this.group.lr * this.gamma;
	}
	protected closedForm(): number {
		return this.baseLr * this.gamma ** Math.floor(this.lastEpoch / this.stepSize);
	}
}

/** MultiStepLR: `lr *= gamma^c` at a milestone listed `c` times. */
export class MultiStepLr extends EpochScheduler {
	private readonly counts = new Map<number, number>();
	constructor(group: ParamGroup, private readonly milestones: readonly number[], private readonly gamma: number) {
		super(group);
		for (const m of milestones) this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
	}
	protected getLr(): number {
		const count = this.counts.get(this.lastEpoch);
		return count === undefined ? this.group.lr : this.group.lr * this.gamma ** count;
	}
	protected closedForm(): number {
		const passed = this.milestones.filter((m) => m <= this.lastEpoch).length;
		return this.baseLr * this.gamma ** passed;
	}
}

/** ConstantLR: `lr * factor` until `total_iters`, then `lr`. */
export class ConstantLr extends EpochScheduler {
	constructor(group: ParamGroup, private readonly factor: number, private readonly totalIters: number) {
		super(group);
	}
	protected getLr(): number {
		const t = this.lastEpoch;
		if (t === 0) return this.group.lr * this.factor;
		return t === this.totalIters ? this.group.lr * (1 / this.factor) : this.group.lr;
	}
	protected closedForm(): number {
		return this.baseLr * (this.factor + (this.lastEpoch >= this.totalIters ? 1 : 0) * (1 - this.factor));
	}
}

/** LinearLR: the factor goes linearly from `start_factor` to `end_factor` over `total_iters` steps. */
export class LinearLr extends EpochScheduler {
	constructor(
		group: ParamGroup,
		private readonly startFactor: number,
		private readonly endFactor: number,
		private readonly totalIters: number,
	) {
		super(group);
	}
	protected getLr(): number {
		const t = this.lastEpoch;
		if (t === 0) return this.group.lr * this.startFactor;
		if (t > this.totalIters) return this.group.lr;
		const span = this.endFactor - this.startFactor;
		return this.group.lr * (1 + span / (this.totalIters * this.startFactor + (t - 1) * span));
	}
	protected closedForm(): number {
		const span = this.endFactor - this.startFactor;
		return this.baseLr * (this.startFactor + (span * Math.min(this.totalIters, this.lastEpoch)) / this.totalIters);
	}
}

/** ExponentialLR: `lr *= gamma` every step. */
export class ExponentialLr extends EpochScheduler {
	constructor(group: ParamGroup, private readonly gamma: number) {
		super(group);
	}
	protected getLr(): number {
		return this.lastEpoch === 0 ? this.group.lr : this.group.lr * this.gamma;
	}
	protected closedForm(): number {
		return this.baseLr * this.gamma ** this.lastEpoch;
	}
}

/** PolynomialLR: `base_lr (1 - t / total_iters)^power` up to `total_iters`. */
export class PolynomialLr extends EpochScheduler {
	constructor(group: ParamGroup, private readonly totalIters: number, private readonly power: number) {
		super(group);
	}
	protected getLr(): number {
		const t = this.lastEpoch;
		if (t === 0 || t > this.totalIters) return this.group.lr;
		const n = this.totalIters;
		return this.group.lr * ((1 - t / n) / (1 - (t - 1) / n)) ** this.power;
	}
	protected closedForm(): number {
		return this.baseLr * (1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters) ** this.power;
	}
}
