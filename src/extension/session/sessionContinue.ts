/**
 * A continue run in the engine's worker, one slice per request: the worker advances its copy of the session for up
 * to one slice and answers with what changed, which this host applies to its own copy before it tells the views.
 * A slice answered after a pause, or after the user changed the session meanwhile (a new learning rate), is dropped
 * and the worker's copy is marked stale: the host's copy is the one that counts.
 *
 * When the worker dies during a slice, the client has already started a new one; the run resumes from the host's
 * copy (the last snapshot) and says so once. A second death at the same step, a slice past its budget, or a loss
 * whose evaluation throws stops the run there with a message; the session stays as it was before that slice.
 */
import type { OptimizationSession, StopResult } from '../../engine/index';
import type { SliceResult } from '../../worker/engineProtocol';
import { EngineRequestError } from '../worker/engineClient';
import { ContinuePace } from './continuePace';
import type { SessionProblem, SessionWorkerLink } from './sessionWorkerLink';

/** What a continue in the worker reads and changes of its `SessionController`. */
export interface ContinueHost {
	readonly session: OptimizationSession;
	readonly link: SessionWorkerLink;
	/** The count of changes made to the session on the host. */
	revision(): number;
	sliceMs(): number;
	stepsPerSecond(): number;
	/** False once the run was paused or replaced. */
	isCurrent(run: WorkerRun): boolean;
	begin(run: WorkerRun): void;
	/** Ends the run with `result` and announces it. */
	end(run: WorkerRun, result: StopResult): StopResult;
	progress(): void;
}

/** Logpoint lines kept per continue, as `ContinueRun` keeps them. */
const maxLogLines = 10_000;

/** One continue's tally on the host: the updates and logpoint lines of the slices applied so far. */
export class WorkerRun {
	moved = 0;
	private readonly logs: string[] = [];
	private done: StopResult | undefined;

	constructor(private readonly session: OptimizationSession) {}

	get finished(): boolean {
		return this.done !== undefined;
	}

	add(result: SliceResult): void {
		this.moved += result.moved;
		for (const line of result.logs) if (this.logs.length < maxLogLines) this.logs.push(line);
	}

	/** Ends the run where the host's copy stands. */
	pause(): StopResult {
		this.done ??= this.session.finish({ kind: 'paused' }, this.moved, this.logs);
		return this.done;
	}

	/**
	 * Ends the run with the worker's stop, counting every slice's updates and logs; a step limit is the continue's,
	 * not what was left of it for the last slice.
	 */
	complete(stop: StopResult, limit: number): StopResult {
		const reason = stop.reason.kind === 'steps' ? { kind: 'steps' as const, limit } : stop.reason;
		this.done = this.session.finish(reason, this.moved, this.logs);
		return this.done;
	}
}

/** Runs until a stop, a pause, or a failure the run cannot resume from; resolves with the stop. */
export async function continueInWorker(host: ContinueHost, direction: 'forward' | 'reverse', limit: number): Promise<StopResult> {
	const run = new WorkerRun(host.session);
	host.begin(run);
	const pace = new ContinuePace(host.stepsPerSecond);
	let crashedAt: number | undefined;
	while (host.isCurrent(run)) {
		const allowed = pace.allowed();
		if (allowed > 0) {
			const revision = host.revision();
			const step = host.session.position;
			let result: SliceResult;
			try {
				const args = { direction, limit: limit - run.moved, maxUpdates: allowed, sliceMs: host.sliceMs() };
				result = await host.link.slice(host.session, revision, args);
			} catch (error) {
				host.link.invalidate();
				if (!host.isCurrent(run)) break;
				const problem = problemOf(error, step, crashedAt === step);
				if (problem) host.link.report(problem);
				if (problem?.kind !== 'resumed') return host.end(run, run.pause());
				crashedAt = step;
				continue;
			}
			if (!host.isCurrent(run) || host.revision() !== revision) {
				host.link.invalidate();
				continue;
			}
			host.session.restore(result.image);
			host.link.applied(revision);
			run.add(result);
			pace.took(result.moved);
			if (result.stop) return host.end(run, run.complete(result.stop, limit));
			host.progress();
		}
		await new Promise((resolve) => setTimeout(resolve, pace.delay()));
	}
	return run.pause();
}

/** What to tell the user about a slice that failed at `step` (nothing when the engine was shut down). */
function problemOf(error: unknown, step: number, again: boolean): SessionProblem | undefined {
	if (error instanceof EngineRequestError) {
		if (error.reason === 'cancelled') return undefined;
		return { kind: error.reason === 'crashed' && !again ? 'resumed' : 'stopped', cause: error.reason, step, detail: error.message };
	}
	return { kind: 'stopped', cause: 'error', step, detail: error instanceof Error ? error.message : String(error) };
}
