/**
 * User text (loss and parameter names) inside hover Markdown: every character Markdown or HTML could read as
 * syntax is escaped, so a name like `w_1*` shows as written and never as formatting or a link.
 */

/** `text` with Markdown and HTML metacharacters backslash-escaped. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`);
}
