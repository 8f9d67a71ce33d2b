/**
 * The advice that comes with a divergence: a short back-off search from the start point that halves the learning
 * rate until a run of the same optimizer no longer diverges, and returns that rate.
 */
import type { Loss } from '../compileLoss';
import { createOptimizer } from '../optim/optimizers';
import { descend } from './descend';
import type { SessionSettings } from './sessionSettings';

/** The largest of lr/2, lr/4, ... (at most 12 halvings) whose run of `steps` updates does not diverge. */
export function suggestLearningRate(loss: Loss, start: ArrayLike<number>, settings: SessionSettings, steps: number): number | undefined {
	const base = createOptimizer(settings.optimizer, settings.optimizerOptions);
	let lr = base.options.lr as number;
	for (let attempt = 0; attempt < 12; attempt++) {
		lr /= 2;
		const optimizer = createOptimizer(settings.optimizer, { ...settings.optimizerOptions, lr });
		const run = descend(loss, start, { optimizer, schedule: settings.schedule, rules: settings, maxSteps: steps });
		if (run.stop.kind !== 'diverged') return Number(lr.toPrecision(3));
	}
	return undefined;
}
