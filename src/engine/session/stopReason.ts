/**
 * What the session returns when it stops: the engine reports stops as values (`{ kind }` unions), and the panel,
 * the debug adapter and the CLI each render them their own way. The words travel as a message template with its
 * arguments (`stopMessage`), translated where they are shown; `describeStop` is the English text.
 */
import { formatMessage, msg, type Message } from '../message';

export type StopReason =
	/** The session was created or restarted: the start point. */
	| { readonly kind: 'entry' }
	/** The requested number of single steps (or steps back) was taken. */
	| { readonly kind: 'step' }
	/** Continue reached its step limit. */
	| { readonly kind: 'steps'; readonly limit: number }
	| { readonly kind: 'converged'; readonly criterion: 'gradientNorm' | 'lossChange'; readonly message: Message }
	| {
			readonly kind: 'diverged';
			/** What diverged; `stopMessage` adds the curvature note and the suggested learning rate. */
			readonly message: Message;
			/** The first update at which the trouble showed. */
			readonly since: number;
			/** The largest learning rate from a short back-off search that did not diverge, when one was found. */
			readonly suggestedLearningRate?: number;
			/** When the update that began the divergence used a learning rate above 2/λ_max at its start point. */
			readonly aboveStability?: { readonly learningRate: number; readonly threshold: number };
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

/** A short sentence for people (status bar, panel, CLI), in English. */
export function describeStop(reason: StopReason): string {
	return formatMessage(stopMessage(reason));
}

/** Why the session stopped, as a template with arguments for a front end to translate. */
export function stopMessage(reason: StopReason): Message {
	switch (reason.kind) {
		case 'entry':
			return msg`At the start point`;
		case 'step':
			return msg`Stepped`;
		case 'steps':
			return msg`Stopped after the step limit (${reason.limit})`;
		case 'converged':
			return reason.message;
		case 'diverged':
			return divergenceMessage(reason);
		case 'breakpoint':
			return msg`Breakpoint: ${reason.condition}`;
		case 'paused':
			return msg`Paused`;
		case 'historyStart':
			return msg`At the start of history`;
		case 'historyFull':
			return msg`History limit reached: ${reason.records} records take ${reason.megabytes} MiB; restart, or step back to go on from an earlier point`;
		default: {
			const never: never = reason;
			return never;
		}
	}
}

/** A divergence, then the curvature note, then the suggested learning rate, each a sentence of its own. */
function divergenceMessage(reason: StopReason & { kind: 'diverged' }): Message {
	const above = reason.aboveStability;
	const noted = above ? msg`${reason.message} η = ${above.learningRate} is above 2/λ_max = ${above.threshold} at this point.` : reason.message;
	const lr = reason.suggestedLearningRate;
	return lr === undefined ? noted : msg`${noted} Try a learning rate of ${lr} or less.`;
}
