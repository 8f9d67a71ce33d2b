/**
 * `downhill.openExample`: opens one of the examples that ship inside the extension (`examples/<name>` under the
 * extension's own folder), so the walkthrough's first step works in any window, with or without a workspace.
 * Arguments (all optional): the file name (`"study-note.md"`), and `{ select }`, a piece of text to select in it
 * (the first occurrence), so that "Downhill: Start" right after starts on exactly that formula. Without a name it
 * asks with a QuickPick of the examples. Resolves to the opened document's URI string, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

export interface OpenExampleOptions {
	/** Text to select in the opened file, e.g. `y = (x - 1)^2 + 1`. */
	readonly select?: string;
}

/** Example files are plain names in `examples/`: no folders, no `..`. */
const exampleName = /^[\w-]+(\.[\w-]+)*$/;

/** The command's handler for the extension at `extensionUri` (registerCommands passes `ExtensionContext.extensionUri`). */
export function openExampleCommand(extensionUri: vscode.Uri) {
	return (_context: CommandContext, name?: unknown, options?: unknown) => openExample(extensionUri, name, options);
}

async function openExample(extensionUri: vscode.Uri, name: unknown, options: unknown): Promise<string | undefined> {
	const folder = vscode.Uri.joinPath(extensionUri, 'examples');
	const file = typeof name === 'string' && name !== '' ? name : await pickExample(folder);
	if (file === undefined) return undefined;
	if (!exampleName.test(file)) throw new Error(vscode.l10n.t('"{0}" is not the name of an example.', file));
	const uri = vscode.Uri.joinPath(folder, file);
	try {
		await vscode.workspace.fs.stat(uri);
	} catch {
		throw new Error(vscode.l10n.t('There is no example called "{0}".', file));
	}
	const editor = await vscode.window.showTextDocument(uri, { preview: false });
	const select = (options as OpenExampleOptions | undefined)?.select;
	if (typeof select === 'string' && select !== '') selectFirst(editor, select);
	return editor.document.uri.toString();
}

/** Selects the first occurrence of `text` and scrolls to it; leaves the cursor alone when it does not occur. */
function selectFirst(editor: vscode.TextEditor, text: string): void {
	const offset = editor.document.getText().indexOf(text);
	if (offset < 0) return;
	const range = new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
	editor.selection = new vscode.Selection(range.start, range.end);
	editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function pickExample(folder: vscode.Uri): Promise<string | undefined> {
	const entries = await vscode.workspace.fs.readDirectory(folder);
	const files = entries
		.filter(([file, type]) => type === vscode.FileType.File && exampleName.test(file))
		.map(([file]) => file)
		.sort((a, b) => Number(b.endsWith('.md')) - Number(a.endsWith('.md')) || a.localeCompare(b));
	const picked = await vscode.window.showQuickPick(files, {
		title: vscode.l10n.t('Downhill: Open Example'),
		placeHolder: vscode.l10n.t('A loss to step through'),
	});
	return picked;
}
