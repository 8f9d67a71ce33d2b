/**
 * The rules that end a continue on their own: convergence (small gradient or small change in loss) and divergence
 * (a non-finite value, or a loss that keeps growing). Pure functions, shared by the session and by the lean runs of
 * restarts, sweeps and basin maps.
 */
import type { History } from './history';
import type { SessionSettings } from './sessionSettings';
import { msg, type Message } from '../message';
import type { StopReason } from './stopReason';

export type StopRules = Pick<SessionSettings, 'gradientTolerance' | 'lossTolerance' | 'divergenceSteps'>;

/** Counts consecutive increases of the loss, the state of the growth rule. */
export function nextGrowthRun(previousRun: number, previousLoss: number, loss: number): number {
	return loss > previousLoss ? previousRun + 1 : 0;
}

/** What the stop rules look at after update `step`. */
export interface StepOutcome {
	readonly step: number;
	readonly loss: number;
	readonly previousLoss: number;
	readonly gradientNorm: number;
	/** ‖x_step − x_(step−1)‖ and ‖x_step‖: a loss that stays put while the point jumps (an oscillation) has not converged. */
	readonly stepLength: number;
	readonly pointNorm: number;
	/** How many updates in a row increased the loss, including this one. */
	readonly growthRun: number;
	/** The loss before that run of increases began. */
	readonly lossBeforeGrowth: number;
	/** The loss at the start point. */
	readonly startLoss: number;
}

/** How many times its size a loss must grow, within one run of rising steps, to count as blowing up. */
export const blowUpFactor = 1e6;

/**
 * The stop due after an update, or undefined to go on. Divergence is a non-finite point, loss or gradient, or an
 * explosive blow-up: the loss rose `divergenceSteps` updates in a row and grew by more than `blowUpFactor` times
 * the larger of its size before the rise, its size at the start, and 1. A rise that stays moderate is only a hint
 * (momentum and adaptive methods climb for a while when they overshoot, then recover). A non-finite value is never
 * convergence.
 */
export function stopAt(rules: StopRules, outcome: StepOutcome): StopReason | undefined {
	const { step, loss, previousLoss, gradientNorm, growthRun } = outcome;
	const notFinite = nonFiniteValue(outcome);
	if (notFinite !== undefined) return { kind: 'diverged', since: step, message: notFinite };
	if (rules.divergenceSteps > 0 && growthRun >= rules.divergenceSteps && isBlowUp(outcome)) {
		const since = step - growthRun + 1;
		return {
			kind: 'diverged',
			since,
			message: msg`Diverged: the loss grew for ${growthRun} steps in a row (since step ${since}).`,
		};
	}
	if (gradientNorm <= rules.gradientTolerance) {
		return { kind: 'converged', criterion: 'gradientNorm', message: msg`Converged: ‖∇L‖ = ${gradientNorm.toPrecision(3)} ≤ ${rules.gradientTolerance}` };
	}
	const stalled = outcome.stepLength <= Math.sqrt(rules.lossTolerance) * Math.max(1, outcome.pointNorm);
	if (rules.lossTolerance > 0 && stalled && Math.abs(loss - previousLoss) <= rules.lossTolerance * Math.max(1, Math.abs(loss))) {
		return { kind: 'converged', criterion: 'lossChange', message: msg`Converged: the loss changed by less than ${rules.lossTolerance} (relative)` };
	}
	return undefined;
}

/** The divergence for what is not finite after an update, or undefined. */
function nonFiniteValue({ step, loss, gradientNorm, pointNorm }: StepOutcome): Message | undefined {
	if (!Number.isFinite(loss)) return msg`Diverged at step ${step}: the loss became ${String(loss)}.`;
	if (!Number.isFinite(gradientNorm)) return msg`Diverged at step ${step}: the gradient became ${String(gradientNorm)}.`;
	if (!Number.isFinite(pointNorm)) return msg`Diverged at step ${step}: the point became ${String(pointNorm)}.`;
	return undefined;
}

function isBlowUp({ loss, lossBeforeGrowth, startLoss }: StepOutcome): boolean {
	return loss - lossBeforeGrowth > blowUpFactor * Math.max(1, Math.abs(lossBeforeGrowth), Math.abs(startLoss));
}

/** Euclidean norm. */
export function norm(v: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
	return Math.sqrt(s);
}

/** ‖a − b‖. */
export function distanceBetween(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
	return Math.sqrt(s);
}

/** The verdict of the stop rules at record `k` (k ≥ 1) of `history`, with the growth rule's run counted back from k. */
export function stopRuleInHistory(history: History, rules: StopRules, k: number): StopReason | undefined {
	let growth = 0;
	for (let j = k; j >= 1 && growth < rules.divergenceSteps && history.loss(j) > history.loss(j - 1); j--) growth++;
	let stepLength = 0;
	let pointNorm = 0;
	for (let i = 0; i < history.dimension; i++) {
		stepLength += (history.coordinate(k, i) - history.coordinate(k - 1, i)) ** 2;
		pointNorm += history.coordinate(k, i) ** 2;
	}
	return stopAt(rules, {
		step: k,
		loss: history.loss(k),
		previousLoss: history.loss(k - 1),
		gradientNorm: history.gradientNorm(k),
		stepLength: Math.sqrt(stepLength),
		pointNorm: Math.sqrt(pointNorm),
		growthRun: growth,
		lossBeforeGrowth: history.loss(k - growth),
		startLoss: history.loss(0),
	});
}
