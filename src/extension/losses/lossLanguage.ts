/**
 * Which engine front end reads a VS Code document: by the editor's language id, except that plain text and
 * unknown ids fall back to the file's extension (a `.tex` file opened without a LaTeX extension is plain text to
 * VS Code but LaTeX to Downhill). Also the document selector the hover and CodeLens providers register for.
 */
import type * as vscode from 'vscode';
import { languageForEditorLanguage, languageForPath, type LanguageId } from '../../engine/index';

/** The language id this extension contributes for `.math` files. */
export const mathLanguageId = 'downhill-math';

/** Editor language ids Downhill reads. */
export const editorLanguageIds: readonly string[] = [
	'javascript',
	'javascriptreact',
	'typescript',
	'typescriptreact',
	'python',
	'markdown',
	'latex',
	'tex',
	'plaintext',
	mathLanguageId,
];

/** The document selector for hover and CodeLens: every language above, whatever the scheme. */
export const lossDocumentSelector: vscode.DocumentSelector = editorLanguageIds.map((language) => ({ language }));

/** The front end for `document`, or undefined when Downhill does not read it. */
export function lossLanguageOf(document: Pick<vscode.TextDocument, 'languageId' | 'uri'>): LanguageId | undefined {
	if (document.languageId === mathLanguageId) return 'math';
	if (!editorLanguageIds.includes(document.languageId)) return undefined;
	if (document.languageId !== 'plaintext') return languageForEditorLanguage(document.languageId);
	return languageForPath(document.uri.path) ?? 'math';
}

/** True for the languages whose losses are functions (a selection inside one starts that function). */
export function isProgramLanguage(language: LanguageId): boolean {
	return language === 'javascript' || language === 'typescript' || language === 'python';
}
