/**
 * ReduceLROnPlateau: cut the learning rate by `factor` when the metric (Downhill: the recorded loss) has not improved
 * for `patience` steps, transcribed from torch/optim/lr_scheduler.py (PyTorch 1.13 and 2.x agree);
 * https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html.
 */
import type { PlateauArguments } from './scheduleSpec';
import type { LrScheduler, ParamGroup } from './epochScheduler';

/** ReduceLROnPlateau on `group`; `step(metric)` is PyTorch's `scheduler.step(metrics)`. */
export class ReduceLrOnPlateau implements LrScheduler {
	private best: number;
	private badSteps = 0;
	private cooldownCounter = 0;

	constructor(private readonly group: ParamGroup, private readonly a: Required<PlateauArguments>) {
		this.best = a.mode === 'min' ? Infinity : -Infinity;
	}

	step(metric: number): void {
		if (this.isBetter(metric)) {
			this.best = metric;
			this.badSteps = 0;
		} else this.badSteps += 1;
		if (this.cooldownCounter > 0) {
			this.cooldownCounter -= 1;
			this.badSteps = 0;
		}
		if (this.badSteps > this.a.patience) {
			const oldLr = this.group.lr;
			const newLr = Math.max(oldLr * this.a.factor, this.a.min_lr);
			if (oldLr - newLr > this.a.eps) this.group.lr = newLr;
			this.cooldownCounter = this.a.cooldown;
			this.badSteps = 0;
		}
	}

	private isBetter(a: number): boolean {
		const { mode, threshold, threshold_mode: thresholdMode } = this.a;
		const best = this.best;
		if (mode === 'min') return thresholdMode === 'rel' ? a < best * (1 - threshold) : a < best - threshold;
		return thresholdMode === 'rel' ? a > best * (threshold + 1) : a > best + threshold;
	}
}
