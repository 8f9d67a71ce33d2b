/**
 * Inline values while a Downhill debug session is stopped: the current point and loss at the end of the loss
 * function's definition line (`x = 4.2 · loss = 11.24`). Read from the same controller the adapter drives, so the
 * editor, the Variables view and the panel agree.
 */
import * as vscode from 'vscode';
import { formatNumber } from '../../engine/index';
import type { SessionManager } from '../session/sessionManager';
import { debugType } from './debugConfigurations';

export class DownhillInlineValues implements vscode.InlineValuesProvider {
	constructor(private readonly sessions: SessionManager) {}

	provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range): vscode.InlineValue[] {
		if (vscode.debug.activeDebugSession?.type !== debugType) return [];
		const controller = this.sessions.controllerFor(document.uri.toString());
		if (!controller) return [];
		const line = controller.origin.line - 1;
		if (line < viewPort.start.line || line > viewPort.end.line || line >= document.lineCount) return [];
		const snapshot = controller.session.snapshot();
		const point = controller.loss.params.map((name, i) => `${name} = ${formatNumber(snapshot.x[i]!)}`).join(', ');
		const end = document.lineAt(line).range.end;
		return [new vscode.InlineValueText(new vscode.Range(end, end), `${point} · loss = ${formatNumber(snapshot.loss)}`)];
	}
}
