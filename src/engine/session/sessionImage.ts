/**
 * A session as structured-clone data: what the engine's worker and the extension host send each other so that the
 * worker runs a continue on its copy while the host keeps the copy its views read. A full image (`from` = 0) carries
 * the whole history; the image after a slice of a continue carries only what the slice could have changed: records,
 * checkpoints and probes from `from` on, and the small state in full. `OptimizationSession.image` writes one and
 * `OptimizationSession.restore` applies one.
 */
import type { OptionValue, OptimizerState } from '../optim/optimizer';
import type { ScheduleSpec } from '../optim/schedule/scheduleSpec';
import type { BreakpointsImage } from './breakpoints';
import type { SessionSettings } from './sessionSettings';
import type { StopReason } from './stopReason';

export interface SegmentImage {
	readonly from: number;
	readonly name: string;
	readonly options: Readonly<Record<string, OptionValue>>;
	readonly schedule: ScheduleSpec;
}

export interface SessionImage {
	readonly settings: SessionSettings;
	readonly start: Float64Array;
	readonly position: number;
	readonly lastStop: StopReason;
	/** Each optimizer and schedule in effect and the record they took over from, oldest first. */
	readonly segments: readonly SegmentImage[];
	/** True when the settings name an optimizer or schedule that takes over at the next update (not in `segments`). */
	readonly pending: boolean;
	/** The momentum (or beta1) a cycling schedule set for each update so far, by update (replays use them). */
	readonly momenta: readonly number[];
	/** The optimizer state after the last record. */
	readonly state: OptimizerState;
	/** The growth rule's counters at the last record and the start loss (`stopRules.ts`). */
	readonly head: { readonly growthRun: number; readonly lossBeforeGrowth: number; readonly startLoss: number };
	readonly breakpoints: BreakpointsImage;
	/** The first record this image replaces: records, checkpoints and probes before it are kept as they are. */
	readonly from: number;
	/** The records from `from` to the end, whole (`History.packed`). */
	readonly records: Float64Array;
	readonly checkpoints: readonly (readonly [number, OptimizerState])[];
	readonly probes: readonly (readonly [number, Float64Array])[];
}
