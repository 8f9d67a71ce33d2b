/**
 * A schedule run forward: the learning rate (and the cycled momentum) of every update, as PyTorch's training loop
 * `optimizer.step(); scheduler.step()` produces them, kept so that any update's values can be looked up again
 * (step back, replays, the chart). ReduceLROnPlateau's metric is the loss recorded at the point each update started
 * from: the loop `loss = closure(); optimizer.step(); scheduler.step(loss)`.
 */
import { createScheduler } from './createScheduler';
import type { LrScheduler, ParamGroup } from './epochScheduler';
import { cyclesMomentum } from './scheduleRules';
import type { ScheduleSpec } from './scheduleSpec';

/** The learning rates and momenta of a schedule for one optimizer, computed forward on demand. */
export class ScheduleTrace {
	private readonly rates: number[] = [];
	private readonly momenta: number[] = [];
	private scheduler!: LrScheduler;
	private group!: ParamGroup;
	/** True for ReduceLROnPlateau: the values depend on the losses fed to `learningRate`. */
	readonly usesLoss: boolean;
	/** True when the schedule cycles the optimizer's momentum (OneCycleLR, CyclicLR). */
	readonly cyclesMomentum: boolean;

	/**
	 * `baseLr` is the optimizer's `lr`; `momentum` its `momentum` or `betas[0]` (undefined when it has neither);
	 * `optimizer` names it in errors. Throws `ScheduleSyntaxError` as `createScheduler` does.
	 */
	constructor(
		readonly spec: ScheduleSpec,
		private readonly baseLr: number,
		private readonly momentum: number | undefined,
		private readonly optimizer: string,
	) {
		this.usesLoss = spec.kind === 'plateau';
		this.cyclesMomentum = cyclesMomentum(spec);
		this.restart();
	}

	/** The learning rate of update `k` (0-based); `lossAt(j)` is the loss the update `j < k` started from. */
	learningRate(k: number, lossAt?: (j: number) => number): number {
		this.extendTo(k, lossAt);
		return this.rates[k]!;
	}

	/** The momentum (or beta1) update `k` uses, or undefined when the schedule leaves it alone. */
	momentumAt(k: number, lossAt?: (j: number) => number): number | undefined {
		this.extendTo(k, lossAt);
		return this.momenta[k];
	}

	/** Drops the values from update `k` on when they depend on losses that may change (ReduceLROnPlateau). */
	forgetFrom(k: number): void {
		if (this.usesLoss && this.rates.length > k) this.restart();
	}

	private restart(): void {
		this.rates.length = 0;
		this.momenta.length = 0;
		this.group = { lr: this.baseLr, ...(this.momentum === undefined ? {} : { momentum: this.momentum }) };
		this.scheduler = createScheduler(this.spec, this.group, this.optimizer);
		this.record();
	}

	private extendTo(k: number, lossAt: ((j: number) => number) | undefined): void {
		if (!Number.isInteger(k) || k < 0) throw new RangeError(`schedule step must be a non-negative integer, got ${k}`);
		while (this.rates.length <= k) {
			const j = this.rates.length - 1;
			this.scheduler.step(lossAt === undefined ? Number.NaN : lossAt(j));
			this.record();
		}
	}

	private record(): void {
		this.rates.push(this.group.lr);
		if (this.cyclesMomentum) this.momenta.push(this.group.momentum!);
	}
}
