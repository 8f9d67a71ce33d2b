/**
 * Messages the engine shows a user, kept as a template and its arguments so a front end can translate them.
 *
 * The engine is English and knows nothing of VS Code: `` msg`'${name}' is not declared` `` records the template
 * `'{0}' is not declared` with the argument `name`, and formats its English text at once (what `Error.message`, the
 * CLI and the tests read). The extension looks the template up in the display language's bundle (`vscode.l10n.t`
 * takes the English template as its key and fills `{0}`, `{1}`, ...), translating nested messages first. Arguments
 * that are English words must themselves be messages; names, numbers and code stay plain.
 */

/** One argument of a message: code or a number (shown as written), or a phrase that is translated in turn. */
export type MessageArgument = string | number | Message;

/** A user-facing sentence: its English template with `{0}`, `{1}`, ... placeholders, and what fills them. */
export interface Message {
	/** The English template, the key translations are looked up by. */
	readonly template: string;
	readonly args: readonly MessageArgument[];
	/** True for text from outside the engine (a parser library's own message), shown as it is in every language. */
	readonly verbatim?: boolean;
}

/** Looks a template up and fills its placeholders with the (already translated) arguments. */
export type TemplateTranslator = (template: string, args: readonly (string | number)[]) => string;

/** Tags a template literal as a message: `` msg`index ${i} is out of range` ``. */
export function msg(strings: TemplateStringsArray, ...args: MessageArgument[]): Message {
	let template = strings[0]!;
	for (let i = 0; i < args.length; i++) template += `{${i}}${strings[i + 1]!}`;
	return { template, args };
}

/** Text the engine cannot translate (a parser library's own words), carried as a message that reads the same. */
export function verbatim(text: string): Message {
	return { template: text, args: [], verbatim: true };
}

/** True for a `Message` (as opposed to a plain string or number argument). */
export function isMessage(value: unknown): value is Message {
	return typeof value === 'object' && value !== null && typeof (value as Message).template === 'string';
}

/** Fills `{0}`, `{1}`, ... of a template; a placeholder without an argument stays as written. */
export function fillTemplate(template: string, args: readonly (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (match, index: string) => {
		const value = args[Number(index)];
		return value === undefined ? match : String(value);
	});
}

/** The text of a message: English by default, or through `translate` (nested messages first). */
export function formatMessage(message: Message, translate: TemplateTranslator = fillTemplate): string {
	if (message.verbatim) return message.template;
	const args = message.args.map((arg) => (isMessage(arg) ? formatMessage(arg, translate) : arg));
	return translate(message.template, args);
}

/** Every message nested in `message`, itself first: the templates a translation needs. */
export function messageTemplates(message: Message): string[] {
	if (message.verbatim) return [];
	return [message.template, ...message.args.flatMap((arg) => (isMessage(arg) ? messageTemplates(arg) : []))];
}
