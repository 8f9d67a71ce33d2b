/**
 * The checks of a schedule that involve more than one parameter, as PyTorch's constructors make them: SequentialLR's
 * milestone count, OneCycleLR's length, and which schedulers may sit inside SequentialLR and ChainedScheduler.
 */
import { msg } from '../../message';
import { ScheduleSyntaxError, type ScheduleKind, type ScheduleSpec } from './scheduleSpec';

/**
 * The schedulers a SequentialLR or ChainedScheduler may hold: those that only scale the shared learning rate.
 * PyTorch's composites call `step()` without a metric (so ReduceLROnPlateau fails there) and OneCycleLR and CyclicLR
 * overwrite the group's `initial_lr`/`lr` and momentum when they are built, so Downhill leaves those out.
 */
export const composableKinds: readonly ScheduleKind[] = [
	'step', 'multistep', 'constantlr', 'linear', 'warmup', 'exponential', 'polynomial', 'cosine', 'cosine_restarts',
];

/** Throws `ScheduleSyntaxError` when `spec`'s parameters contradict each other; `text` is quoted in the message. */
export function checkScheduleRelations(spec: ScheduleSpec, text: string): void {
	if (spec.kind === 'sequential' || spec.kind === 'chained') {
		for (const child of spec.schedulers) {
			if (!composableKinds.includes(child.kind)) {
				throw new ScheduleSyntaxError(msg`'${child.kind}' cannot be one of the schedulers of '${spec.kind}' in '${text}'; it takes ${composableKinds.join(', ')}`);
			}
		}
	}
	if (spec.kind === 'sequential' && spec.milestones.length !== spec.schedulers.length - 1) {
		const counts = `${spec.schedulers.length} / ${spec.milestones.length}`;
		throw new ScheduleSyntaxError(msg`sequential needs one milestone fewer than schedulers (schedulers / milestones: ${counts}) in '${text}'`);
	}
	if (spec.kind === 'onecycle' && spec.total_steps === undefined && (spec.epochs === undefined || spec.steps_per_epoch === undefined)) {
		throw new ScheduleSyntaxError(msg`onecycle needs total_steps, or epochs and steps_per_epoch, in '${text}'`);
	}
}
