/**
 * The learning-rate explorer's host side: the session's optimizer and settings run from its start point at 25
 * log-spaced learning rates from 1e-4 to 10 (300 updates each at most), in the engine's worker one slice at a time
 * (`slicedJob.ts`), answering the panel's `requestSweep` with the points so far after each slice (the last reply
 * final); the panel's cancellation stops it. Clicking a point in the panel restarts the session with that rate
 * (`tryLearningRate`).
 */
import { logSpaced } from '../../engine/index';
import type { Responder } from '../../shared/endpoint';
import type { SweepInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { cancelSignal, SlicedJob } from './slicedJob';

export const sweepRange = { low: 1e-4, high: 10, count: 25, steps: 300 } as const;

export class SweepJob {
	private readonly job = new SlicedJob('sweepSlice');

	get running(): boolean {
		return this.job.running;
	}

	/** Starts a sweep of `controller`'s loss from its start point (replacing one in progress); resolves as `SlicedJob.start`. */
	start(controller: SessionController, responder: Responder<SweepInfo>): Promise<SweepInfo | undefined> {
		const { low, high, count, steps } = sweepRange;
		const settings = controller.session.settings;
		const rates = logSpaced(low, high, count);
		return this.job.start(controller, { settings, start: Array.from(controller.session.start), rates, steps }, (info) => responder.progress(info), cancelSignal(responder));
	}

	cancel(): void {
		this.job.cancel();
	}
}
