/**
 * How the engine's stop reasons look in the Debug Adapter Protocol. The engine returns `StopReason` values; this
 * file is the one place that decides which DAP `StoppedEvent.reason` each becomes, and what VS Code shows next to
 * the paused thread (`description`) and in the exception widget (`text`).
 */
import { OutputEvent, StoppedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { StopReason, StopResult } from '../../engine/index';
import { englishText, type AdapterText } from './translate';

/** The one thread of a Downhill session: the optimizer. */
export const optimizerThreadId = 1;
export const optimizerThreadName = (text: AdapterText = englishText): string => text.t('Optimizer');

type DapReason = 'entry' | 'step' | 'breakpoint' | 'pause' | 'exception';

/** The DAP reason for an engine stop: divergence is an exception, convergence and limits end a step. */
export function dapReason(reason: StopReason): DapReason {
	switch (reason.kind) {
		case 'entry':
			return 'entry';
		case 'breakpoint':
			return 'breakpoint';
		case 'paused':
			return 'pause';
		case 'diverged':
			return 'exception';
		case 'step':
		case 'steps':
		case 'converged':
		case 'historyStart':
		case 'historyFull':
			return 'step';
		default: {
			const never: never = reason;
			return never;
		}
	}
}

/** The `stopped` event for a stop, with the engine's sentence as description and, for divergence, as text. */
export function stoppedEvent(reason: StopReason, text: AdapterText = englishText): DebugProtocol.StoppedEvent {
	const event = new StoppedEvent(dapReason(reason), optimizerThreadId) as DebugProtocol.StoppedEvent;
	event.body.allThreadsStopped = true;
	if (reason.kind !== 'step' && reason.kind !== 'entry') event.body.description = text.stop(reason);
	if (reason.kind === 'diverged') event.body.text = text.stop(reason);
	if (reason.kind === 'breakpoint') event.body.hitBreakpointIds = [...reason.ids];
	return event;
}

/** Output for the Debug Console: logpoint lines, then a line for stops worth remembering (convergence, divergence). */
export function stopOutput(result: StopResult, text: AdapterText = englishText): DebugProtocol.OutputEvent[] {
	const events = result.logs.map((line) => new OutputEvent(`${line}\n`, 'console') as DebugProtocol.OutputEvent);
	const { reason } = result;
	if (reason.kind === 'converged' || reason.kind === 'steps' || reason.kind === 'historyFull') {
		events.push(new OutputEvent(`${text.t('{0} (step {1})', text.stop(reason), result.step)}\n`, 'console'));
	}
	if (reason.kind === 'diverged') events.push(new OutputEvent(`${text.stop(reason)}\n`, 'stderr'));
	return events;
}
