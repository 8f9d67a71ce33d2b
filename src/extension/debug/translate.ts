/**
 * How the debug adapter speaks the user's language without importing `vscode`: it is handed a `Translate` function
 * (activateDebug.ts passes `vscode.l10n.t`; the standalone adapter and the DebugClient tests keep the English
 * default), and every text the user sees goes through it as `t('English template {0}', arg)`. The English
 * templates are the keys of l10n/bundle.l10n.ko.json; test/unit/l10n finds each `t('...')` call of this folder.
 */
import { describeStop, fillTemplate, formatMessage, isMessage, type Message, type StopReason } from '../../engine/index';

/** `vscode.l10n.t`'s shape: look `message` up, then fill `{0}`, `{1}`, ... with `args`. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** The English default: the template itself, filled. */
export const english: Translate = (message, ...args) => fillTemplate(message, args.map(String));

/** An engine message through `t`, nested phrases first. */
export function translateMessage(message: Message, t: Translate): string {
	return formatMessage(message, (template, args) => t(template, ...args));
}

/** What the adapter needs to speak the user's language. */
export interface AdapterText {
	readonly t: Translate;
	/** A stop reason as a sentence (the extension's `stopText`; the engine's English by default). */
	readonly stop: (reason: StopReason) => string;
}

export const englishText: AdapterText = { t: english, stop: describeStop };

/** An error whose message the adapter can show in the user's language. */
export class TranslatableError extends Error {
	constructor(readonly detail: Message) {
		super(formatMessage(detail));
	}
}

/** The text of a thrown error through `t`: loss and adapter errors translated, anything else as it says. */
export function errorText(error: unknown, t: Translate): string {
	const detail = (error as { detail?: unknown } | undefined)?.detail;
	if (error instanceof Error && isMessage(detail)) return translateMessage(detail, t);
	return error instanceof Error ? error.message : String(error);
}
