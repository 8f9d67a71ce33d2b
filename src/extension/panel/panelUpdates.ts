/**
 * Host → panel updates while a session moves: coalesces the controller's changes into at most 30 `update` messages
 * a second, each carrying the records appended since the last one (`from` = index of the first), or, after a step
 * back or a jump, the records from the new position. The throttle follows debug-visualizer's DebouncedRunner idea:
 * the first change posts at once, later ones within the interval are merged into one post at its end.
 */
import type { UpdateMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import type { ViewSettings } from '../settings';
import { optionalHint, pointState, settingsInfo, stopInfo, trajectorySlice } from './panelSnapshot';
import { runHintInfo } from './runHintInfo';

export const maxUpdatesPerSecond = 30;
const intervalMs = 1000 / maxUpdatesPerSecond;

export class PanelUpdates {
	/** Records the panel holds: 0 .. sentLength - 1. */
	private sentLength = 0;
	private lastPost = -Infinity;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly post: (message: UpdateMessage) => boolean) {}

	/** After an `init` that held records 0 .. length - 1. */
	reset(length: number): void {
		this.cancel();
		this.sentLength = length;
	}

	/** Schedules an update of `controller` (merged with others within the rate limit). */
	schedule(controller: SessionController, view: () => ViewSettings): void {
		if (this.timer !== undefined) return;
		const wait = this.lastPost + intervalMs - Date.now();
		if (wait <= 0) return this.flush(controller, view());
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.flush(controller, view());
		}, wait);
	}

	cancel(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	private flush(controller: SessionController, view: ViewSettings): void {
		const position = controller.session.position;
		const from = Math.min(this.sentLength, position);
		const message: UpdateMessage = {
			type: 'update',
			from,
			appended: trajectorySlice(controller, from, position + 1),
			current: pointState(controller),
			stop: stopInfo(controller.session.lastStop),
			running: controller.running,
			settings: settingsInfo(controller, view),
			...optionalHint(runHintInfo(controller)),
		};
		this.lastPost = Date.now();
		if (this.post(message)) this.sentLength = position + 1;
	}
}
