/**
 * Each schedule's parameters: PyTorch's defaults and the checks PyTorch's constructors make (plus: numbers are
 * finite), the one place where schedule defaults are resolved. Checked against torch/optim/lr_scheduler.py of
 * PyTorch 2.x and https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate.
 */
import { msg, type MessageArgument } from '../../message';
import type { ScheduleKind, ScheduleSpec, ScheduleValue } from './scheduleSpec';

/** How one parameter is written and checked. */
export interface ParamRule {
	readonly type: 'number' | 'boolean' | 'choice' | 'numbers' | 'schedules';
	/** PyTorch's default; absent when the parameter is required or its default depends on others. */
	readonly defaultValue?: ScheduleValue;
	readonly required?: boolean;
	/** The allowed range or values, named in errors. */
	readonly range: MessageArgument;
	readonly accepts: (value: number) => boolean;
	readonly choices?: readonly string[];
}

const any = (): boolean => true;
const number = (defaultValue: number | undefined, range: MessageArgument, accepts: (v: number) => boolean): ParamRule => ({
	type: 'number',
	...(defaultValue === undefined ? {} : { defaultValue }),
	range,
	accepts,
});
const required = (rule: ParamRule): ParamRule => ({ ...rule, required: true });
const finite = (defaultValue?: number): ParamRule => number(defaultValue, msg`a finite number`, any);
const nonNegative = (defaultValue?: number): ParamRule => number(defaultValue, '>= 0', (v) => v >= 0);
const positive = (defaultValue?: number): ParamRule => number(defaultValue, '> 0', (v) => v > 0);
const positiveInteger = (defaultValue?: number): ParamRule =>
	number(defaultValue, msg`a positive integer`, (v) => Number.isInteger(v) && v > 0);
const nonNegativeInteger = (defaultValue?: number): ParamRule =>
	number(defaultValue, msg`a non-negative integer`, (v) => Number.isInteger(v) && v >= 0);
const flag = (defaultValue: boolean): ParamRule => ({ type: 'boolean', defaultValue, range: msg`true or false`, accepts: any });
const choice = (defaultValue: string, choices: readonly string[]): ParamRule => ({
	type: 'choice',
	defaultValue,
	range: msg`one of ${choices.join(', ')}`,
	accepts: any,
	choices,
});
const milestones: ParamRule = { type: 'numbers', required: true, range: msg`a list of non-negative integers such as [30,80]`, accepts: (v) => Number.isInteger(v) && v >= 0 };
const schedulers: ParamRule = { type: 'schedules', required: true, range: msg`a list of schedules such as [linear:total_iters=5; cosine:T_max=95]`, accepts: any };
const unitClosed = (defaultValue: number): ParamRule => number(defaultValue, '[0, 1]', (v) => v >= 0 && v <= 1);
// PyTorch accepts factor 0 but then divides by it at total_iters (ZeroDivisionError); LinearLR 2.x rejects 0.
const unitOpen = (defaultValue: number): ParamRule => number(defaultValue, msg`in (0, 1]`, (v) => v > 0 && v <= 1);

