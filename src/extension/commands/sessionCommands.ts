/**
 * The stepping commands (step, step ×10, continue, pause, step back, restart) and Open Panel: one controller call
 * each on the active session, returning its summary. `downhill.step` and `downhill.stepBack` take an optional
 * count; `downhill.continue` resolves when the run stops.
 */
import type { CommandContext, SessionSummary } from './commandContext';
import { activeOrHint, summarize } from './commandContext';

type Handler = (
	context: CommandContext,
	...args: unknown[]
) => SessionSummary | undefined | Promise<SessionSummary | undefined>;

function count(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

export const sessionCommands: Readonly<Record<string, Handler>> = {
	'downhill.step': (context, n) => withActive(context, (c) => c.step(count(n, 1))),
	'downhill.stepMany': (context) => withActive(context, (c) => c.step(10)),
	'downhill.stepBack': (context, n) => withActive(context, (c) => c.stepBack(count(n, 1))),
	'downhill.restart': (context) => withActive(context, (c) => c.restart()),
	'downhill.pause': (context) => withActive(context, (c) => c.pause()),
	'downhill.continue': async (context) => {
		const controller = activeOrHint(context);
		if (!controller) return undefined;
		await controller.continue();
		return summarize(controller);
	},
	'downhill.openPanel': (context) => {
		const controller = activeOrHint(context);
		if (!controller) return undefined;
		context.showPanel();
		return summarize(controller);
	},
};

function withActive(
	context: CommandContext,
	act: (controller: NonNullable<CommandContext['sessions']['active']>) => unknown,
): SessionSummary | undefined {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	act(controller);
	return summarize(controller);
}
