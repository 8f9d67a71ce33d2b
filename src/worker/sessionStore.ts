/**
 * The worker's copies of the host's sessions, by id: a continue runs here one slice per request, on the copy the
 * host last synchronised (`SliceParams.sync`, a full session image) and then kept up to date by the slices
 * themselves. The host keeps the session its views read and applies each slice's image to it, so this copy can be
 * lost at any time (a restarted worker, the least recently used one dropped, a loss that threw): the host then gets
 * `UnknownSession` and sends the image again.
 */
import { OptimizationSession, type Loss } from '../engine/index';
import { unknownSessionError, type LossSource, type SliceParams, type SliceResult } from './engineProtocol';

/** How many sessions the worker keeps (the least recently used one is dropped first). */
const capacity = 16;

export class SessionStore {
	private readonly sessions = new Map<number, OptimizationSession>();

	constructor(private readonly compile: (source: LossSource) => Loss) {}

	/** Runs one slice; a throw (a loss that failed to evaluate) drops the copy, which the slice left half-updated. */
	slice(params: SliceParams): SliceResult {
		const session = this.sessionFor(params);
		try {
			const forward = params.direction === 'forward';
			const from = forward ? session.position : session.history.length;
			const run = session.startContinue(params.direction, params.limit);
			const deadline = Date.now() + params.sliceMs;
			const stop = run.advance(() => Date.now() >= deadline, params.maxUpdates);
			return { image: session.image(from), moved: run.moved, logs: run.logs, ...(stop ? { stop } : {}) };
		} catch (error) {
			this.sessions.delete(params.id);
			throw error;
		}
	}

	close(id: number): null {
		this.sessions.delete(id);
		return null;
	}

	private sessionFor({ id, sync }: SliceParams): OptimizationSession {
		let session = this.sessions.get(id);
		this.sessions.delete(id);
		if (sync) {
			const loss = this.compile(sync.source);
			if (session?.loss !== loss) session = new OptimizationSession(loss, sync.image.settings, sync.image.start);
			session.restore(sync.image);
		}
		if (!session) {
			const error = new Error(`the engine's worker has no copy of session ${id}`);
			error.name = unknownSessionError;
			throw error;
		}
		this.sessions.set(id, session);
		if (this.sessions.size > capacity) this.sessions.delete(this.sessions.keys().next().value!);
		return session;
	}
}
