/**
 * The rules that end a continue on their own: convergence (small gradient or small change in loss) and divergence
 * (a non-finite value, or a loss that keeps growing). Pure functions, shared by the session and by the lean runs of
 * restarts, sweeps and basin maps.
 */
import type { SessionSettings } from './sessionSettings';
import type { StopReason } from './stopReason';

export type StopRules = Pick<SessionSettings, 'gradientTolerance' | 'lossTolerance' | 'divergenceSteps'>;

/** Counts consecutive increases of the loss, the state of the growth rule. */
export function nextGrowthRun(previousRun: number, previousLoss: number, loss: number): number {
	return loss > previousLoss ? previousRun + 1 : 0;
}

/**
 * The stop due at a point reached by update `step`, or undefined to go on. `growthRun` counts how many updates in
 * a row increased the loss, including this one.
 */
export function stopAt(
	rules: StopRules,
	step: number,
	loss: number,
	previousLoss: number,
	gradientNorm: number,
	growthRun: number,
): StopReason | undefined {
	if (!Number.isFinite(loss) || !Number.isFinite(gradientNorm)) {
		const what = !Number.isFinite(loss) ? `the loss became ${loss}` : `the gradient became ${gradientNorm}`;
		return { kind: 'diverged', since: step, message: `Diverged at step ${step}: ${what}.` };
	}
	if (growthRun >= rules.divergenceSteps) {
		const since = step - growthRun + 1;
		return {
			kind: 'diverged',
			since,
			message: `Diverged: the loss grew for ${growthRun} steps in a row (since step ${since}).`,
		};
	}
	if (gradientNorm <= rules.gradientTolerance) {
		return { kind: 'converged', criterion: 'gradientNorm', message: `Converged: ‖∇L‖ = ${gradientNorm.toPrecision(3)} ≤ ${rules.gradientTolerance}` };
	}
	if (rules.lossTolerance > 0 && Math.abs(loss - previousLoss) <= rules.lossTolerance * Math.max(1, Math.abs(loss))) {
		return { kind: 'converged', criterion: 'lossChange', message: `Converged: the loss changed by less than ${rules.lossTolerance} (relative)` };
	}
	return undefined;
}

/** Euclidean norm. */
export function norm(v: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
	return Math.sqrt(s);
}
