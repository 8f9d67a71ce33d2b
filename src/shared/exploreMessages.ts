/**
 * The messages and data of the panel's teaching views (part of the protocol in `messages.ts`, which puts them in
 * its unions): the next update written out, random restarts, basin maps, the learning-rate sweep, racing runs and
 * brute force. Types only.
 */
import type { OptimizerOptionsInfo, StopInfo, ViewRange } from './messages';

/** One parameter's next update; `terms` by the names the panel prints (`v0`, `v`, `m`, `mHat`, `vHat`, ...). */
export interface UpdateRuleRow {
	readonly index: number;
	readonly w: number;
	/** The gradient the rule uses (L2 weight decay folded in, as PyTorch does). */
	readonly g: number;
	readonly terms: Readonly<Record<string, number>>;
	readonly next: number;
}

/** `w_new = w − η·∇L` and the optimizer's own terms, for the first few parameters, with a summary of all. */
export interface UpdateRuleInfo {
	readonly kind: 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'adamw' | 'adadelta' | 'rprop' | 'lbfgs' | 'newton' | 'adafactor' | 'other';
	readonly optimizer: string;
	readonly learningRate: number;
	/**
	 * `momentum`, `dampening`, `beta1`, `beta2`, `eps`, `rho`, `etaminus`, `etaplus`, `stepMin`, `stepMax`,
	 * `weightDecay`, `t` (the update's step count); L-BFGS: `alpha`, `iterations`, `evaluations`, `pairs`; Adafactor:
	 * `tau`, `beta2hat`, `rho`, `d`, `eps1`, `eps2`, `factored` and `unfactored` (how many tensors are matrices or not).
	 */
	readonly constants: Readonly<Record<string, number>>;
	readonly rows: readonly UpdateRuleRow[];
	/** Parameters in all (rows may list fewer). */
	readonly size: number;
	readonly stepNorm: number;
	readonly largestChange: number;
}

/** A minimum that random restarts or a basin map found, labelled global (the best found) or local. */
export interface MinimumInfo {
	readonly x: readonly number[];
	readonly loss: number;
	/** How many starts ended here. */
	readonly count: number;
	readonly kind: 'global' | 'local';
}

/** Random restarts of the session's loss: each start, where it ended, and the distinct minima. */
export interface RestartsInfo {
	/** `params.length` numbers per run. */
	readonly starts: Float64Array;
	readonly ends: Float64Array;
	/** Per run: index into `minima`, or -1 for a run that diverged. */
	readonly runMinimum: readonly number[];
	readonly minima: readonly MinimumInfo[];
}

/** A basin map (2-parameter losses): per cell of an `nx × ny` grid over `range` (rows from yMin up), the minimum its start reached. */
export interface BasinsInfo {
	readonly range: ViewRange;
	readonly nx: number;
	readonly ny: number;
	/** Row-major: index into `minima`, -1 where the run diverged, -2 not computed yet. */
	readonly labels: Int32Array;
	readonly minima: readonly MinimumInfo[];
	/** Fraction of cells done; 1 when the map is complete. */
	readonly progress: number;
}

/** One learning rate of the explorer: the final loss after at most `steps` updates from the start point. */
export interface SweepPointInfo {
	readonly learningRate: number;
	readonly finalLoss: number;
	readonly steps: number;
	readonly outcome: 'converged' | 'slow' | 'oscillating' | 'diverged';
}

/** The learning-rate explorer's sweep so far (same start, optimizer and settings, log-spaced learning rates). */
export interface SweepInfo {
	readonly optimizer: string;
	/** Every rate that will be run, in order; `points` holds the first ones done. */
	readonly rates: readonly number[];
	readonly points: readonly SweepPointInfo[];
	/** Updates per rate at most. */
	readonly steps: number;
	/** The smallest learning rate that diverged, once one has. */
	readonly divergesFrom?: number;
	/** The learning rate that converged in the fewest steps. */
	readonly fastest?: number;
	/** 2/λ_max of the Hessian at the start point, where gradient descent's stability ends (absent when unknown). */
	readonly stabilityAtStart?: number;
	/** 2/λ_max of the Hessian at the minimum found (the lowest end point of a run that did not diverge), once the sweep is done. */
	readonly stabilityAtMinimum?: number;
	readonly progress: number;
}

