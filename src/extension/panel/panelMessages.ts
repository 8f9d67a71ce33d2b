/**
 * What the panel's messages do. Each validated notice becomes one call on the session controller (or a shared
 * session action), the same calls the palette commands make; a failure goes back to the panel as an `error`
 * notice. Each request is answered through the envelope (`src/shared/endpoint.ts`) with what the engine's worker
 * computed (`PanelWork`): one reply for the small ones, slice by slice for basin maps and sweeps; a failure becomes
 * the request's error reply. The host only reads the session's state the worker needs.
 */
import * as vscode from 'vscode';
import type { Endpoint, Responder } from '../../shared/endpoint';
import type {
	BasinsInfo,
	GraphModel,
	HostContract,
	HostNotice,
	OptimizerOptionsInfo,
	PanelContract,
	PanelNotice,
	RequestBasinsMessage,
	RequestLandscapeMessage,
	SessionCommand,
	SweepInfo,
} from '../../shared/messages';
import type { ExploreMethod, ExploreMethods } from '../../worker/explore/exploreProtocol';
import type { SessionController } from '../session/sessionController';
import { setLearningRate, setOptimizer, setStartPoint } from '../session/sessionActions';
import { PanelWork } from './panelWork';
import { planeFor } from './planeLandscape';
import { cancelSignal } from './slicedJob';
import { localizedErrorText } from '../localizeMessage';

/** What a message handler may use. */
export interface PanelMessageContext {
	readonly controller: SessionController | undefined;
	notify(message: HostNotice): void;
	/** Sends a full snapshot (after `ready`). */
	sendInit(): void;
	/** Runs the random-restarts command on the panel's session; its result comes back as a `restarts` notice. */
	runRestarts(count: number): void;
	/**
	 * Starts a basin map (replacing one in progress), answered slice by slice through `responder`, the complete map
	 * as what the promise resolves with.
	 */
	requestBasins(request: RequestBasinsMessage, responder: Responder<BasinsInfo>): Promise<BasinsInfo | undefined> | void;
	/** Starts the learning-rate explorer's sweep (replacing one in progress), answered slice by slice. */
	requestSweep(responder: Responder<SweepInfo>): Promise<SweepInfo | undefined> | void;
	/** Adds, removes, hides or shows a run racing the session. */
	addRun(optimizer: string, options: OptimizerOptionsInfo): void;
	changeRun(id: number, change: 'remove' | 'hide' | 'show'): void;
	/** The step-into walk's graph while the debugger stands inside an update of the session. */
	readonly passGraph: GraphModel | undefined;
	/** Shows a line of the loss in the editor. */
	revealLine(line: number): void;
}

/** Carries out `message`; a failure is reported to the panel. */
export function handlePanelNotice(message: PanelNotice, context: PanelMessageContext): void {
	try {
		dispatch(message, context);
	} catch (error) {
		context.notify({ type: 'error', message: localizedErrorText(error) });
	}
}

/** Answers each request type of the panel's contract on `endpoint`, the explorations through `work`. */
export function servePanelRequests(endpoint: Endpoint<HostContract, PanelContract>, context: PanelMessageContext, work = new PanelWork()): void {
	const explore = <M extends ExploreMethod>(method: M, params: ExploreMethods[M]['params'], responder: Responder<unknown>, key?: string) => {
		return work.run(sessionOf(context), method, params, { signal: cancelSignal(responder), ...(key ? { key } : {}) });
	};
	const applicable = async <T>(result: Promise<T | null>): Promise<T> => (await result) ?? notApplicable();
	endpoint.onRequest('requestLandscape', (request, responder) => {
		const params = landscapeParams(sessionOf(context), request);
		return applicable(explore('landscape', params, responder, `landscape:${request.axes[1] < 0 ? 'curve' : 'grid'}`));
	});
	endpoint.onRequest('requestBasins', (request, responder) => context.requestBasins(request, responder));
	endpoint.onRequest('requestSweep', (_request, responder) => context.requestSweep(responder));
	endpoint.onRequest('requestBruteForce', (request, responder) => {
		const { x, step, loss } = sessionOf(context).session.snapshot();
		return applicable(explore('bruteForce', { at: Array.from(x), step, loss, request }, responder));
	});
	endpoint.onRequest('requestBatchNoise', (request, responder) => {
		const session = sessionOf(context).session;
		const { x, step } = session.snapshot();
		const { batchSize, seed, withReplacement } = session.settings;
		return applicable(explore('batchNoise', { at: Array.from(x), step, batchSize, seed, withReplacement, count: request.count }, responder));
	});
	endpoint.onRequest('requestLineSearch', (_request, responder) => {
		const session = sessionOf(context).session;
		const { x, gradient, learningRate, step, optimizer } = session.snapshot();
		const params = { at: Array.from(x), gradient: Array.from(gradient), next: Array.from(session.peekNext()), learningRate, step, optimizer: optimizer.name };
		return explore('lineSearch', params, responder);
	});
	endpoint.onRequest('requestGraph', (_request, responder) => {
		if (context.passGraph) return context.passGraph;
		return explore('graph', { at: Array.from(sessionOf(context).session.snapshot().x) }, responder);
	});
}

/** The state a landscape is drawn through: the current point, or the plane resolved from the session's path. */
function landscapeParams(controller: SessionController, request: RequestLandscapeMessage): ExploreMethods['landscape']['params'] {
	const { plane: planeRequest, ...rest } = request;
	const at = Array.from(controller.session.snapshot().x);
	if (!planeRequest) return { at, request: rest };
	const plane = planeFor(controller, planeRequest);
	return plane ? { at, request: rest, plane } : notApplicable();
}

function sessionOf(context: PanelMessageContext): SessionController {
	const controller = context.controller;
	if (!controller) throw new Error(vscode.l10n.t('No Downhill session: run "Downhill: Start" on a loss.'));
	return controller;
}

function notApplicable(): never {
	throw new Error(vscode.l10n.t('The panel asked about parameters this loss does not have.'));
}

function dispatch(message: PanelNotice, context: PanelMessageContext): void {
	if (message.type === 'ready') return context.sendInit();
	const controller = sessionOf(context);
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
		case 'runRestarts':
			return context.runRestarts(message.count);
		case 'addRun':
			return context.addRun(message.optimizer, message.options);
		case 'changeRun':
			return context.changeRun(message.id, message.change);
		case 'revealLine':
			return context.revealLine(message.line);
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
			controller.continue().catch((error: Error) => context.notify({ type: 'error', message: localizedErrorText(error) }));
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
