/**
 * A click on a node of the panel's Graph view: shows the line of the loss that computes it in the editor, beside the
 * panel. Lines are the loss's own (they count from a selection's start when the loss is a compiled selection).
 */
import * as vscode from 'vscode';
import { inDocument } from '../debug/debugLocation';
import type { SessionController } from '../session/sessionController';

/** Opens the loss's document at `line` (1-based, of the loss's own source) and selects that line. */
export async function revealLossLine(controller: SessionController, line: number): Promise<void> {
	const at = inDocument(controller.origin, line, 1).line - 1;
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(controller.origin.uri));
	const last = Math.min(Math.max(at, 0), document.lineCount - 1);
	const range = document.lineAt(last).range;
	await vscode.window.showTextDocument(document, { selection: range, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}
