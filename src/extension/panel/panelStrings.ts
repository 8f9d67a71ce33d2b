/**
 * The panel's UI strings in the display language, sent in `PanelSnapshot.strings` under the keys the webview
 * defines (src/webview/strings.ts, `webviewStringKeys`). The webview falls back to its own English text for every
 * key missing here, so English needs no table; other languages add one table keyed the same way.
 */
import * as vscode from 'vscode';

const tables: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	en: {},
};

/** The translations for `language` (VS Code's display language by default); empty means English. */
export function panelStrings(language: string = vscode.env.language): Readonly<Record<string, string>> {
	return tables[language] ?? tables[language.split('-')[0] ?? ''] ?? {};
}
