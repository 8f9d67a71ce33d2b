/**
 * PyTorch's scheduler machinery (`_LRScheduler` in torch/optim/lr_scheduler.py) over Downhill's one parameter group:
 * a scheduler reads and writes the group's `lr` (and momentum) the way PyTorch's do, so chained and sequential
 * schedulers compose as in PyTorch and `group.lr` after each `step()` is PyTorch's `get_last_lr()`.
 */

/** The optimizer's single parameter group, as PyTorch's schedulers see and change it. */
export interface ParamGroup {
	lr: number;
	/** Set by the first scheduler built on the group (`group.setdefault('initial_lr', group['lr'])`). */
	initial_lr?: number;
	/** `momentum` (SGD, RMSprop) or `betas[0]` (the Adam family); undefined when the optimizer has neither. */
	momentum?: number;
}

/** One scheduler bound to a group. `step` is PyTorch's `scheduler.step()` (with the metric for ReduceLROnPlateau). */
export interface LrScheduler {
	step(metric: number): void;
}

/**
 * `_LRScheduler`: `last_epoch` counts steps from -1; `step()` advances it and sets `group.lr` to the recursive
 * (chainable) `get_lr()`; `stepTo(epoch)` is PyTorch's deprecated `step(epoch)`, which SequentialLR calls with 0 at a
 * milestone and which uses the closed form. Subclasses set their fields, then the factory calls `initialStep()`, as
 * PyTorch's constructor ends with `_initial_step()`.
 */
export abstract class EpochScheduler implements LrScheduler {
	lastEpoch = -1;
	readonly baseLr: number;

	constructor(protected readonly group: ParamGroup) {
		group.initial_lr ??= group.lr;
		this.baseLr = group.initial_lr;
	}

	initialStep(): void {
		this.step();
	}

	step(): void {
		this.lastEpoch += 1;
		this.group.lr = this.getLr();
	}

	stepTo(epoch: number): void {
		this.lastEpoch = epoch;
		this.group.lr = this.closedForm();
	}

	/** PyTorch's `get_lr()` at `lastEpoch`, from the group's current `lr`. */
	protected abstract getLr(): number;

	/** PyTorch's `_get_closed_form_lr()` at `lastEpoch` (or `get_lr()` for schedulers without one). */
	protected abstract closedForm(): number;
}
