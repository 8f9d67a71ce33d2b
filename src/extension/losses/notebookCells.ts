/**
 * Notebook cells as the engine reads them: a Python code cell with the Python code cells around it, a Markdown cell
 * with the Markdown cells around it (`CellContext`, engine `cellLayout.ts`), and one analysis version per cell that
 * moves on whenever the cell or any cell of its kind in the notebook changes, so the worker's caches, the listings
 * and the start values of the cells below an edited cell are renewed. Analysis itself runs in the worker.
 */
import * as vscode from 'vscode';
import type { CellContext, CellText } from '../../engine/index';

/** The scheme of a notebook cell's text document. */
export const cellScheme = 'vscode-notebook-cell';

/** The notebook that holds `document` as a cell, and the cell's index there. */
export function notebookOf(document: vscode.TextDocument): { notebook: vscode.NotebookDocument; index: number } | undefined {
	if (document.uri.scheme !== cellScheme) return undefined;
	for (const notebook of vscode.workspace.notebookDocuments) {
		const index = notebook.getCells().findIndex((cell) => cell.document === document);
		if (index >= 0) return { notebook, index };
	}
	return undefined;
}

/** The cells `cell` reads with: code cells of the same language for code, Markdown cells for Markdown. */
export function sameKindCells(notebook: vscode.NotebookDocument, cell: vscode.NotebookCell): vscode.NotebookCell[] {
	return notebook.getCells().filter((other) => other.kind === cell.kind && other.document.languageId === cell.document.languageId);
}

/** The cells around `document` when it is a notebook cell, else undefined. */
export function cellContextOf(document: vscode.TextDocument): CellContext | undefined {
	const found = notebookOf(document);
	if (!found) return undefined;
	const { notebook, index } = found;
	const cells = sameKindCells(notebook, notebook.cellAt(index));
	const text = (cell: vscode.NotebookCell): CellText => ({ index: cell.index, text: cell.document.getText() });
	return {
		index,
		above: cells.filter((cell) => cell.index < index).map(text),
		below: cells.filter((cell) => cell.index > index).map(text),
	};
}

/** The URIs of a notebook's cells by index (a notebook loss's frames may stand in a cell above the loss). */
export function cellUris(document: vscode.TextDocument): readonly string[] | undefined {
	return notebookOf(document)?.notebook.getCells().map((cell) => cell.document.uri.toString());
}

/**
 * Per cell, a version that counts changes of the cell and of the cells it reads with: the text document's own
 * version for any other document.
 */
export class CellVersions {
	private readonly stamps = new Map<string, { readonly stamp: string; readonly version: number }>();

	/** The analysis version of `document` with `context` (the document's own version when it is no notebook cell). */
	versionOf(document: vscode.TextDocument, context: CellContext | undefined): number {
		if (document.uri.scheme !== cellScheme) return document.version;
		const key = document.uri.toString();
		const texts = context ? [...context.above, ...context.below].map((cell) => `${cell.index}\u0000${cell.text}`) : [];
		const stamp = [context?.index ?? 'alone', document.version, ...texts].join('\u0001');
		const known = this.stamps.get(key);
		if (known?.stamp === stamp) return known.version;
		const version = (known?.version ?? 0) + 1;
		this.stamps.set(key, { stamp, version });
		return version;
	}

	forget(uri: string): void {
		this.stamps.delete(uri);
	}
}

/** The other cells of `document`'s notebook that read it (the cells of its kind below it; all of them for `all`). */
export function cellsReading(document: vscode.TextDocument, all = false): vscode.TextDocument[] {
	const found = notebookOf(document);
	if (!found) return [];
	const cells = sameKindCells(found.notebook, found.notebook.cellAt(found.index));
	return cells.filter((cell) => (all ? cell.index !== found.index : cell.index > found.index)).map((cell) => cell.document);
}
