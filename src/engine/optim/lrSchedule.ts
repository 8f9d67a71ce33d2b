/**
 * Learning-rate schedules, the entry the rest of Downhill imports: the spec type, its text form (the CLI's
 * `--schedule`, the setting, `launch.json`) and the rate of an update. The schedulers themselves live in
 * `schedule/`, one family per file, each PyTorch's `torch.optim.lr_scheduler` class with its step semantics: the
 * recursive (chainable) `get_lr()` PyTorch's `scheduler.step()` uses, so rates match PyTorch's `get_last_lr()` step
 * for step (https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate).
 */
import { cyclesMomentum } from './schedule/scheduleRules';
import { ScheduleTrace } from './schedule/scheduleTrace';
import type { ScheduleSpec } from './schedule/scheduleSpec';

export { ScheduleSyntaxError, type ScheduleSpec, type ScheduleKind } from './schedule/scheduleSpec';
export { checkSchedule, formatSchedule, parseSchedule } from './schedule/scheduleText';
export { scheduleExamples, scheduleKinds, torchClassNames } from './schedule/scheduleRules';

const traces = new WeakMap<ScheduleSpec, Map<number, ScheduleTrace>>();

/**
 * The learning rate of update `step` (0-based: the first update uses step 0), i.e. PyTorch's `get_last_lr()` after
 * `step` calls to `scheduler.step()` with `lr = baseLr`. `spec` is assumed valid (as `parseSchedule` returns it) and
 * must not need the recorded losses (ReduceLROnPlateau: use `ScheduledOptimizer`). Throws a `RangeError` for a
 * negative or fractional `step`.
 */
export function learningRateAt(spec: ScheduleSpec, baseLr: number, step: number): number {
	if (spec.kind === 'plateau') throw new RangeError('ReduceLROnPlateau needs the recorded losses; use ScheduledOptimizer');
	let byRate = traces.get(spec);
	if (byRate === undefined) {
		byRate = new Map();
		traces.set(spec, byRate);
	}
	let trace = byRate.get(baseLr);
	if (trace === undefined) {
		// The rate does not depend on the momentum a schedule cycles; 0 stands in for the optimizer's.
		trace = new ScheduleTrace(spec, baseLr, cyclesMomentum(spec) ? 0 : undefined, 'sgd');
		byRate.set(baseLr, trace);
	}
	return trace.learningRate(step);
}
