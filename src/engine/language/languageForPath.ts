/**
 * Which front end reads a file, from its extension (the CLI's default, and the extension's for untitled files).
 */
import type { LanguageId } from './frontEnd';

const byExtension: ReadonlyMap<string, LanguageId> = new Map([
	['js', 'javascript'],
	['mjs', 'javascript'],
	['cjs', 'javascript'],
	['jsx', 'javascript'],
	['ts', 'typescript'],
	['mts', 'typescript'],
	['cts', 'typescript'],
	['tsx', 'typescript'],
	['py', 'python'],
	['math', 'math'],
	['txt', 'math'],
	['md', 'markdown'],
	['markdown', 'markdown'],
	['tex', 'latex'],
]);

/** The language of a path by its extension, or undefined when unknown. */
export function languageForPath(path: string): LanguageId | undefined {
	const dot = path.lastIndexOf('.');
	if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
	return byExtension.get(path.slice(dot + 1).toLowerCase());
}

/** The language of a VS Code language id (`typescriptreact` reads as TypeScript, `plaintext` as math). */
export function languageForEditorLanguage(languageId: string): LanguageId | undefined {
	const map: ReadonlyMap<string, LanguageId> = new Map([
		['javascript', 'javascript'],
		['javascriptreact', 'javascript'],
		['typescript', 'typescript'],
		['typescriptreact', 'typescript'],
		['python', 'python'],
		['markdown', 'markdown'],
		['latex', 'latex'],
		['tex', 'latex'],
		['plaintext', 'math'],
	]);
	return map.get(languageId);
}
