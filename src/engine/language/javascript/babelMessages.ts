/**
 * Babel's syntax errors as engine messages. The parser writes its own English sentences; the common ones are
 * recognized here and rewritten as templates with the same English text, so a translation can find them. Any other
 * sentence stays as Babel wrote it (`verbatim`).
 */
import { msg, verbatim, type Message } from '../../message';

const known: readonly (readonly [RegExp, (...groups: string[]) => Message])[] = [
	[/^Unexpected token$/, () => msg`Unexpected token`],
	[/^Unexpected token, expected "(.+)"$/, (want) => msg`Unexpected token, expected "${want!}"`],
	[/^Missing semicolon\.$/, () => msg`Missing semicolon.`],
	[/^Unterminated string constant\.$/, () => msg`Unterminated string constant.`],
	[/^Unterminated template\.$/, () => msg`Unterminated template.`],
	[/^Unterminated comment\.$/, () => msg`Unterminated comment.`],
	[/^Unexpected reserved word '(.+)'\.$/, (word) => msg`Unexpected reserved word '${word!}'.`],
	[/^Unexpected keyword '(.+)'\.$/, (word) => msg`Unexpected keyword '${word!}'.`],
	[/^Identifier '(.+)' has already been declared\.$/, (name) => msg`Identifier '${name!}' has already been declared.`],
	[/^'return' outside of function\.$/, () => msg`'return' outside of function.`],
	[/^Invalid left-hand side in assignment expression\.$/, () => msg`Invalid left-hand side in assignment expression.`],
	[/^Missing initializer in const declaration\.$/, () => msg`Missing initializer in const declaration.`],
];

/** Babel's message (position already removed) as a message a translation can look up. */
export function babelMessage(text: string): Message {
	for (const [pattern, make] of known) {
		const match = pattern.exec(text);
		if (match) return make(...match.slice(1));
	}
	return verbatim(text);
}