/** Every schedule's parameters in PyTorch's constructor order. */
export const scheduleRules: Readonly<Record<ScheduleKind, Readonly<Record<string, ParamRule>>>> = {
	constant: {},
	step: { step_size: required(positiveInteger()), gamma: nonNegative(0.1) },
	multistep: { milestones, gamma: nonNegative(0.1) },
	constantlr: { factor: unitOpen(1 / 3), total_iters: nonNegativeInteger(5) },
	linear: { start_factor: unitOpen(1 / 3), end_factor: unitClosed(1), total_iters: positiveInteger(5) },
	warmup: { steps: required(positiveInteger()), start_factor: unitOpen(1 / 3) },
	exponential: { gamma: required(nonNegative()) },
	polynomial: { total_iters: positiveInteger(5), power: finite(1) },
	cosine: { T_max: required(positiveInteger()), eta_min: nonNegative(0) },
	cosine_restarts: { T_0: required(positiveInteger()), T_mult: positiveInteger(1), eta_min: nonNegative(0) },
	onecycle: {
		max_lr: nonNegative(),
		total_steps: positiveInteger(),
		epochs: positiveInteger(),
		steps_per_epoch: positiveInteger(),
		pct_start: unitClosed(0.3),
		anneal_strategy: choice('cos', ['cos', 'linear']),
		cycle_momentum: flag(true),
		base_momentum: finite(0.85),
		max_momentum: finite(0.95),
		div_factor: positive(25),
		final_div_factor: positive(1e4),
		three_phase: flag(false),
	},
	cyclic: {
		base_lr: nonNegative(),
		max_lr: required(nonNegative()),
		step_size_up: positive(2000),
		step_size_down: positive(),
		mode: choice('triangular', ['triangular', 'triangular2', 'exp_range']),
		gamma: finite(1),
		cycle_momentum: flag(true),
		base_momentum: finite(0.8),
		max_momentum: finite(0.9),
	},
	plateau: {
		mode: choice('min', ['min', 'max']),
		factor: number(0.1, '< 1', (v) => v < 1),
		patience: nonNegativeInteger(10),
		threshold: finite(1e-4),
		threshold_mode: choice('rel', ['rel', 'abs']),
		cooldown: nonNegativeInteger(0),
		min_lr: nonNegative(0),
		eps: finite(1e-8),
	},
	sequential: { schedulers, milestones },
	chained: { schedulers },
};

export const scheduleKinds = Object.keys(scheduleRules) as ScheduleKind[];

/** An example of each kind's text, for messages and documentation. */
export const scheduleExamples: Readonly<Record<ScheduleKind, string>> = {
	constant: 'constant',
	step: 'step:step_size=30,gamma=0.5',
	multistep: 'multistep:milestones=[30,80],gamma=0.1',
	constantlr: 'constantlr:factor=0.5,total_iters=4',
	linear: 'linear:start_factor=0.25,end_factor=1,total_iters=10',
	warmup: 'warmup:steps=10',
	exponential: 'exponential:gamma=0.9',
	polynomial: 'polynomial:total_iters=100,power=2',
	cosine: 'cosine:T_max=100,eta_min=0',
	cosine_restarts: 'cosine_restarts:T_0=10,T_mult=2',
	onecycle: 'onecycle:max_lr=0.1,total_steps=100',
	cyclic: 'cyclic:base_lr=0.001,max_lr=0.1,step_size_up=10',
	plateau: 'plateau:factor=0.5,patience=5',
	sequential: 'sequential:schedulers=[linear:total_iters=5; cosine:T_max=95],milestones=[5]',
	chained: 'chained:schedulers=[constantlr:factor=0.5,total_iters=3; exponential:gamma=0.95]',
};

/** PyTorch's class name of each kind, also accepted as the kind in text (case-insensitive). */
export const torchClassNames: Readonly<Record<ScheduleKind, string>> = {
	constant: 'constant',
	step: 'StepLR',
	multistep: 'MultiStepLR',
	constantlr: 'ConstantLR',
	linear: 'LinearLR',
	warmup: 'LinearLR',
	exponential: 'ExponentialLR',
	polynomial: 'PolynomialLR',
	cosine: 'CosineAnnealingLR',
	cosine_restarts: 'CosineAnnealingWarmRestarts',
	onecycle: 'OneCycleLR',
	cyclic: 'CyclicLR',
	plateau: 'ReduceLROnPlateau',
	sequential: 'SequentialLR',
	chained: 'ChainedScheduler',
};

/** Kinds that cycle the optimizer's momentum (or beta1) when `cycle_momentum` is on. */
export function cyclesMomentum(spec: ScheduleSpec): boolean {
	return (spec.kind === 'onecycle' || spec.kind === 'cyclic') && (spec.cycle_momentum ?? true);
}

/** `spec`'s parameters with PyTorch's defaults filled in (required ones are present in a checked spec). */
export function resolvedArguments(spec: ScheduleSpec): Readonly<Record<string, ScheduleValue>> {
	const resolved: Record<string, ScheduleValue> = {};
	const given = spec as unknown as Record<string, ScheduleValue | undefined>;
	for (const [key, rule] of Object.entries(scheduleRules[spec.kind])) {
		const value = given[key] ?? rule.defaultValue;
		if (value !== undefined) resolved[key] = value;
	}
	return resolved;
}
