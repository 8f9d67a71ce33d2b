/**
 * Tells screen-reader users where the session stopped, through a polite live region: every stop right away, and
 * during continue at most once every few seconds (a live region read at 30 Hz would be noise).
 */
import { el } from './dom';

const runningIntervalMs = 3000;

export class Announcer {
	readonly element = el('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
	private lastText = '';
	private lastTime = -Infinity;

	/** Announces `text` now when stopped; when running, only if the last announcement is old enough. */
	announce(text: string, running: boolean): void {
		if (text === this.lastText) return;
		const now = performance.now();
		if (running && now - this.lastTime < runningIntervalMs) return;
		this.lastText = text;
		this.lastTime = now;
		this.element.textContent = text;
	}

	/** Announces `text` now, even while running (a run hint: said once when it first appears). */
	announceNow(text: string): void {
		this.lastText = text;
		this.lastTime = performance.now();
		this.element.textContent = text;
	}
}
