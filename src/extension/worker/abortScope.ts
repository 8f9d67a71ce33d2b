/**
 * Supersession: per document, one `AbortController` for the requests of its current version. A request for a newer
 * version aborts the older version's, which cancels the stale requests still waiting in the engine's worker.
 */
export class AbortScope {
	private readonly controllers = new Map<string, { readonly version: number; readonly controller: AbortController }>();

	/** The signal of `key` at `version`; a newer version aborts the signal of the older one. */
	signal(key: string, version: number): AbortSignal {
		const current = this.controllers.get(key);
		if (current && current.version >= version) return current.controller.signal;
		current?.controller.abort();
		const controller = new AbortController();
		this.controllers.set(key, { version, controller });
		return controller.signal;
	}

	/** Aborts and forgets `key`'s signal. */
	abort(key: string): void {
		this.controllers.get(key)?.controller.abort();
		this.controllers.delete(key);
	}

	abortAll(): void {
		for (const { controller } of this.controllers.values()) controller.abort();
		this.controllers.clear();
	}
}
