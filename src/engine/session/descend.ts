/**
 * A lean optimization run with no history: start, optimizer, stop rules, final point. Random restarts, basin maps,
 * learning-rate sweeps and the divergence back-off search run thousands of these, so nothing here allocates per
 * step.
 */
import type { Loss } from '../compileLoss';
import { paramShape } from '../graph/node';
import type { Objective, Optimizer } from '../optim/optimizer';
import type { ScheduleSpec } from '../optim/lrSchedule';
import { ScheduledOptimizer } from '../optim/scheduledOptimizer';
import { distanceBetween, nextGrowthRun, norm, stopAt, type StopRules } from './stopRules';
import type { StopReason } from './stopReason';

export interface DescentResult {
	readonly x: Float64Array;
	readonly loss: number;
	readonly steps: number;
	readonly stop: StopReason;
	/** How many of the updates increased the loss. */
	readonly rises: number;
}

export interface DescentOptions {
	readonly optimizer: Optimizer;
	readonly schedule: ScheduleSpec;
	readonly rules: StopRules;
	readonly maxSteps: number;
	/** Checked every 64 updates; true ends the run early with a `paused` stop. */
	readonly shouldStop?: () => boolean;
}

/** The closure of an optimizer that re-evaluates the loss or needs its Hessian (L-BFGS, Newton); else undefined. */
function objectiveOf(loss: Loss, optimizer: Optimizer, value: number): Objective | undefined {
	if (optimizer.evaluates !== true) return undefined;
	return {
		loss: value,
		evaluate: (at, gradient) => loss.valueAndGradient(at, gradient),
		hessianVector: (at, v, out) => void loss.hessianVector(at, v, out),
	};
}

/** Runs from `start` until a stop rule fires or `maxSteps` updates were taken (full batch, autodiff). */
export function descend(loss: Loss, start: ArrayLike<number>, options: DescentOptions): DescentResult {
	const x = Float64Array.from(start);
	const previous = Float64Array.from(start);
	const gradient = new Float64Array(x.length);
	const state = options.optimizer.init(x.length, loss.paramSpecs.map(paramShape));
	const scheduled = new ScheduledOptimizer(options.optimizer, options.schedule);
	let value = loss.valueAndGradient(x, gradient);
	// ReduceLROnPlateau reads the loss each update started from; for update k the trace asks once for record k - 1's.
	let priorLoss = value;
	const lossAt = (): number => priorLoss;
	let growthRun = 0;
	let rises = 0;
	let lossBeforeGrowth = value;
	const startLoss = value;
	for (let step = 1; step <= options.maxSteps; step++) {
		if (step % 64 === 0 && options.shouldStop?.()) return { x, loss: value, steps: step - 1, stop: { kind: 'paused' }, rises };
		previous.set(x);
		const lr = scheduled.learningRate(step - 1, lossAt);
		scheduled.optimizerAt(step - 1, lossAt).step(state, x, gradient, lr, objectiveOf(loss, options.optimizer, value));
		const next = loss.valueAndGradient(x, gradient);
		growthRun = nextGrowthRun(growthRun, value, next);
		if (next > value) rises++;
		if (growthRun === 1) lossBeforeGrowth = value;
		const stepLength = distanceBetween(x, previous);
		const outcome = { step, loss: next, previousLoss: value, gradientNorm: norm(gradient), stepLength, pointNorm: norm(x), growthRun, lossBeforeGrowth, startLoss };
		const stop = stopAt(options.rules, outcome);
		priorLoss = value;
		value = next;
		if (stop) return { x, loss: value, steps: step, stop, rises };
	}
	return { x, loss: value, steps: options.maxSteps, stop: { kind: 'steps', limit: options.maxSteps }, rises };
}
