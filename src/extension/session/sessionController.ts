/**
 * One live session and the one way to drive it: the panel's buttons, the palette commands, CodeLens and the debug
 * adapter all call these methods, and all views listen to `onDidChange`. Continue runs in slices of at most
 * `sliceMs`, at the speed the user chose, and stops on pause. With a `SessionWorkerLink` the slices run in the
 * engine's worker (`sessionContinue.ts`) and this host keeps the session its views read, updated after each slice;
 * without one (the standalone debug adapter, tests) they run here, between the host's other tasks.
 *
 * Imports no `vscode`, so the debug adapter can take a controller by constructor injection and be tested outside
 * VS Code (the way mock-debug's runtime reaches its adapter).
 */
import { type BreakpointSpec, type BreakpointStatus, type CellLayout, type Loss, OptimizationSession, type SessionSettingsInput, type SourceSpan, type StopResult } from '../../engine/index';
import { ContinuePace } from './continuePace';
import { continueInWorker, type ContinueHost } from './sessionContinue';
import type { SessionWorkerLink } from './sessionWorkerLink';

/** What happened, for listeners. `progress` fires during continue at most once per slice. */
export type SessionChange =
	| { readonly kind: 'progress' }
	| { readonly kind: 'stopped'; readonly result: StopResult }
	| { readonly kind: 'settings' }
	| { readonly kind: 'disposed' };

/** Where the loss came from, for titles, hovers and the debugger's stack frame. */
export interface LossOrigin {
	/** The document's URI as a string (or a path for standalone runs). */
	readonly uri: string;
	readonly fileName: string;
	/** 1-based line of the loss definition. */
	readonly line: number;
	/**
	 * When the loss is a selection compiled on its own: where it is (1-based, end exclusive). The loss's own spans
	 * (site, trace lines) then count from the selection's start, not the document's.
	 */
	readonly selection?: SourceSpan;
	/**
	 * When the loss is a notebook cell's: the cells its source joined (`Loss.cells`) and every cell's document URI by
	 * notebook index. The loss's own spans then count lines of the joined source; `inDocument` maps them to a cell.
	 */
	readonly cells?: { readonly layout: CellLayout; readonly uris: readonly string[] };
}

export interface Disposable {
	dispose(): void;
}

const sliceMs = 16;

export class SessionController {
	readonly session: OptimizationSession;
	private readonly listeners = new Set<(change: SessionChange) => void>();
	private run: { pause(): StopResult; readonly finished: boolean } | undefined;
	/** Counts the changes made to the session here (all but the slices the worker ran), to keep its copy in step. */
	private revision = 0;
	private stepsPerSecondValue = 0;
	private disposed = false;
	/**
	 * How many others repeat each update of this session while it continues (the panel's compared runs): a slice
	 * keeps `sliceMs / (1 + followers)` for itself so that the slice with their work stays near `sliceMs`.
	 */
	followers = 0;

	constructor(
		readonly loss: Loss,
		readonly origin: LossOrigin,
		settings: SessionSettingsInput = {},
		start?: ArrayLike<number>,
		private readonly link?: SessionWorkerLink,
	) {
		this.session = new OptimizationSession(loss, settings, start);
	}

	/** The session's link to the engine's worker; undefined when it runs in-process. */
	get workerLink(): SessionWorkerLink | undefined {
		return this.link;
	}

	get running(): boolean {
		return this.run !== undefined && !this.run.finished;
	}

	/** Updates per second during continue; 0 runs as fast as the slices allow. */
	get stepsPerSecond(): number {
		return this.stepsPerSecondValue;
	}

	set stepsPerSecond(value: number) {
		this.stepsPerSecondValue = Math.max(0, value);
		this.emit({ kind: 'settings' });
	}

	onDidChange(listener: (change: SessionChange) => void): Disposable {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	step(count = 1): StopResult {
		this.pause();
		this.revision++;
		return this.stopped(this.session.step(count));
	}

	stepBack(count = 1): StopResult {
		this.pause();
		this.revision++;
		return this.stopped(this.session.stepBack(count));
	}

	goTo(step: number): StopResult {
		this.pause();
		this.revision++;
		return this.stopped(this.session.goTo(step));
	}

	restart(start?: ArrayLike<number>): StopResult {
		this.pause();
		this.revision++;
		return this.stopped(this.session.restart(start));
	}

	updateSettings(input: SessionSettingsInput): void {
		this.session.updateSettings(input);
		this.revision++;
		this.emit({ kind: 'settings' });
	}

	/** `lr = 0.01`, `x = 3`, `momentum = 0.9`: edits the point or a hyper-parameter (next update on); an error message or undefined. */
	assign(name: string, value: number): string | undefined {
		const error = this.session.variables.assign(name, value);
		this.revision++;
		if (error === undefined) this.emit({ kind: 'settings' });
		return error;
	}

	/** Replaces the session's condition breakpoints (debugger line breakpoints and the CLI's `--until`). */
	setBreakpoints(specs: readonly BreakpointSpec[]): BreakpointStatus[] {
		this.revision++;
		return this.session.setBreakpoints(specs);
	}

	/** Runs until a stop, in slices at the chosen speed; resolves with the stop (also announced to listeners). */
	continue(direction: 'forward' | 'reverse' = 'forward', limit?: number): Promise<StopResult> {
		this.pause();
		if (this.link) return continueInWorker(this.workerHost(this.link), direction, limit ?? this.session.settings.maxSteps);
		const run = this.session.startContinue(direction, limit);
		this.run = run;
		const pace = new ContinuePace(() => this.stepsPerSecondValue);
		return new Promise((resolve) => {
			const slice = () => {
				if (this.run !== run) return resolve(run.pause());
				const budget = pace.allowed();
				if (budget > 0) {
					const before = this.session.position;
					const deadline = Date.now() + sliceMs / (1 + this.followers);
					const result = run.advance(() => Date.now() >= deadline, budget);
					pace.took(Math.abs(this.session.position - before));
					if (result) {
						this.run = undefined;
						return resolve(this.stopped(result));
					}
					this.emit({ kind: 'progress' });
				}
				setTimeout(slice, pace.delay());
			};
			slice();
		});
	}

	/** Stops a running continue; its promise resolves with a `paused` stop. */
	pause(): void {
		const run = this.run;
		if (!run || run.finished) return;
		this.run = undefined;
		this.stopped(run.pause());
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		this.pause();
		this.link?.close();
		this.emit({ kind: 'disposed' });
		this.listeners.clear();
	}

	/** What a continue in the worker reads and changes of this controller. */
	private workerHost(link: SessionWorkerLink): ContinueHost {
		return {
			session: this.session,
			link,
			revision: () => this.revision,
			sliceMs: () => sliceMs / (1 + this.followers),
			stepsPerSecond: () => this.stepsPerSecondValue,
			isCurrent: (run) => this.run === run,
			begin: (run) => (this.run = run),
			end: (run, result) => {
				if (this.run === run) this.run = undefined;
				return this.stopped(result);
			},
			progress: () => this.emit({ kind: 'progress' }),
		};
	}

	private stopped(result: StopResult): StopResult {
		this.emit({ kind: 'stopped', result });
		return result;
	}

	private emit(change: SessionChange): void {
		for (const listener of [...this.listeners]) listener(change);
	}
}
