/**
 * What the session returns when it stops: the engine reports stops as values (`{ kind }` unions), and the panel,
 * the debug adapter and the CLI each render them their own way.
 */

export type StopReason =
	/** The session was created or restarted: the start point. */
	| { readonly kind: 'entry' }
	/** The requested number of single steps (or steps back) was taken. */
	| { readonly kind: 'step' }
	/** Continue reached its step limit. */
	| { readonly kind: 'steps'; readonly limit: number }
	| { readonly kind: 'converged'; readonly criterion: 'gradientNorm' | 'lossChange'; readonly message: string }
	| {
			readonly kind: 'diverged';
			readonly message: string;
			/** The first update at which the trouble showed. */
			readonly since: number;
			/** The largest learning rate from a short back-off search that did not diverge, when one was found. */
			readonly suggestedLearningRate?: number;
	  }
	| { readonly kind: 'breakpoint'; readonly ids: readonly number[]; readonly condition: string }
	| { readonly kind: 'paused' }
	/** Reverse continue or step back reached the start of history. */
	| { readonly kind: 'historyStart' }
	/** The history reached `maxHistoryBytes`: `records` records of the current run take `megabytes` MiB. */
	| { readonly kind: 'historyFull'; readonly records: number; readonly megabytes: number };

export type StopKind = StopReason['kind'];

/** The outcome of a step, continue or step back: where the session now is, why it stopped, and logpoint output. */
export interface StopResult {
	readonly reason: StopReason;
	/** Index of the current record (0 is the start point). */
	readonly step: number;
	/** Updates taken (or undone) by this call. */
	readonly moved: number;
	/** Lines produced by logpoints on the way. */
	readonly logs: readonly string[];
}

/** A short sentence for people: status bar, panel, CLI. */
export function describeStop(reason: StopReason): string {
	switch (reason.kind) {
		case 'entry':
			return 'At the start point';
		case 'step':
			return 'Stepped';
		case 'steps':
			return `Stopped after the step limit (${reason.limit})`;
		case 'converged':
			return reason.message;
		case 'diverged':
			return reason.message;
		case 'breakpoint':
			return `Breakpoint: ${reason.condition}`;
		case 'paused':
			return 'Paused';
		case 'historyStart':
			return 'At the start of history';
		case 'historyFull':
			return `History limit reached: ${reason.records} records take ${reason.megabytes} MiB; restart, or step back to go on from an earlier point`;
		default: {
			const never: never = reason;
			return never;
		}
	}
}
