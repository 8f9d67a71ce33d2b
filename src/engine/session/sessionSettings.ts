/**
 * A session's settings and the one place where their defaults are resolved and validated. Hyper-parameters keep
 * PyTorch's names and defaults (resolved by the optimizer registry); the rest are Downhill's stop rules.
 */
import type { OptimizerName, OptionValue } from '../optim/optimizer';
import { checkSchedule, type ScheduleSpec } from '../optim/lrSchedule';
import { formatMessage, msg, type Message } from '../message';

export interface SessionSettings {
	readonly optimizer: OptimizerName;
	/** Hyper-parameters under PyTorch's names (`lr`, `momentum`, `betas`, ...); missing ones take PyTorch's defaults. */
	readonly optimizerOptions: Readonly<Record<string, OptionValue>>;
	readonly schedule: ScheduleSpec;
	readonly gradientSource: 'autodiff' | 'numeric';
	/** Samples per update for losses over data; 0 uses the whole data set (full batch). */
	readonly batchSize: number;
	readonly withReplacement: boolean;
	/** Seeds mini-batches and random restarts. */
	readonly seed: number;
	/** Continue stops after this many updates. */
	readonly maxSteps: number;
	/** Converged when the gradient norm is at most this. */
	readonly gradientTolerance: number;
	/** Converged when |ΔL| ≤ lossTolerance · max(1, |L|); 0 turns the rule off. */
	readonly lossTolerance: number;
	/**
	 * Diverged when the loss blows up over this many rising updates in a row (`stopRules.ts`); 0 turns that rule off.
	 * Non-finite values diverge at once.
	 */
	readonly divergenceSteps: number;
	/** Continue and step stop with `historyFull` rather than let the history grow past this many bytes. */
	readonly maxHistoryBytes: number;
}

export type SessionSettingsInput = { readonly [K in keyof SessionSettings]?: SessionSettings[K] | undefined };

/** A setting outside its range. */
export class SettingsError extends Error {
	override readonly name = 'SettingsError';
	/** The message as a template and its arguments, for a translation (see `message.ts`). */
	readonly detail: Message;

	constructor(
		readonly setting: string,
		detail: Message,
	) {
		super(formatMessage(detail));
		this.detail = detail;
	}
}

export const defaultSessionSettings: SessionSettings = {
	optimizer: 'sgd',
	optimizerOptions: {},
	schedule: { kind: 'constant' },
	gradientSource: 'autodiff',
	batchSize: 0,
	withReplacement: false,
	seed: 0,
	maxSteps: 10_000,
	gradientTolerance: 1e-6,
	lossTolerance: 1e-12,
	divergenceSteps: 10,
	maxHistoryBytes: 256 * 2 ** 20,
};

/** Fills in defaults (`??`, so an explicit 0 stays 0) and validates ranges. */
export function resolveSessionSettings(input: SessionSettingsInput = {}, base = defaultSessionSettings): SessionSettings {
	const s: SessionSettings = {
		optimizer: input.optimizer ?? base.optimizer,
		optimizerOptions: input.optimizerOptions ?? base.optimizerOptions,
		schedule: input.schedule === undefined ? base.schedule : checkSchedule(input.schedule),
		gradientSource: input.gradientSource ?? base.gradientSource,
		batchSize: input.batchSize ?? base.batchSize,
		withReplacement: input.withReplacement ?? base.withReplacement,
		seed: input.seed ?? base.seed,
		maxSteps: input.maxSteps ?? base.maxSteps,
		gradientTolerance: input.gradientTolerance ?? base.gradientTolerance,
		lossTolerance: input.lossTolerance ?? base.lossTolerance,
		divergenceSteps: input.divergenceSteps ?? base.divergenceSteps,
		maxHistoryBytes: input.maxHistoryBytes ?? base.maxHistoryBytes,
	};
	requireInteger('batchSize', s.batchSize, 0);
	requireInteger('seed', s.seed, 0);
	requireInteger('maxSteps', s.maxSteps, 1);
	requireInteger('divergenceSteps', s.divergenceSteps, 0);
	requireInteger('maxHistoryBytes', s.maxHistoryBytes, 2 ** 16);
	requireNonNegative('gradientTolerance', s.gradientTolerance);
	requireNonNegative('lossTolerance', s.lossTolerance);
	if (s.gradientSource !== 'autodiff' && s.gradientSource !== 'numeric') {
		throw new SettingsError('gradientSource', msg`gradientSource must be 'autodiff' or 'numeric', not '${String(s.gradientSource)}'`);
	}
	return s;
}

function requireInteger(name: string, value: number, min: number): void {
	if (!Number.isInteger(value) || value < min) throw new SettingsError(name, msg`${name} must be an integer ≥ ${min}, not ${value}`);
}

function requireNonNegative(name: string, value: number): void {
	if (!(value >= 0)) throw new SettingsError(name, msg`${name} must be a number ≥ 0, not ${value}`);
}
