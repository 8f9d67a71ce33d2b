/**
 * The advice that comes with a divergence: a short back-off search from the start point that halves the learning
 * rate until a run of the same optimizer no longer diverges, and returns that rate.
 */
import type { Loss } from '../compileLoss';
import { createOptimizer } from '../optim/optimizers';
import { descend } from './descend';
import type { SessionSettings } from './sessionSettings';

/** How long the search may take in all: it runs inside a stop, on the host's thread. */
const budgetMs = 40;

/**
 * The largest of lr/2, lr/4, ... (at most 12 halvings) whose run of `steps` updates does not diverge, or undefined
 * when none is found within the time budget (a costly loss gets no suggestion rather than a frozen host).
 */
export function suggestLearningRate(loss: Loss, start: ArrayLike<number>, settings: SessionSettings, steps: number): number | undefined {
	const base = createOptimizer(settings.optimizer, settings.optimizerOptions);
	const deadline = Date.now() + budgetMs;
	const shouldStop = () => Date.now() > deadline;
	let lr = base.options.lr as number;
	for (let attempt = 0; attempt < 12 && !shouldStop(); attempt++) {
		lr /= 2;
		const optimizer = createOptimizer(settings.optimizer, { ...settings.optimizerOptions, lr });
		const run = descend(loss, start, { optimizer, schedule: settings.schedule, rules: settings, maxSteps: steps, shouldStop });
		if (run.stop.kind === 'paused') return undefined;
		if (run.stop.kind !== 'diverged') return Number(lr.toPrecision(3));
	}
	return undefined;
}
