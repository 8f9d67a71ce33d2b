/**
 * The learning-rate schedules Downhill offers, as data: each one a PyTorch scheduler of `torch.optim.lr_scheduler`
 * under a short kind name, with PyTorch's parameter names. `scheduleRules.ts` holds their defaults and checks,
 * `scheduleText.ts` their text form, `createScheduler.ts` their step semantics.
 */
import { formatMessage, type Message } from '../../message';

/** A parameter value: a number, a flag, a choice (`'cos'`), a list of numbers (milestones) or of schedules. */
export type ScheduleValue = number | boolean | string | readonly number[] | readonly ScheduleSpec[];

/**
 * A learning-rate schedule. `kind` names the scheduler (PyTorch's class in brackets); the other fields are its
 * arguments under PyTorch's names, and absent ones take PyTorch's defaults (`scheduleRules.ts`):
 * `constant` (none), `step` (StepLR), `multistep` (MultiStepLR), `constantlr` (ConstantLR), `linear` (LinearLR),
 * `warmup` (LinearLR to factor 1 over `steps`), `exponential` (ExponentialLR), `polynomial` (PolynomialLR),
 * `cosine` (CosineAnnealingLR), `cosine_restarts` (CosineAnnealingWarmRestarts), `onecycle` (OneCycleLR),
 * `cyclic` (CyclicLR), `plateau` (ReduceLROnPlateau), `sequential` (SequentialLR), `chained` (ChainedScheduler).
 */
export type ScheduleSpec =
	| { readonly kind: 'constant' }
	| { readonly kind: 'step'; readonly step_size: number; readonly gamma?: number }
	| { readonly kind: 'multistep'; readonly milestones: readonly number[]; readonly gamma?: number }
	| { readonly kind: 'constantlr'; readonly factor?: number; readonly total_iters?: number }
	| { readonly kind: 'linear'; readonly start_factor?: number; readonly end_factor?: number; readonly total_iters?: number }
	| { readonly kind: 'warmup'; readonly steps: number; readonly start_factor?: number }
	| { readonly kind: 'exponential'; readonly gamma: number }
	| { readonly kind: 'polynomial'; readonly total_iters?: number; readonly power?: number }
	| { readonly kind: 'cosine'; readonly T_max: number; readonly eta_min?: number }
	| { readonly kind: 'cosine_restarts'; readonly T_0: number; readonly T_mult?: number; readonly eta_min?: number }
	| ({ readonly kind: 'onecycle' } & OneCycleArguments)
	| ({ readonly kind: 'cyclic' } & CyclicArguments)
	| ({ readonly kind: 'plateau' } & PlateauArguments)
	| { readonly kind: 'sequential'; readonly schedulers: readonly ScheduleSpec[]; readonly milestones: readonly number[] }
	| { readonly kind: 'chained'; readonly schedulers: readonly ScheduleSpec[] };

/** OneCycleLR's arguments; `max_lr` defaults to the optimizer's `lr` (PyTorch requires it). */
export interface OneCycleArguments {
	readonly max_lr?: number;
	readonly total_steps?: number;
	readonly epochs?: number;
	readonly steps_per_epoch?: number;
	readonly pct_start?: number;
	readonly anneal_strategy?: 'cos' | 'linear';
	readonly cycle_momentum?: boolean;
	readonly base_momentum?: number;
	readonly max_momentum?: number;
	readonly div_factor?: number;
	readonly final_div_factor?: number;
	readonly three_phase?: boolean;
}

/** CyclicLR's arguments; `base_lr` defaults to the optimizer's `lr` (PyTorch requires it). */
export interface CyclicArguments {
	readonly base_lr?: number;
	readonly max_lr: number;
	readonly step_size_up?: number;
	readonly step_size_down?: number;
	readonly mode?: 'triangular' | 'triangular2' | 'exp_range';
	readonly gamma?: number;
	readonly cycle_momentum?: boolean;
	readonly base_momentum?: number;
	readonly max_momentum?: number;
}

/** ReduceLROnPlateau's arguments. */
export interface PlateauArguments {
	readonly mode?: 'min' | 'max';
	readonly factor?: number;
	readonly patience?: number;
	readonly threshold?: number;
	readonly threshold_mode?: 'rel' | 'abs';
	readonly cooldown?: number;
	readonly min_lr?: number;
	readonly eps?: number;
}

export type ScheduleKind = ScheduleSpec['kind'];

/** Schedule text that does not parse, or names a parameter outside its range. */
export class ScheduleSyntaxError extends Error {
	override readonly name = 'ScheduleSyntaxError';
	/** The message as a template and its arguments, for a translation (see `message.ts`). */
	readonly detail: Message;

	constructor(detail: Message) {
		super(formatMessage(detail));
		this.detail = detail;
	}
}
