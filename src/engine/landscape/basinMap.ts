/**
 * A basin map: a grid of starts over a 2-D view, each run to a stop with the session's optimizer, coloured by the
 * minimum it reaches. Computed row by row with `advance(shouldYield)` so a host can draw it as it fills in.
 */
import type { Loss } from '../compileLoss';
import { createOptimizer } from '../optim/optimizers';
import { clusterEnds, labelMinima, nearestMinimum, type FoundMinimum } from '../session/clusterMinima';
import { descend } from '../session/descend';
import type { SessionSettings } from '../session/sessionSettings';
import type { StopReason } from '../session/stopReason';
import type { GridBox } from './sampleLandscape';

export interface BasinMapRequest extends GridBox {
	/** Updates per start. */
	readonly steps: number;
}

export interface BasinMap {
	readonly request: BasinMapRequest;
	/** Per cell (row-major, y rows of x columns, y up): index into `minima`, -1 where the run diverged, -2 not yet. */
	readonly labels: Int32Array;
	readonly minima: readonly FoundMinimum[];
}

export class BasinMapRun {
	private readonly ends: { end: number[]; loss: number; stop: StopReason }[] = [];

	constructor(
		private readonly loss: Loss,
		private readonly settings: SessionSettings,
		readonly request: BasinMapRequest,
	) {
		if (loss.params.length !== 2) throw new RangeError('a basin map needs a loss of two parameters');
	}

	/** Fraction of cells done. */
	get progress(): number {
		return this.ends.length / (this.request.nx * this.request.ny);
	}

	/** Computes rows until done (returns the map) or until `shouldYield()` (returns undefined). */
	advance(shouldYield: () => boolean): BasinMap | undefined {
		const { nx, ny, xMin, xMax, yMin, yMax, steps } = this.request;
		const optimizer = createOptimizer(this.settings.optimizer, this.settings.optimizerOptions);
		const options = { optimizer, schedule: this.settings.schedule, rules: this.settings, maxSteps: steps };
		while (this.ends.length < nx * ny) {
			const row = Math.floor(this.ends.length / nx);
			const y = ny > 1 ? yMin + ((yMax - yMin) * row) / (ny - 1) : yMin;
			for (let c = 0; c < nx; c++) {
				const x = nx > 1 ? xMin + ((xMax - xMin) * c) / (nx - 1) : xMin;
				const run = descend(this.loss, [x, y], options);
				this.ends.push({ end: Array.from(run.x), loss: run.loss, stop: run.stop });
			}
			if (this.ends.length < nx * ny && shouldYield()) return undefined;
		}
		return this.partial();
	}

	/**
	 * The map so far: cells not yet computed are labelled `notYet` (-2). The minima (and so the label numbers) are
	 * those of the rows done; they may change as more rows come in, so a view should redraw from each partial map.
	 */
	partial(): BasinMap {
		const { nx, ny, xMin, xMax, yMin, yMax } = this.request;
		const scale = Math.max(1, Math.hypot(xMax - xMin, yMax - yMin));
		const minima = this.ends.length > 0 ? labelMinima(clusterEnds(this.ends, 1e-2 * scale)) : [];
		const labels = new Int32Array(nx * ny).fill(notYet);
		this.ends.forEach((e, i) => (labels[i] = e.stop.kind === 'diverged' ? -1 : nearestMinimum(minima, e.end)));
		return { request: this.request, labels, minima };
	}
}

/** The label of a cell a partial map has not computed yet. */
export const notYet = -2;
