/**
 * The Downhill debug adapter: translates the Debug Adapter Protocol into `SessionController` calls, so F10 takes an
 * optimizer step, F5 runs to the next stop, F11 walks the forward and backward pass, and Step Back walks history.
 * It imports the engine and `@vscode/debugadapter` but never `vscode` (lint enforces this), so it runs inline in
 * the extension host, standalone over stdio (debugAdapterMain.ts), and under `DebugClient` in tests.
 *
 * The session reaches the adapter by constructor injection (a `ControllerProvider`, like mock-debug's
 * `FileAccessor`); in VS Code the provider hands out the controller the panel, hovers and CodeLens share. Every
 * stop the controller announces, whoever caused it, becomes one `stopped` event. Each request handler below is a
 * one-line delegation; the work lives in the helper files beside this one.
 */
import { ContinuedEvent, InitializedEvent, InvalidatedEvent, Logger, LoggingDebugSession, OutputEvent, TerminatedEvent, Thread, logger } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { GraphModel } from '../../shared/graphModel';
import type { Disposable, SessionChange, SessionController } from '../session/sessionController';
import { downhillCapabilities } from './capabilities';
import { evaluateInSession, evaluationErrorMessage, showFullNumber, showNumber } from './debugEvaluate';
import { inDocument, lossLocation, readingText, stackFrames } from './debugLocation';
import { DebugVariables } from './debugVariables';
import { parseLaunchArguments, type DownhillLaunch, type DownhillLaunchArguments } from './launchArguments';
import { launchErrorMessage } from './launchErrors';
import { LineBreakpoints } from './lineBreakpoints';
import { optimizerThreadId, optimizerThreadName, stopOutput, stoppedEvent } from './stopEvents';
import { StepInto, type PassMove } from './stepInto';
import { passCheckText } from './passCheck';
import { englishText, type AdapterText } from './translate';

/** Opens the loss a launch names and returns the controller of its session (new, or the one already shared). */
export type ControllerProvider = (launch: DownhillLaunch) => Promise<SessionController>;

export interface DownhillDebugSessionOptions {
	readonly provideController: ControllerProvider;
	/** Called once when the debug session ends; by default the controller is disposed. */
	readonly releaseController?: (controller: SessionController) => void;
	/** The user's language (activateDebug.ts passes `vscode.l10n.t`); English by default. */
	readonly text?: AdapterText;
	/**
	 * Told the computation graph at each stop inside step-into, and `undefined` once when the walk ends (the panel's
	 * Graph view in VS Code); not called when unset, so no graph is built.
	 */
	readonly onPassGraph?: (controller: SessionController, graph: GraphModel | undefined) => void;
}

/** How long launch waits for `configurationDone` before it starts anyway. */
const configurationTimeoutMs = 5000;

export class DownhillDebugSession extends LoggingDebugSession {
	private controller: SessionController | undefined;
	private stepInto: StepInto | undefined;
	private subscription: Disposable | undefined;
	private readonly text: AdapterText;
	private readonly variables: DebugVariables;
	private readonly breakpoints = new LineBreakpoints();
	private readonly configured: Promise<void>;
	private markConfigured: () => void = () => undefined;
	private supportsInvalidated = false;
	/** True while a continue runs, so VS Code hears `continued` once per run, not once per slice. */
	private running = false;
	/** True after `onPassGraph` was told a walk's graph, until it is told the walk ended. */
	private passGraphShown = false;

	constructor(private readonly options: DownhillDebugSessionOptions) {
		super();
		this.text = options.text ?? englishText;
		this.variables = new DebugVariables(() => ({ controller: this.attached(), stepInto: this.stepInto }), this.text.t);
		// The engine's lines and columns are 1-based, as VS Code's are.
		this.setDebuggerLinesStartAt1(true);
		this.setDebuggerColumnsStartAt1(true);
		this.configured = new Promise((resolve) => (this.markConfigured = resolve));
	}

	protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
		this.supportsInvalidated = args.supportsInvalidatedEvent === true;
		response.body = { ...response.body, ...downhillCapabilities };
		this.sendResponse(response);
	}

	protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse, args: DebugProtocol.ConfigurationDoneArguments): void {
		super.configurationDoneRequest(response, args);
		this.markConfigured();
	}

	protected override async launchRequest(response: DebugProtocol.LaunchResponse, given: DebugProtocol.LaunchRequestArguments): Promise<void> {
		// DAP clients may leave the arguments out entirely; a missing `program` is then the error to report.
		const args = (given ?? {}) as DownhillLaunchArguments;
		let launch: DownhillLaunch;
		try {
			launch = parseLaunchArguments(args);
			logger.setup(launch.trace ? Logger.LogLevel.Verbose : Logger.LogLevel.Stop, false);
			this.attach(await this.options.provideController(launch));
		} catch (error) {
			return this.fail(response, 1001, launchErrorMessage(error, args, this.text.t), true);
		}
		// `initialized` only now: breakpoints need the loss, and VS Code sends them after this event.
		this.sendEvent(new InitializedEvent());
		await Promise.race([this.configured, new Promise((resolve) => setTimeout(resolve, configurationTimeoutMs))]);
		this.sendResponse(response);
		if (launch.stopOnEntry) this.sendEvent(stoppedEvent({ kind: 'entry' }, this.text));
		else this.run('forward');
	}

	protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
		this.respond(response, () => ({ breakpoints: this.setBreakpoints(args) }));
	}

	protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
		this.respond(response, () => ({ threads: [new Thread(optimizerThreadId, optimizerThreadName(this.text))] }));
	}

	protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse): void {
		this.respond(response, () => {
			const stackFrames = this.frames();
			return { stackFrames, totalFrames: stackFrames.length };
		});
	}

	protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
		this.respond(response, () => ({ scopes: this.variables.scopes(Math.max(0, args.frameId - 1)) }));
	}

	protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
		this.respond(response, () => ({ variables: this.variables.variables(args.variablesReference) }));
	}

	protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
		this.respond(response, () => this.changed({ value: this.variables.set(args.variablesReference, args.name, args.value) }));
	}

	protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
		this.respond(response, () => this.evaluate(args));
	}

	protected override nextRequest(response: DebugProtocol.NextResponse): void {
		this.move(response, () => (this.stepInto ? this.walkPass('over') : this.attached().step()));
	}

	protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
		this.move(response, () => (this.stepInto ? this.walkPass('in') : this.enterPass()));
	}

	protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
		this.move(response, () => (this.stepInto && this.stepInto.depth > 1 ? this.walkPass('out') : this.finishStep()));
	}

	protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
		this.move(response, () => (this.stepInto ? this.walkPassBack() : this.attached().stepBack()));
	}

	protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
		this.move(response, () => (this.stepInto ? this.runPass() : this.run('forward')), { allThreadsContinued: true });
	}

	protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
		this.move(response, () => this.run('reverse'));
	}

	protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
		this.move(response, () => this.attached().pause());
	}

	protected override restartRequest(response: DebugProtocol.RestartResponse): void {
		this.move(response, () => this.attached().restart());
	}

	protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
		this.detach();
		super.disconnectRequest(response, args);
	}

	/** Sends the response to a movement request first, then moves, so the `stopped` event follows the response. */
	private move(response: DebugProtocol.Response, action: () => unknown, body?: object): void {
		if (!this.controller) return this.fail(response, 1002, this.text.t('The Downhill session has not started.'), false);
		if (body) response.body = body;
		this.sendResponse(response);
		action();
	}

	/** Fills a response from `body()`, or fails it with the thrown message. */
	private respond<R extends DebugProtocol.Response>(response: R, body: () => R['body']): void {
		try {
			response.body = body();
			this.sendResponse(response);
		} catch (error) {
			this.fail(response, 1003, evaluationErrorMessage(error, this.text.t), false);
		}
	}

	private fail(response: DebugProtocol.Response, id: number, message: string, showUser: boolean): void {
		this.sendErrorResponse(response, { id, format: '{_message}', variables: { _message: message }, showUser });
	}

	private attach(controller: SessionController): void {
		this.controller = controller;
		this.subscription = controller.onDidChange((change) => this.onSessionChange(change));
	}

	private detach(): void {
		this.endPass();
		const controller = this.controller;
		this.subscription?.dispose();
		this.subscription = undefined;
		this.controller = undefined;
		if (controller) (this.options.releaseController ?? ((c) => c.dispose()))(controller);
	}

	private attached(): SessionController {
		if (!this.controller) throw new Error(this.text.t('The Downhill session has not started.'));
		return this.controller;
	}

	/** Every stop of the shared session, from this adapter or another surface, reaches VS Code here. */
	private onSessionChange(change: SessionChange): void {
		switch (change.kind) {
			case 'stopped':
				this.running = false;
				this.endPass();
				this.variables.reset();
				for (const output of stopOutput(change.result, this.text)) this.sendEvent(output);
				return this.sendEvent(stoppedEvent(change.result.reason, this.text));
			case 'progress':
				if (this.running) return;
				this.running = true;
				this.endPass();
				return this.sendEvent(new ContinuedEvent(optimizerThreadId, true));
			case 'settings':
				return this.invalidate();
			case 'disposed':
				this.subscription = undefined;
				this.controller = undefined;
				return this.sendEvent(new TerminatedEvent());
		}
	}

	private frames(): DebugProtocol.StackFrame[] {
		return stackFrames(this.attached(), this.stepInto, this.text.t).map((frame) => ({
			...frame,
			line: this.convertDebuggerLineToClient(frame.line),
			column: this.convertDebuggerColumnToClient(frame.column),
		}));
	}

	private setBreakpoints(args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
		const requested = (args.breakpoints ?? []).map((bp) => ({ ...bp, line: this.convertClientLineToDebugger(bp.line) }));
		const bound = this.breakpoints.set(this.attached(), lossLocation(this.attached()), args.source.path ?? '', requested, this.text.t);
		return bound.map((bp) => ({ ...bp, line: bp.line === undefined ? undefined : this.convertDebuggerLineToClient(bp.line) }));
	}

	private evaluate(args: DebugProtocol.EvaluateArguments): DebugProtocol.EvaluateResponse['body'] {
		const result = evaluateInSession(args.expression, this.attached(), this.stepInto, args.context === 'repl', this.text.t);
		if (result.assigned !== undefined) this.changed(undefined);
		const full = args.context === 'clipboard' || args.context === 'hover';
		return { result: full ? showFullNumber(result.value) : showNumber(result.value), type: 'number', variablesReference: 0 };
	}

	/**
	 * After an edit of the point or the settings from Variables or the Debug Console: leaves step-into (its readings
	 * are stale) and refreshes every view, the frame's `loss = …` too, with a stop that keeps the focus where the user
	 * typed (`preserveFocusHint`).
	 */
	private changed<T>(value: T): T {
		this.endPass();
		const refresh = stoppedEvent({ kind: 'step' }, this.text);
		refresh.body.preserveFocusHint = true;
		this.sendEvent(refresh);
		return value;
	}

	/**
	 * After a settings change from another surface: the variables only. Invalidating the stacks would make VS Code
	 * handle the last stop again and move the focus to the editor (`debug.focusEditorOnBreak`).
	 */
	private invalidate(): void {
		if (this.supportsInvalidated) this.sendEvent(new InvalidatedEvent(['variables']));
	}

	/** Continue or reverse continue; the stop arrives through `onSessionChange`. */
	private run(direction: 'forward' | 'reverse'): void {
		this.endPass();
		this.running = true;
		void this.attached().continue(direction);
	}

	/** F11 at the top of a step: the forward pass's first statement, or a plain step for losses with no trace. */
	private enterPass(): void {
		this.stepInto = StepInto.enter(this.attached().session);
		if (this.stepInto) this.stopInPass();
		else this.attached().step();
	}

	private walkPass(kind: PassMove): void {
		if (this.stepInto!.move(kind)) this.stopInPass();
		else this.finishPass();
	}

	/** F5 inside the pass: on to the next statement whose line has a breakpoint that holds, else through the update. */
	private runPass(): void {
		const controller = this.attached();
		const hit = this.stepInto!.runUntil((at) => {
			const line = inDocument(controller.origin, at.statement.line, at.statement.column).line;
			return this.breakpoints.holdsInPass(line, at.lookup);
		});
		if (hit) return this.stopInPass('breakpoint');
		this.finishPass();
		this.run('forward');
	}

	private walkPassBack(): void {
		this.stepInto = this.stepInto!.back(this.attached().session);
		if (this.stepInto) this.stopInPass();
		else this.stopAtTop();
	}

	/** Leaves step-into; the Graph view hears that the walk ended. */
	private endPass(): void {
		this.stepInto = undefined;
		if (!this.passGraphShown) return;
		this.passGraphShown = false;
		if (this.controller) this.options.onPassGraph?.(this.controller, undefined);
	}

	/** The backward pass is done: says how the accumulated adjoints compare with the gradient, then takes the update. */
	private finishPass(): void {
		const stepInto = this.stepInto!;
		this.sendEvent(new OutputEvent(`${passCheckText(this.attached().loss, stepInto.point, stepInto.gradient, this.text.t)}\n`, 'console'));
		this.finishStep();
	}

	/** Shift+F11: takes the update and stops at the top of the next step. */
	private finishStep(): void {
		this.endPass();
		this.attached().step();
	}

	private stopInPass(reason: 'step' | 'breakpoint' = 'step'): void {
		this.variables.reset();
		const event = stoppedEvent({ kind: 'step' }, this.text);
		event.body.reason = reason;
		event.body.description = readingText(this.stepInto!, this.text.t);
		this.sendEvent(event);
		if (!this.options.onPassGraph) return;
		this.passGraphShown = true;
		this.options.onPassGraph(this.attached(), this.stepInto!.graph());
	}

	/** Back at the top of the step, before the forward pass. */
	private stopAtTop(): void {
		this.endPass();
		this.variables.reset();
		this.sendEvent(stoppedEvent({ kind: 'step' }, this.text));
	}
}
