/**
 * The panel's strings for the webview: the key list and the English table live in src/shared/panelStrings.ts
 * (shared with the host, which sends translations in `snapshot.strings`); a key missing from the host's table
 * falls back to English here. Placeholders are `{name}` and are filled with `format`, never with HTML. A new
 * string goes into the protocol's English table (and the Korean table in src/extension/panel/panelStrings.ts).
 */
import { englishStrings, panelStringKeys, type PanelStringKey } from '../shared/panelStrings';

export { englishStrings };

export type StringKey = PanelStringKey;

/** The keys the host may translate. */
export const webviewStringKeys: readonly StringKey[] = panelStringKeys;

/** Looks strings up in the host's table, then in English. */
export class Strings {
	constructor(private readonly table: Readonly<Record<string, string>> = {}) {}

	get(key: StringKey, values?: Readonly<Record<string, string | number>>): string {
		const text = this.table[key] ?? englishStrings[key];
		return values ? format(text, values) : text;
	}
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function format(text: string, values: Readonly<Record<string, string | number>>): string {
	return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
