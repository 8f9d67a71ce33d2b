/**
 * A long exploration (a basin map, a learning-rate sweep, random restarts) as a series of slices, one request each to
 * `PanelWork` (the engine's worker, or in-process with a turn of the event loop between slices): each slice's result
 * so far goes to `onProgress` (the panel's progress replies, a progress notification), the complete one (progress 1)
 * is what `start` resolves with. Starting again, `signal` (the panel's cancellation) or `cancel()` stops the one
 * running; the next slice is not requested and a reply in flight is dropped.
 */
import type { Responder } from '../../shared/endpoint';
import type { ExploreMethods } from '../../worker/explore/exploreProtocol';
import type { SessionController } from '../session/sessionController';
import { EngineRequestError } from '../worker/engineClient';
import { PanelWork } from './panelWork';

/** How long one slice may run before it answers with what it has, in ms. */
export const sliceMs = 30;

type SlicedMethod = 'basinsSlice' | 'sweepSlice' | 'restartsSlice';
let nextRunId = 1;

export class SlicedJob<M extends SlicedMethod> {
	private current: AbortController | undefined;

	constructor(
		private readonly method: M,
		private readonly work = new PanelWork(),
	) {}

	/** True while a run is in progress. */
	get running(): boolean {
		return this.current !== undefined;
	}

	/**
	 * Starts a run (replacing one in progress); resolves with the complete result, which the caller sends as the final
	 * reply, or with undefined once the run was stopped. Rejects with the engine's error.
	 */
	async start(
		controller: SessionController,
		params: Omit<ExploreMethods[M]['params'], 'id' | 'sliceMs'>,
		onProgress: (result: ExploreMethods[M]['result']) => void,
		signal?: AbortSignal,
	): Promise<ExploreMethods[M]['result'] | undefined> {
		this.cancel();
		const abort = new AbortController();
		this.current = abort;
		signal?.addEventListener('abort', () => abort.abort());
		if (signal?.aborted) abort.abort();
		const request = { ...params, id: nextRunId++, sliceMs } as ExploreMethods[M]['params'];
		try {
			for (;;) {
				const result = await this.work.run(controller, this.method, request, { signal: abort.signal });
				if (abort.signal.aborted) return undefined;
				if (result.progress === 1) return result;
				onProgress(result);
				if (!controller.workerLink) await new Promise((resolve) => setTimeout(resolve, 0));
			}
		} catch (error) {
			if (abort.signal.aborted && error instanceof EngineRequestError && error.reason === 'cancelled') return undefined;
			throw error;
		} finally {
			if (this.current === abort) this.current = undefined;
		}
	}

	cancel(): void {
		this.current?.abort();
		this.current = undefined;
	}
}

/** A signal aborted when the panel cancels the request `responder` answers. */
export function cancelSignal(responder: Responder<unknown>): AbortSignal {
	const abort = new AbortController();
	responder.onCancel(() => abort.abort());
	return abort.signal;
}
