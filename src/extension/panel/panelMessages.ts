/**
 * What the panel's messages do: each validated `FromWebviewMessage` becomes one call on the session controller (or
 * a shared session action), the same calls the palette commands make. Errors meant for the user go back to the
 * panel as an `error` message.
 */
import type { FromWebviewMessage, SessionCommand, ToWebviewMessage } from '../../protocol/messages';
import type { SessionController } from '../session/sessionController';
import { setLearningRate, setOptimizer, setStartPoint } from '../session/sessionActions';
import { landscapeFor } from './landscapeRequest';

/** What a message handler may use. */
export interface PanelMessageContext {
	readonly controller: SessionController | undefined;
	post(message: ToWebviewMessage): void;
	/** Sends a full snapshot (after `ready`). */
	sendInit(): void;
}

/** Carries out `message`; a failure is reported to the panel. */
export function handlePanelMessage(message: FromWebviewMessage, context: PanelMessageContext): void {
	try {
		dispatch(message, context);
	} catch (error) {
		context.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
}

function dispatch(message: FromWebviewMessage, context: PanelMessageContext): void {
	if (message.type === 'ready') return context.sendInit();
	const controller = context.controller;
	if (!controller) throw new Error('No Downhill session: run "Downhill: Start" on a loss.');
	switch (message.type) {
		case 'command':
			return runCommand(controller, message.command, context);
		case 'setLearningRate':
			return setLearningRate(controller, message.learningRate);
		case 'setOptimizer':
			return setOptimizer(controller, message.optimizer, message.options);
		case 'setStart':
			return setStartPoint(controller, message.x);
		case 'setSpeed':
			controller.stepsPerSecond = message.stepsPerSecond;
			return;
		case 'goTo':
			controller.goTo(message.step);
			return;
		case 'requestLandscape': {
			const landscape = landscapeFor(controller.loss, controller.session.snapshot().x, message);
			if (landscape) context.post({ type: 'landscape', landscape });
			return;
		}
		default: {
			const never: never = message;
			return never;
		}
	}
}

function runCommand(controller: SessionController, command: SessionCommand, context: PanelMessageContext): void {
	switch (command) {
		case 'step':
			controller.step();
			return;
		case 'stepMany':
			controller.step(10);
			return;
		case 'continue':
			controller.continue().catch((error: Error) => context.post({ type: 'error', message: error.message }));
			return;
		case 'pause':
			controller.pause();
			return;
		case 'stepBack':
			controller.stepBack();
			return;
		case 'restart':
			controller.restart();
			return;
		default: {
			const never: never = command;
			return never;
		}
	}
}
