/**
 * The learning-rate explorer: the same start and optimizer run at log-spaced learning rates, each to a stop, to show
 * where descent is too slow, where it works, and where it begins to diverge (the study note's "too large diverges,
 * too small crawls").
 */
import type { Loss } from '../compileLoss';
import { createOptimizer } from '../optim/optimizers';
import { descend } from '../session/descend';
import type { SessionSettings } from '../session/sessionSettings';

export interface SweepPoint {
	readonly learningRate: number;
	readonly finalLoss: number;
	readonly steps: number;
	/**
	 * `slow`: not converged within the step budget, the loss falling; `oscillating`: not converged, the loss going up
	 * and down (at least one update in `oscillationShare` raised it), as just below the rate where divergence begins.
	 */
	readonly outcome: 'converged' | 'slow' | 'oscillating' | 'diverged';
}

/** The share of rising updates from which a run that did not converge counts as oscillating. */
export const oscillationShare = 0.05;

export interface Sweep {
	readonly points: readonly SweepPoint[];
	/** The smallest learning rate that diverged, if any. */
	readonly divergesFrom?: number;
	/** The learning rate that converged in the fewest steps, if any. */
	readonly fastest?: number;
	/** The minimum found: the end point of the run that did not diverge with the lowest final loss, if any. */
	readonly minimum?: readonly number[];
}

/** `count` learning rates from `low` to `high`, evenly spaced on a log axis. */
export function logSpaced(low: number, high: number, count: number): number[] {
	if (count === 1) return [low];
	const a = Math.log10(low);
	const b = Math.log10(high);
	return Array.from({ length: count }, (_, i) => Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(6)));
}

/** Runs the sweep in one call (a few hundred descents of at most `steps` updates each). */
export function sweepLearningRates(
	loss: Loss,
	start: ArrayLike<number>,
	settings: SessionSettings,
	rates: readonly number[],
	steps: number,
): Sweep {
	return new LearningRateSweepRun(loss, start, settings, rates, steps).advance(() => false)!;
}

/** The sweep one learning rate at a time, for hosts that run it in time slices and show it as it fills in. */
export class LearningRateSweepRun {
	private readonly points: SweepPoint[] = [];
	private lowest: { readonly loss: number; readonly x: readonly number[] } | undefined;

	constructor(
		private readonly loss: Loss,
		private readonly start: ArrayLike<number>,
		private readonly settings: SessionSettings,
		readonly rates: readonly number[],
		private readonly steps: number,
	) {}

	/** Fraction of the rates done. */
	get progress(): number {
		return this.points.length / Math.max(1, this.rates.length);
	}

	/** Runs rates until all are done (returns the sweep) or until `shouldYield()` (returns undefined). */
	advance(shouldYield: () => boolean): Sweep | undefined {
		while (this.points.length < this.rates.length) {
			this.points.push(this.runAt(this.rates[this.points.length]!));
			if (this.points.length < this.rates.length && shouldYield()) return undefined;
		}
		return this.partial();
	}

	/** The points so far, with where divergence begins and the fastest rate among them. */
	partial(): Sweep {
		const points = [...this.points];
		const divergesFrom = points.find((p) => p.outcome === 'diverged')?.learningRate;
		const converged = points.filter((p) => p.outcome === 'converged');
		const fastest = converged.length > 0 ? converged.reduce((a, b) => (b.steps < a.steps ? b : a)).learningRate : undefined;
		return { points, divergesFrom, fastest, ...(this.lowest ? { minimum: this.lowest.x } : {}) };
	}

	private runAt(lr: number): SweepPoint {
		const { settings } = this;
		const optimizer = createOptimizer(settings.optimizer, { ...settings.optimizerOptions, lr });
		const run = descend(this.loss, this.start, { optimizer, schedule: settings.schedule, rules: settings, maxSteps: this.steps });
		const outcome = run.stop.kind === 'diverged' || run.stop.kind === 'converged' ? run.stop.kind : run.rises >= oscillationShare * run.steps ? 'oscillating' : 'slow';
		if (outcome !== 'diverged' && Number.isFinite(run.loss) && run.loss < (this.lowest?.loss ?? Infinity)) this.lowest = { loss: run.loss, x: Array.from(run.x) };
		return { learningRate: lr, finalLoss: run.loss, steps: run.steps, outcome };
	}
}
