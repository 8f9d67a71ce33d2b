/**
 * The context keys `when` clauses test: `downhill.sessionActive` (a session is active) and `downhill.running` (it is
 * in a continue). They gate the palette commands and the panel's keybindings in package.json.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { SessionManager } from '../session/sessionManager';

export class ContextKeys extends Disposable {
	private sessionActive: boolean | undefined;
	private running: boolean | undefined;

	constructor(private readonly sessions: SessionManager) {
		super();
		this._register(sessions.onDidChangeActive(() => this.update()));
		this._register(sessions.onDidChangeActiveSession(() => this.update()));
		this.update();
	}

	private update(): void {
		const controller = this.sessions.active;
		this.set('downhill.sessionActive', controller !== undefined, this.sessionActive, (v) => (this.sessionActive = v));
		this.set('downhill.running', controller?.running ?? false, this.running, (v) => (this.running = v));
	}

	private set(key: string, value: boolean, previous: boolean | undefined, remember: (value: boolean) => void): void {
		if (value === previous) return;
		remember(value);
		void vscode.commands.executeCommand('setContext', key, value);
	}
}
