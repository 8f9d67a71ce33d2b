/**
 * The plain data the exported plots are drawn from: a run's visited points and losses, and loss values sampled on a
 * grid. `reportData.ts` fills them from a session; tests build them by hand.
 */
import type { GridBox } from '../../engine/index';

/** The visited points of a run. */
export interface Trajectory {
	/** The loss's name, for titles. */
	readonly lossName: string;
	/** Parameter names; d = params.length. */
	readonly params: readonly string[];
	/** Record k's point is `points[k*d .. (k+1)*d)`. */
	readonly points: Float64Array;
	/** Record k's loss. */
	readonly losses: Float64Array;
	/** The record the session is at (it can be before the last after a step back). */
	readonly current: number;
}

/** Loss values on a grid (row-major, `ny` rows of `nx`; one row for a curve), sampled end to end over the range. */
export interface Grid extends GridBox {
	readonly values: Float64Array;
}

export interface SvgOptions {
	/** Declare the SVG namespace (a `.svg` file); leave it out for markup inlined in HTML. Default true. */
	readonly standalone?: boolean;
}
