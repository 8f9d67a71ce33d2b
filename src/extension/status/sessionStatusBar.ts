/**
 * The status bar item while a session lives, `$(debug-step-over) step 12 · L 0.0123 · ‖∇‖ 0.456`; a click
 * reveals the panel. Hidden when no session is active. Redrawn at most ten times a second during continue.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { formatCompact } from '../formatCompact';
import type { SessionController } from '../session/sessionController';
import type { SessionManager } from '../session/sessionManager';
import { stopText } from '../stopText';

const redrawMs = 100;

/** The item's text for a session at its current point. */
export function statusText(controller: SessionController): string {
	const session = controller.session;
	const k = session.position;
	const icon = controller.running ? '$(loading~spin)' : '$(debug-step-over)';
	const loss = formatCompact(session.history.loss(k));
	const gradientNorm = formatCompact(session.history.gradientNorm(k));
	return `${icon} ${vscode.l10n.t('step {0}', k)} · L ${loss} · ‖∇‖ ${gradientNorm}`;
}

export class SessionStatusBar extends Disposable {
	private readonly item = this._register(
		vscode.window.createStatusBarItem('downhill.session', vscode.StatusBarAlignment.Left, 10),
	);
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly sessions: SessionManager) {
		super();
		this.item.name = vscode.l10n.t('Downhill Session');
		this.item.command = 'downhill.openPanel';
		this._register(sessions.onDidChangeActive(() => this.redraw()));
		this._register(
			sessions.onDidChangeActiveSession((change) =>
				change.kind === 'progress' ? this.scheduleRedraw() : this.redraw(),
			),
		);
		this._register({ dispose: () => clearTimeout(this.timer) });
		this.redraw();
	}

	/** The item's current text (for tests). */
	get text(): string | undefined {
		return this.sessions.active ? this.item.text : undefined;
	}

	private scheduleRedraw(): void {
		this.timer ??= setTimeout(() => this.redraw(), redrawMs);
	}

	private redraw(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		const controller = this.sessions.active;
		if (!controller) return this.item.hide();
		this.item.text = statusText(controller);
		const stop = stopText(controller.session.lastStop);
		this.item.tooltip = `${controller.loss.name} — ${stop}\n${vscode.l10n.t('Click to show the Downhill panel')}`;
		this.item.show();
	}
}
