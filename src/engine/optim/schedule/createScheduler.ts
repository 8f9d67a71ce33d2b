/**
 * From a checked `ScheduleSpec` to a scheduler bound to a parameter group, as PyTorch builds one: the constructor's
 * side effects on the group (`initial_lr`, OneCycleLR's and CyclicLR's rate and momentum) and its initial step.
 */
import { msg } from '../../message';
import { ChainedScheduler, SequentialLr } from './compositeSchedulers';
import { CosineAnnealingLr, CosineAnnealingWarmRestarts } from './cosineSchedulers';
import { CyclicLr } from './cyclicLr';
import { ConstantLr, ExponentialLr, LinearLr, MultiStepLr, PolynomialLr, StepLr } from './decaySchedulers';
import type { EpochScheduler, LrScheduler, ParamGroup } from './epochScheduler';
import { OneCycleLr } from './oneCycleLr';
import { ReduceLrOnPlateau } from './reduceLrOnPlateau';
import { cyclesMomentum, resolvedArguments } from './scheduleRules';
import { ScheduleSyntaxError, type ScheduleSpec } from './scheduleSpec';

type Args = Readonly<Record<string, unknown>>;
const num = (a: Args, key: string): number => a[key] as number;

/**
 * A scheduler for `spec` on `group`, after its initial step (so `group.lr` is the rate of the first update).
 * Throws `ScheduleSyntaxError` when the schedule cycles momentum and the group has none (PyTorch's "optimizer must
 * support momentum or beta1 with `cycle_momentum` option enabled"); `optimizer` names it in the message.
 */
export function createScheduler(spec: ScheduleSpec, group: ParamGroup, optimizer: string): LrScheduler {
	if (cyclesMomentum(spec) && group.momentum === undefined) {
		throw new ScheduleSyntaxError(msg`${spec.kind} cycles the momentum, and ${optimizer} has neither momentum nor betas; add cycle_momentum=false`);
	}
	const a = resolvedArguments(spec);
	switch (spec.kind) {
		case 'constant':
			return { step: () => undefined };
		case 'onecycle': {
			const totalSteps = (a['total_steps'] as number | undefined) ?? num(a, 'epochs') * num(a, 'steps_per_epoch');
			const scheduler = new OneCycleLr(group, { ...a, max_lr: (a['max_lr'] as number | undefined) ?? group.lr, total_steps: totalSteps } as never);
			scheduler.initialStep();
			return scheduler;
		}
		case 'cyclic': {
			const scheduler = new CyclicLr(group, { ...a, base_lr: (a['base_lr'] as number | undefined) ?? group.lr } as never);
			scheduler.initialStep();
			return scheduler;
		}
		case 'plateau':
			return new ReduceLrOnPlateau(group, a as never);
		case 'sequential':
			return new SequentialLr(group, spec.schedulers.map((child) => epochScheduler(child, group)), spec.milestones);
		case 'chained':
			return new ChainedScheduler(spec.schedulers.map((child) => epochScheduler(child, group)));
		default:
			return epochScheduler(spec, group);
	}
}

/** One of the schedulers that scale the rate (`composableKinds`), built and initially stepped. */
function epochScheduler(spec: ScheduleSpec, group: ParamGroup): EpochScheduler {
	const a = resolvedArguments(spec);
	const scheduler = build(spec, a, group);
	scheduler.initialStep();
	return scheduler;
}

function build(spec: ScheduleSpec, a: Args, group: ParamGroup): EpochScheduler {
	switch (spec.kind) {
		case 'step':
			return new StepLr(group, num(a, 'step_size'), num(a, 'gamma'));
		case 'multistep':
			return new MultiStepLr(group, a['milestones'] as readonly number[], num(a, 'gamma'));
		case 'constantlr':
			return new ConstantLr(group, num(a, 'factor'), num(a, 'total_iters'));
		case 'linear':
			return new LinearLr(group, num(a, 'start_factor'), num(a, 'end_factor'), num(a, 'total_iters'));
		case 'warmup':
			return new LinearLr(group, num(a, 'start_factor'), 1, num(a, 'steps'));
		case 'exponential':
			return new ExponentialLr(group, num(a, 'gamma'));
		case 'polynomial':
			return new PolynomialLr(group, num(a, 'total_iters'), num(a, 'power'));
		case 'cosine':
			return new CosineAnnealingLr(group, num(a, 'T_max'), num(a, 'eta_min'));
		case 'cosine_restarts':
			return new CosineAnnealingWarmRestarts(group, num(a, 'T_0'), num(a, 'T_mult'), num(a, 'eta_min'));
		default:
			throw new Error(`unreachable: '${spec.kind}' is not a scheduler that scales the rate`);
	}
}
