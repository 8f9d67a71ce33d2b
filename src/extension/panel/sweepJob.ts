/**
 * The learning-rate explorer's host side: the session's optimizer and settings run from its start point at 25
 * log-spaced learning rates from 1e-4 to 10 (300 updates each at most), in time slices, answering the panel's
 * `requestSweep` with the points so far after each slice (the last reply final); the panel's cancellation stops it. Clicking a point in the panel restarts the session with that rate (`tryLearningRate`).
 */
import { curvatureAt } from '../../engine/curvature/curvature';
import { LearningRateSweepRun, logSpaced } from '../../engine/landscape/learningRateSweep';
import type { Responder } from '../../shared/endpoint';
import type { SweepInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { TimeSlices } from './timeSlices';

export const sweepRange = { low: 1e-4, high: 10, count: 25, steps: 300 } as const;

export class SweepJob {
	private readonly slices = new TimeSlices();

	get running(): boolean {
		return this.slices.running;
	}

	/** Starts a sweep of `controller`'s loss from its start point (replacing one in progress). */
	start(controller: SessionController, responder: Responder<SweepInfo>): void {
		const { low, high, count, steps } = sweepRange;
		const settings = controller.session.settings;
		const rates = logSpaced(low, high, count);
		const run = new LearningRateSweepRun(controller.loss, controller.session.start, settings, rates, steps);
		const threshold = curvatureAt(controller.loss, controller.session.start)?.stabilityThreshold;
		const stability = threshold !== undefined && Number.isFinite(threshold) ? { stabilityAtStart: threshold } : {};
		const generation = this.slices.start((shouldYield) => {
			const done = run.advance(shouldYield);
			const sweep = done ?? run.partial();
			const info: SweepInfo = { optimizer: settings.optimizer, rates, steps, points: sweep.points, progress: done ? 1 : run.progress, ...defined(sweep), ...stability };
			if (done) responder.reply(info);
			else responder.progress(info);
			return done !== undefined;
		});
		responder.onCancel(() => this.slices.cancel(generation));
	}

	cancel(): void {
		this.slices.cancel();
	}
}

function defined(sweep: { divergesFrom?: number; fastest?: number }): { divergesFrom?: number; fastest?: number } {
	return {
		...(sweep.divergesFrom === undefined ? {} : { divergesFrom: sweep.divergesFrom }),
		...(sweep.fastest === undefined ? {} : { fastest: sweep.fastest }),
	};
}
