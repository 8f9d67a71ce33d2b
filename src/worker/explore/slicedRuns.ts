/**
 * The long explorations (basin maps, learning-rate sweeps, random restarts), one run per kind, advanced one slice per request:
 * each slice runs until `sliceMs` have passed and answers with the result so far (progress 1 when complete). A
 * request with a new id starts a new run and drops the one before (the panel asked again), so the runs of a kind never
 * pile up; a request with the current id goes on where the last slice stopped. Every request carries what the run
 * starts from, so a run lost with its worker starts again from its first slice.
 */
import { BasinMapRun, curvatureAt, LearningRateSweepRun, RandomRestarts, type Loss } from '../../engine/index';
import type { BasinsInfo, SweepInfo } from '../../shared/messages';
import { basinsInfo } from './exploreInfo';
import type { BasinsSliceParams, RestartsSlice, RestartsSliceParams, SweepSliceParams } from './exploreProtocol';

/** One slice of a run: the result so far, computed until `shouldYield()` or the end. */
type Slice<T> = (shouldYield: () => boolean) => T;

type RunKind = 'basins' | 'sweep' | 'restarts';

interface Running {
	readonly id: number;
	readonly slice: Slice<unknown>;
}

export class SlicedRuns {
	private readonly runs = new Map<RunKind, Running>();

	/** The next slice of a basin map (2-parameter losses only). */
	basins(loss: Loss, params: BasinsSliceParams): BasinsInfo {
		return this.next('basins', params, () => basinsSlice(loss, params)) as BasinsInfo;
	}

	/** The next slice of a learning-rate sweep. */
	sweep(loss: Loss, params: SweepSliceParams): SweepInfo {
		return this.next('sweep', params, () => sweepSlice(loss, params)) as SweepInfo;
	}

	/** The next slice of random restarts. */
	restarts(loss: Loss, params: RestartsSliceParams): RestartsSlice {
		return this.next('restarts', params, () => restartsSlice(loss, params)) as RestartsSlice;
	}

	private next(kind: RunKind, { id, sliceMs }: { id: number; sliceMs: number }, start: () => Slice<{ progress: number }>): unknown {
		let running = this.runs.get(kind);
		if (running?.id !== id) {
			this.runs.delete(kind);
			running = { id, slice: start() };
			this.runs.set(kind, running);
		}
		const deadline = Date.now() + sliceMs;
		const result = running.slice(() => Date.now() >= deadline) as { progress: number };
		if (result.progress === 1) this.runs.delete(kind);
		return result;
	}
}

function basinsSlice(loss: Loss, { settings, range, nx, ny, steps }: BasinsSliceParams): Slice<BasinsInfo> {
	if (loss.params.length !== 2) throw new Error('A basin map needs a loss of two parameters.');
	const run = new BasinMapRun(loss, settings, { ...range, nx, ny, steps });
	return (shouldYield) => {
		const done = run.advance(shouldYield);
		return basinsInfo(done ?? run.partial(), done ? 1 : run.progress);
	};
}

function sweepSlice(loss: Loss, { settings, start, rates, steps }: SweepSliceParams): Slice<SweepInfo> {
	const run = new LearningRateSweepRun(loss, start, settings, rates, steps);
	const threshold = curvatureAt(loss, start)?.stabilityThreshold;
	const stability = threshold !== undefined && Number.isFinite(threshold) ? { stabilityAtStart: threshold } : {};
	return (shouldYield) => {
		const done = run.advance(shouldYield);
		const sweep = done ?? run.partial();
		const atMinimum = done?.minimum ? curvatureAt(loss, done.minimum)?.stabilityThreshold : undefined;
		const minimum = atMinimum !== undefined && Number.isFinite(atMinimum) ? { stabilityAtMinimum: atMinimum } : {};
		return { optimizer: settings.optimizer, rates, steps, points: sweep.points, progress: done ? 1 : run.progress, ...defined(sweep), ...stability, ...minimum };
	};
}

function restartsSlice(loss: Loss, { settings, count, seed, box }: RestartsSliceParams): Slice<RestartsSlice> {
	const restarts = new RandomRestarts(loss, settings, { count, seed, box });
	return (shouldYield) => {
		// `advance` may yield right after the last start; called again it only gathers the result.
		const result = restarts.advance(shouldYield) ?? (restarts.progress >= 1 ? restarts.advance(() => true) : undefined);
		return result ? { progress: 1, result } : { progress: restarts.progress };
	};
}

function defined(sweep: { divergesFrom?: number; fastest?: number }): { divergesFrom?: number; fastest?: number } {
	return {
		...(sweep.divergesFrom === undefined ? {} : { divergesFrom: sweep.divergesFrom }),
		...(sweep.fastest === undefined ? {} : { fastest: sweep.fastest }),
	};
}
