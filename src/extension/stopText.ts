/**
 * Why the session stopped, in the display language: the engine's stop message template (`stopMessage`) through
 * `localizeMessage`. In English the result is exactly `describeStop`'s.
 */
import { stopMessage, type StopReason } from '../engine/index';
import { localizeMessage } from './localizeMessage';

/** A short sentence for the status bar, the panel and command results. */
export function stopText(reason: StopReason): string {
	return localizeMessage(stopMessage(reason));
}
