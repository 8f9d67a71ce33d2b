/**
 * The panel's basin map, computed in the engine's worker one slice at a time (`slicedJob.ts`): the panel's
 * `requestBasins` is answered with the map so far after each slice (the last reply final) so the panel fills it in
 * row by row. A new request, the panel's cancellation or `cancel()` stops the one running. Free of `vscode`, so the
 * integration suite drives it directly.
 */
import type { Responder } from '../../shared/endpoint';
import type { BasinsInfo, RequestBasinsMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { cancelSignal, SlicedJob } from './slicedJob';

/** Updates per start: the session's step limit, capped so a map of 48 × 48 starts takes seconds, not minutes. */
export const maxBasinSteps = 1000;

export class BasinsJob {
	private readonly job = new SlicedJob('basinsSlice');

	/** True while a map is being computed. */
	get running(): boolean {
		return this.job.running;
	}

	/**
	 * Starts a map over the request's view with the session's loss and settings (2-parameter losses only); resolves
	 * with the complete map (the final reply), or undefined once stopped.
	 */
	start(controller: SessionController, request: RequestBasinsMessage, responder: Responder<BasinsInfo>): Promise<BasinsInfo | undefined> {
		if (controller.loss.params.length !== 2) throw new Error('A basin map needs a loss of two parameters.');
		const settings = controller.session.settings;
		const { range, nx, ny } = request;
		return this.job.start(controller, { settings, range, nx, ny, steps: Math.min(settings.maxSteps, maxBasinSteps) }, (info) => responder.progress(info), cancelSignal(responder));
	}

	cancel(): void {
		this.job.cancel();
	}
}
