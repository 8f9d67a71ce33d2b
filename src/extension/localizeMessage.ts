/**
 * The one place engine messages meet VS Code's localization. The engine keeps each user-facing sentence as an
 * English template with arguments (`engine/message.ts`); here the template is looked up in the display language's
 * bundle with `vscode.l10n.t`, nested phrases first, so a diagnostic, a hover, the panel and an error notification
 * all read the same translated text. The Korean entries for these templates live in l10n/bundle.l10n.ko.json; the
 * l10n export cannot see them, so test/unit/l10n checks them against the engine's sources.
 */
import * as vscode from 'vscode';
import { formatMessage, isMessage, type Message } from '../engine/index';

/** `message` in the display language (English when the bundle has no entry for it). */
export function localizeMessage(message: Message): string {
	// The templates are the engine's, not literals here; test/unit/l10n checks each has a translation.
	return formatMessage(message, (template, args) => vscode.l10n.t(template, ...args));
}

/**
 * The text to show for a thrown error: an engine error that carries its message as a template (`LossSyntaxError`,
 * `ExpressionError`, `SettingsError`, `OptimizerOptionError`, `ScheduleSyntaxError`) translated, anything else as
 * it says.
 */
export function localizedErrorText(error: unknown): string {
	const detail = (error as { detail?: unknown } | undefined)?.detail;
	if (error instanceof Error && isMessage(detail)) return localizeMessage(detail);
	return error instanceof Error ? error.message : String(error);
}