/** A run racing the session (compare optimizers): its settings, why it stopped, and new records. */
export interface RunInfo {
	readonly id: number;
	readonly optimizer: string;
	readonly options: OptimizerOptionsInfo;
	readonly hidden: boolean;
	readonly stop: StopInfo;
	/** Its current step and loss. */
	readonly step: number;
	readonly loss: number;
	/** Index of the first record in `points`/`losses`; records from here on replace what the panel had. */
	readonly from: number;
	/** `params.length` numbers per record. */
	readonly points: Float64Array;
	readonly losses: Float64Array;
}

/** A grid search over the view (brute force) beside what descent has spent so far. */
export interface BruteForceInfo {
	readonly axes: readonly [number, number];
	/** Values per axis; `evaluations` = k (one axis) or k² (two). */
	readonly k: number;
	readonly evaluations: number;
	/** The best grid point (all parameters) and its loss. */
	readonly best: readonly number[];
	readonly bestLoss: number;
	/** Loss evaluations (with gradient) descent has made to reach the current step, and its loss there. */
	readonly descentEvaluations: number;
	readonly descentLoss: number;
	/** log₁₀ of kⁿ for all n parameters, and of 1000^500000 (the study note's example). */
	readonly log10AllParameters: number;
	readonly log10NoteExample: number;
}

/** Gradients at the current point: the full batch's and those of `count` seeded mini-batches. */
export interface BatchNoiseInfo {
	/** The step they were computed at. */
	readonly step: number;
	readonly full: readonly number[];
	/** `params.length` numbers per mini-batch. */
	readonly batches: Float64Array;
	readonly batchSize: number;
	readonly sampleCount: number;
}

// ---- host → webview ----

/** The result of random restarts (the command or the panel's button), drawn on the map; undefined clears it. */
export interface RestartsMessage {
	readonly type: 'restarts';
	readonly restarts: RestartsInfo | undefined;
}

/** The runs racing the session (all of them: a run missing here was removed). */
export interface RunsMessage {
	readonly type: 'runs';
	readonly runs: readonly RunInfo[];
}

// ---- webview → host ----

/** Gradients of `count` mini-batches at the current point (losses over data), with the session's batch size; answered by `BatchNoiseInfo`. */
export interface RequestBatchNoiseMessage {
	readonly type: 'requestBatchNoise';
	readonly count: number;
}

/** Run `count` random restarts of the session (the `downhill.randomRestarts` command) and show them. */
export interface RunRestartsMessage {
	readonly type: 'runRestarts';
	readonly count: number;
}

/** Compute a basin map over `range` (2-parameter losses); answered by `BasinsInfo`s as it fills in. */
export interface RequestBasinsMessage {
	readonly type: 'requestBasins';
	readonly range: ViewRange;
	readonly nx: number;
	readonly ny: number;
}

/** Run the learning-rate explorer from the session's start point; answered by `SweepInfo`s as it fills in. */
export interface RequestSweepMessage {
	readonly type: 'requestSweep';
}

/** Restart the session with this learning rate (a click on a point of the explorer). */
export interface TryLearningRateMessage {
	readonly type: 'tryLearningRate';
	readonly learningRate: number;
}

/** Add a run of `optimizer` with `options` racing the session from its start point. */
export interface AddRunMessage {
	readonly type: 'addRun';
	readonly optimizer: string;
	readonly options: OptimizerOptionsInfo;
}

/** Remove a racing run, or hide or show it. */
export interface ChangeRunMessage {
	readonly type: 'changeRun';
	readonly id: number;
	readonly change: 'remove' | 'hide' | 'show';
}

/** Search the view by brute force: `k` values per axis (k² points for two axes); answered by `BruteForceInfo`. */
export interface RequestBruteForceMessage {
	readonly type: 'requestBruteForce';
	readonly range: ViewRange;
	readonly axes: readonly [number, number];
	readonly k: number;
}
