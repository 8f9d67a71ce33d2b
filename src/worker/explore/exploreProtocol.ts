/**
 * The panel's explorations as requests to the engine's worker (types only): landscapes, brute force, batch noise,
 * line search and the graph at a point answer at once; basin maps, learning-rate sweeps and random restarts run one
 * slice per request
 * (`slicedRuns.ts`), each reply the map or sweep so far. Every request names its loss by source (`LossSource`), and
 * carries the session's state it needs as data, so the worker needs no copy of the session.
 */
import type { RestartsResult, SessionSettings } from '../../engine/index';
import type { BasinsInfo, BatchNoiseInfo, BruteForceInfo, GraphModel, Landscape, LineSearchInfo, RequestBruteForceMessage, RequestLandscapeMessage, SlicePlaneInfo, SweepInfo, ViewRange } from '../../shared/messages';

/** Loss values over a view through `at`, or over `plane` (resolved on the host) when the request asks for one. */
export interface LandscapeParams {
	readonly at: readonly number[];
	readonly request: Omit<RequestLandscapeMessage, 'plane'>;
	readonly plane?: SlicePlaneInfo;
}

/** A grid search of the view through `at`, beside what descent spent to reach `step` (loss `loss`). */
export interface BruteForceParams {
	readonly at: readonly number[];
	readonly step: number;
	readonly loss: number;
	readonly request: RequestBruteForceMessage;
}

/** Mini-batch gradients at `at` drawn as the session would draw them. */
export interface BatchNoiseParams {
	readonly at: readonly number[];
	readonly step: number;
	readonly batchSize: number;
	readonly seed: number;
	readonly withReplacement: boolean;
	readonly count: number;
}

/** The loss along −∇L from `at`, with `next` the point the session's next update lands on (`peekNext`). */
export interface LineSearchParams {
	readonly at: readonly number[];
	readonly gradient: readonly number[];
	readonly next: readonly number[];
	readonly learningRate: number;
	readonly step: number;
	readonly optimizer: string;
}

/** One slice of a sliced run: the run `id` of its kind goes on, or starts (a new id replaces the one before). */
interface SliceParams {
	readonly id: number;
	readonly sliceMs: number;
	readonly settings: SessionSettings;
}

/** A basin map of the session's loss and settings, `steps` updates per start. */
export interface BasinsSliceParams extends SliceParams {
	readonly range: ViewRange;
	readonly nx: number;
	readonly ny: number;
	readonly steps: number;
}

/** A learning-rate sweep from `start` at `rates`, `steps` updates each at most. */
export interface SweepSliceParams extends SliceParams {
	readonly start: readonly number[];
	readonly rates: readonly number[];
	readonly steps: number;
}

/** Random restarts: `count` seeded starts drawn in `box`, each run to a stop with the session's settings. */
export interface RestartsSliceParams extends SliceParams {
	readonly count: number;
	readonly seed: number;
	readonly box: { readonly low: readonly number[]; readonly high: readonly number[] };
}

/** Restarts so far: the fraction done, and the result once all are done. */
export interface RestartsSlice {
	readonly progress: number;
	readonly result?: RestartsResult;
}

/** Every exploration: its parameters besides the loss, and its reply. */
export interface ExploreMethods {
	landscape: { params: LandscapeParams; result: Landscape | null };
	bruteForce: { params: BruteForceParams; result: BruteForceInfo | null };
	batchNoise: { params: BatchNoiseParams; result: BatchNoiseInfo | null };
	lineSearch: { params: LineSearchParams; result: LineSearchInfo };
	graph: { params: { readonly at: readonly number[] }; result: GraphModel };
	basinsSlice: { params: BasinsSliceParams; result: BasinsInfo };
	sweepSlice: { params: SweepSliceParams; result: SweepInfo };
	restartsSlice: { params: RestartsSliceParams; result: RestartsSlice };
}

export type ExploreMethod = keyof ExploreMethods;
