/**
 * Computes the panel's basin map in time slices (`timeSlices.ts`), answering the panel's `requestBasins` with the
 * map so far after each slice (the last reply final) so the panel fills it in row by row. A new request, the
 * panel's cancellation or `cancel()` stops the one running. Free of `vscode`, so the integration suite drives it
 * directly.
 */
import { BasinMapRun } from '../../engine/landscape/basinMap';
import type { Responder } from '../../shared/endpoint';
import type { BasinsInfo, RequestBasinsMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { basinsInfo } from './exploreInfo';
import { TimeSlices } from './timeSlices';

/** Updates per start: the session's step limit, capped so a map of 48 × 48 starts takes seconds, not minutes. */
export const maxBasinSteps = 1000;

export class BasinsJob {
	private readonly slices = new TimeSlices();

	/** True while a map is being computed. */
	get running(): boolean {
		return this.slices.running;
	}

	/** Starts a map over the request's view with the session's loss and settings (2-parameter losses only). */
	start(controller: SessionController, request: RequestBasinsMessage, responder: Responder<BasinsInfo>): void {
		this.cancel();
		if (controller.loss.params.length !== 2) throw new Error('A basin map needs a loss of two parameters.');
		const settings = controller.session.settings;
		const { range, nx, ny } = request;
		const run = new BasinMapRun(controller.loss, settings, { ...range, nx, ny, steps: Math.min(settings.maxSteps, maxBasinSteps) });
		const generation = this.slices.start((shouldYield) => {
			const done = run.advance(shouldYield);
			const info = basinsInfo(done ?? run.partial(), done ? 1 : run.progress);
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
