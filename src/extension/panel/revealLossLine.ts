/**
 * A click on a node of the panel's Graph view: shows the line of the loss that computes it in the editor, beside the
 * panel. Lines are the loss's own (they count from a selection's start when the loss is a compiled selection, and in
 * the joined cells for a notebook cell's loss).
 */
import * as vscode from 'vscode';
import { documentAt, inDocument } from '../debug/debugLocation';
import type { SessionController } from '../session/sessionController';

/** Opens the loss's document at `line` (1-based, of the loss's own source) and selects that line. */
export async function revealLossLine(controller: SessionController, line: number): Promise<void> {
	const at = inDocument(controller.origin, line, 1).line - 1;
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(documentAt(controller.origin, line)));
	const last = Math.min(Math.max(at, 0), document.lineCount - 1);
	const range = document.lineAt(last).range;
	await vscode.window.showTextDocument(document, { selection: range, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}
