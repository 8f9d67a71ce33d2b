/**
 * Where the panel's explorations of a session run: in the engine's worker through the session's `SessionWorkerLink`,
 * or in-process, through the same handlers, for a session with no worker (tests, and hosts that run the engine
 * in-process). A newer exploration under the same key cancels the one before (it is stale: the panel asked again);
 * the panel's own cancellation reaches the worker through `signal`.
 */
import { EngineRequestError } from '../worker/engineClient';
import { exploreHandlers } from '../../worker/explore/exploreHandlers';
import type { ExploreMethod, ExploreMethods } from '../../worker/explore/exploreProtocol';
import type { SessionController } from '../session/sessionController';

export class PanelWork {
	private readonly latest = new Map<string, AbortController>();
	private readonly inProcess = exploreHandlers();

	/**
	 * Runs `method` on `controller`'s loss; rejects with an `EngineRequestError` (`cancelled`) when a newer run under
	 * `key` (the method by default) or `signal` cancels it, and with the engine's error when it fails.
	 */
	async run<M extends ExploreMethod>(
		controller: SessionController,
		method: M,
		params: ExploreMethods[M]['params'],
		options: { readonly key?: string; readonly signal?: AbortSignal } = {},
	): Promise<ExploreMethods[M]['result']> {
		const key = options.key ?? method;
		this.latest.get(key)?.abort();
		const abort = new AbortController();
		this.latest.set(key, abort);
		const onCancel = () => abort.abort();
		options.signal?.addEventListener('abort', onCancel);
		if (options.signal?.aborted) abort.abort();
		try {
			const link = controller.workerLink;
			if (link) return await link.explore(method, params, abort.signal);
			await Promise.resolve();
			if (abort.signal.aborted) throw new EngineRequestError('cancelled', 'cancelled');
			return this.inProcess[method](controller.loss, params);
		} finally {
			options.signal?.removeEventListener('abort', onCancel);
			if (this.latest.get(key) === abort) this.latest.delete(key);
		}
	}

	/** Cancels every exploration in progress. */
	cancelAll(): void {
		for (const abort of this.latest.values()) abort.abort();
		this.latest.clear();
	}
}
