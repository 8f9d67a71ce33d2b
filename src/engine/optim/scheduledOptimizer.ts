/**
 * An optimizer under a learning-rate schedule: the rate of each update and, for OneCycleLR and CyclicLR, the
 * optimizer with the momentum (or `betas[0]`) the schedule sets for that update, as PyTorch's schedulers write
 * `param_group['momentum']` / `param_group['betas']` before each `optimizer.step()`. The session and the lean runs
 * (`descend`) both drive their updates through this.
 */
import type { Optimizer, OptimizerState } from './optimizer';
import { createOptimizer } from './optimizers';
import { ScheduleTrace } from './schedule/scheduleTrace';
import type { ScheduleSpec } from './schedule/scheduleSpec';

const maxCached = 256;

/** `optimizer` with `spec` applied. Throws `ScheduleSyntaxError` when the schedule cycles a momentum it lacks. */
export class ScheduledOptimizer {
	private readonly trace: ScheduleTrace;
	private readonly variants = new Map<number, Optimizer>();

	constructor(readonly optimizer: Optimizer, readonly schedule: ScheduleSpec) {
		this.trace = new ScheduleTrace(schedule, optimizer.options.lr as number, momentumOf(optimizer), optimizer.name);
	}

	/** True when the schedule cycles the momentum: each update may run a different `optimizerWith`. */
	get cyclesMomentum(): boolean {
		return this.trace.cyclesMomentum;
	}

	/** The rate of update `k`; `lossAt(j)` is the recorded loss update `j < k` started from (ReduceLROnPlateau). */
	learningRate(k: number, lossAt?: (j: number) => number): number {
		return this.trace.learningRate(k, lossAt);
	}

	/** The momentum (or beta1) of update `k` when the schedule cycles it. */
	momentum(k: number, lossAt?: (j: number) => number): number | undefined {
		return this.trace.momentumAt(k, lossAt);
	}

	/** The optimizer update `k` runs. */
	optimizerAt(k: number, lossAt?: (j: number) => number): Optimizer {
		const m = this.trace.momentumAt(k, lossAt);
		return m === undefined ? this.optimizer : this.optimizerWith(m);
	}

	/** Forgets the rates from update `k` on when they depend on recorded losses that are about to change. */
	forgetFrom(k: number): void {
		this.trace.forgetFrom(k);
	}

	/** `optimizer` with its momentum (or beta1) set to `m`; its steps add any buffer the momentum needs to the state. */
	optimizerWith(m: number): Optimizer {
		const cached = this.variants.get(m);
		if (cached !== undefined) return cached;
		if (this.variants.size >= maxCached) this.variants.clear();
		const variant = withMomentum(this.optimizer, m);
		this.variants.set(m, variant);
		return variant;
	}
}

/** The optimizer's `momentum`, else `betas[0]`, else undefined (PyTorch's `'momentum' in optimizer.defaults`). */
export function momentumOf(optimizer: Optimizer): number | undefined {
	const { momentum, betas } = optimizer.options;
	if (typeof momentum === 'number') return momentum;
	return Array.isArray(betas) ? (betas[0] as number) : undefined;
}

function withMomentum(optimizer: Optimizer, m: number): Optimizer {
	const options = { ...optimizer.options };
	if (typeof options['momentum'] === 'number') options['momentum'] = m;
	else options['betas'] = [m, (options['betas'] as readonly number[])[1]!];
	if (optimizer.name === 'adamw') delete options['decoupled_weight_decay'];
	const variant = createOptimizer(optimizer.name, options);
	const names = Object.keys(variant.init(0).buffers);
	return {
		...variant,
		step(state: OptimizerState, params, gradient, lr, objective) {
			// SGD and RMSprop create `momentum_buffer` once momentum is non-zero, as PyTorch creates it lazily.
			for (const name of names) state.buffers[name] ??= new Float64Array(params.length);
			variant.step(state, params, gradient, lr, objective);
		},
	};
}
