/**
 * A session's link to the engine's worker, which runs its continues: the loss's source, the session's id there, and
 * whether the worker's copy is known to match the host's (same revision of the host's session, same worker). A slice
 * is sent with the full session image unless it does; a worker that answers `UnknownSession` (restarted, or it
 * dropped the copy) gets the slice again with the image.
 */
import type { OptimizationSession } from '../../engine/index';
import { unknownSessionError, type EngineParams, type LossSource, type SliceParams, type SliceResult } from '../../worker/engineProtocol';
import type { ExploreMethod, ExploreMethods } from '../../worker/explore/exploreProtocol';
import { commandBudgetMs, panelBudgetMs } from '../worker/budgets';
import type { EngineClient } from '../worker/engineClient';

let nextId = 1;

/** The slice's arguments besides the session. */
export type SliceArguments = Omit<SliceParams, 'id' | 'sync'>;

/** Something went wrong in the worker during a continue: the run resumed from `step`, or stopped there. */
export interface SessionProblem {
	readonly kind: 'resumed' | 'stopped';
	/** Why: the worker stopped (`crashed`), a slice ran past its budget (`budget`), or the loss threw (`error`). */
	readonly cause: 'crashed' | 'budget' | 'error';
	readonly step: number;
	readonly detail: string;
}

export class SessionWorkerLink {
	readonly id = nextId++;
	private synced: { readonly revision: number; readonly generation: number } | undefined;

	constructor(
		private readonly engine: EngineClient,
		private readonly source: LossSource,
		/** Told about each problem once; the session layer turns it into one message. */
		readonly report: (problem: SessionProblem) => void = () => undefined,
	) {}

	/** One slice on the worker's copy of `session` (at `revision` on the host). */
	async slice(session: OptimizationSession, revision: number, args: SliceArguments): Promise<SliceResult> {
		const current = this.synced?.revision === revision && this.synced.generation === this.engine.restarts;
		try {
			return await this.send(session, args, !current);
		} catch (error) {
			if (current && error instanceof Error && error.name === unknownSessionError) return this.send(session, args, true);
			throw error;
		}
	}

	/** The host applied a slice's image, so both copies are at `revision` now. */
	applied(revision: number): void {
		this.synced = { revision, generation: this.engine.restarts };
	}

	/** The worker's copy no longer matches (a reply was dropped, or the worker failed): the next slice sends the image. */
	invalidate(): void {
		this.synced = undefined;
	}

	/** One of the panel's explorations of this session's loss, in the worker (the state it needs is in `params`). */
	explore<M extends ExploreMethod>(method: M, params: ExploreMethods[M]['params'], signal: AbortSignal): Promise<ExploreMethods[M]['result']> {
		const request = { ...params, source: this.source } as unknown as EngineParams<M>;
		return this.engine.request(method, request, { budgetMs: panelBudgetMs, signal });
	}

	/** Frees the worker's copy. */
	close(): void {
		this.engine.request('sessionClose', { id: this.id }, { budgetMs: commandBudgetMs }).catch(() => undefined);
	}

	private send(session: OptimizationSession, args: SliceArguments, full: boolean): Promise<SliceResult> {
		const sync = full ? { sync: { source: this.source, image: session.image(0) } } : {};
		return this.engine.request('sessionSlice', { id: this.id, ...args, ...sync }, { budgetMs: commandBudgetMs });
	}
}
