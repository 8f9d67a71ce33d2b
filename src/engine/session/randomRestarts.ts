/**
 * Random restarts, the study note's answer to local minima: N starts drawn with a seeded generator from a box, each
 * run to a stop, the end points clustered into distinct minima, each labelled global (the best found) or local.
 * Runs in slices like a continue, so the host stays responsive and can cancel between runs.
 */
import type { Loss } from '../compileLoss';
import { createOptimizer } from '../optim/optimizers';
import { descend } from './descend';
import { seededRandom } from './random';
import type { SessionSettings } from './sessionSettings';
import type { StopReason } from './stopReason';
import { clusterEnds, labelMinima, nearestMinimum, type FoundMinimum } from './clusterMinima';

export interface RestartOptions {
	readonly count: number;
	readonly seed: number;
	/** Where starts are drawn; default: [-R, R] per coordinate with R = max(5, 2·|start|). */
	readonly box?: { readonly low: readonly number[]; readonly high: readonly number[] };
	readonly maxSteps?: number;
}

export interface RestartRun {
	readonly start: readonly number[];
	readonly end: readonly number[];
	readonly loss: number;
	readonly steps: number;
	readonly stop: StopReason;
	/** Index into `minima`, or -1 for a run that diverged. */
	readonly minimum: number;
}

export type { FoundMinimum } from './clusterMinima';

export interface RestartsResult {
	readonly runs: readonly RestartRun[];
	readonly minima: readonly FoundMinimum[];
	/** Index of the best minimum, or -1 when every run diverged. */
	readonly best: number;
	readonly box: { readonly low: readonly number[]; readonly high: readonly number[] };
}

/** The default box around a start point. */
export function defaultRestartBox(start: readonly number[]): { low: number[]; high: number[] } {
	const r = start.map((v) => Math.max(5, 2 * Math.abs(v)));
	return { low: r.map((v) => -v), high: r };
}

export class RandomRestarts {
	private readonly random: () => number;
	private readonly ends: { start: number[]; end: number[]; loss: number; steps: number; stop: StopReason }[] = [];
	readonly box: { readonly low: readonly number[]; readonly high: readonly number[] };

	constructor(
		private readonly loss: Loss,
		private readonly settings: SessionSettings,
		private readonly options: RestartOptions,
	) {
		this.random = seededRandom(options.seed);
		this.box = options.box ?? defaultRestartBox([...loss.start]);
	}

	/** Fraction of runs done. */
	get progress(): number {
		return this.ends.length / Math.max(1, this.options.count);
	}

	/** Runs starts until all are done (returns the result) or `shouldYield()` (returns undefined). */
	advance(shouldYield: () => boolean): RestartsResult | undefined {
		const optimizer = createOptimizer(this.settings.optimizer, this.settings.optimizerOptions);
		while (this.ends.length < this.options.count) {
			const start = this.box.low.map((lo, i) => lo + (this.box.high[i]! - lo) * this.random());
			const run = descend(this.loss, start, {
				optimizer,
				schedule: this.settings.schedule,
				rules: this.settings,
				maxSteps: this.options.maxSteps ?? this.settings.maxSteps,
			});
			this.ends.push({ start, end: Array.from(run.x), loss: run.loss, steps: run.steps, stop: run.stop });
			if (shouldYield()) return undefined;
		}
		return this.result();
	}

	private result(): RestartsResult {
		const scale = Math.max(1, Math.hypot(...this.box.low.map((lo, i) => this.box.high[i]! - lo)));
		const minima = labelMinima(clusterEnds(this.ends, 1e-3 * scale));
		const runs = this.ends.map((e) => ({ ...e, minimum: e.stop.kind === 'diverged' ? -1 : nearestMinimum(minima, e.end) }));
		return { runs, minima, best: minima.length > 0 ? 0 : -1, box: this.box };
	}
}

