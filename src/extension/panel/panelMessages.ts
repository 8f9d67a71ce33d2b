/**
 * What the panel's messages do: each validated `FromWebviewMessage` becomes one call on the session controller (or
 * a shared session action), the same calls the palette commands make. Errors meant for the user go back to the
 * panel as an `error` message.
 */
import * as vscode from 'vscode';
import type { FromWebviewMessage, RequestBasinsMessage, SessionCommand, ToWebviewMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';
import { setLearningRate, setOptimizer, setStartPoint } from '../session/sessionActions';
import { batchNoiseFor } from './batchNoiseRequest';
import { bruteForceFor } from './bruteForceRequest';
import { landscapeFor } from './landscapeRequest';
import { lineSearchFor } from './lineSearchRequest';
import { planeLandscapeFor } from './planeLandscape';
import { localizedErrorText } from '../localizeMessage';

/** What a message handler may use. */
export interface PanelMessageContext {
	readonly controller: SessionController | undefined;
	post(message: ToWebviewMessage): void;
	/** Sends a full snapshot (after `ready`). */
	sendInit(): void;
	/** Runs the random-restarts command on the panel's session; its result comes back as a `restarts` message. */
	runRestarts(count: number): void;
	/** Starts a basin map (replacing one in progress) or stops it. */
	requestBasins(request: RequestBasinsMessage): void;
	cancelBasins(): void;
	/** Starts the learning-rate explorer's sweep (replacing one in progress). */
	requestSweep(requestId: number): void;
	/** Adds, removes, hides or shows a run racing the session. */
	addRun(optimizer: string, options: Readonly<Record<string, number | boolean | readonly number[]>>): void;
	changeRun(id: number, change: 'remove' | 'hide' | 'show'): void;
	/** The panel's answer to a `requestImage`. */
	receiveImage(requestId: number, dataUrl: string): void;
}

/** Carries out `message`; a failure is reported to the panel. */
export function handlePanelMessage(message: FromWebviewMessage, context: PanelMessageContext): void {
	try {
		dispatch(message, context);
	} catch (error) {
		context.post({ type: 'error', message: localizedErrorText(error) });
	}
}

function dispatch(message: FromWebviewMessage, context: PanelMessageContext): void {
	if (message.type === 'ready') return context.sendInit();
	if (message.type === 'image') return context.receiveImage(message.requestId, message.dataUrl);
	const controller = context.controller;
	if (!controller) throw new Error(vscode.l10n.t('No Downhill session: run "Downhill: Start" on a loss.'));
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
			const landscape = message.plane ? planeLandscapeFor(controller, message) : landscapeFor(controller.loss, controller.session.snapshot().x, message);
			if (landscape) context.post({ type: 'landscape', landscape });
			return;
		}
		case 'runRestarts':
			return context.runRestarts(message.count);
		case 'requestBasins':
			return context.requestBasins(message);
		case 'cancelBasins':
			return context.cancelBasins();
		case 'requestSweep':
			return context.requestSweep(message.requestId);
		case 'requestBatchNoise': {
			const batchNoise = batchNoiseFor(controller, message);
			if (batchNoise) context.post({ type: 'batchNoise', batchNoise });
			return;
		}
		case 'requestBruteForce': {
			const bruteForce = bruteForceFor(controller, message);
			if (bruteForce) context.post({ type: 'bruteForce', bruteForce });
			return;
		}
		case 'requestLineSearch':
			context.post({ type: 'lineSearch', lineSearch: lineSearchFor(controller, message) });
			return;
		case 'addRun':
			return context.addRun(message.optimizer, message.options);
		case 'changeRun':
			return context.changeRun(message.id, message.change);
		case 'tryLearningRate':
			setLearningRate(controller, message.learningRate);
			controller.restart();
			return;
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
			controller.continue().catch((error: Error) => context.post({ type: 'error', message: localizedErrorText(error) }));
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
