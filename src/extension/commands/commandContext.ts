/**
 * What every command handler gets, and the small helpers they share: the active session (or a hint when there is
 * none) and the plain summary commands return, so tests and other extensions can read the outcome of
 * `executeCommand` without reaching into the session.
 */
import * as vscode from 'vscode';
import type { RestartsResult, StopKind } from '../../engine/index';
import type { LossDocuments } from '../losses/lossDocuments';
import type { SessionController } from '../session/sessionController';
import type { SessionManager } from '../session/sessionManager';
import { plainPoint, type PlainPoint } from '../session/plainPoint';
import { stopText } from '../stopText';

export interface CommandContext {
	readonly sessions: SessionManager;
	readonly documents: LossDocuments;
	readonly log: vscode.LogOutputChannel;
	/** Shows the panel beside the editor. */
	showPanel(): void;
	/** Draws random restarts on the open panel, if it shows `controller`. */
	showRestarts(controller: SessionController, result: RestartsResult): void;
	/** The open panel's plot as a PNG data URL; undefined when no panel is open. */
	panelImage(): Promise<string> | undefined;
}

/** A session's current point, as commands return it. */
export interface SessionSummary extends PlainPoint {
	readonly name: string;
	readonly uri: string;
	readonly params: readonly string[];
	readonly optimizer: string;
	readonly running: boolean;
	readonly stop: { readonly kind: StopKind; readonly message: string };
}

export function summarize(controller: SessionController): SessionSummary {
	const snapshot = controller.session.snapshot();
	return {
		name: controller.loss.name,
		uri: controller.origin.uri,
		params: controller.loss.params,
		...plainPoint(snapshot),
		optimizer: snapshot.optimizer.name,
		running: controller.running,
		stop: { kind: snapshot.lastStop.kind, message: stopText(snapshot.lastStop) },
	};
}

/** The active session, or undefined after telling the user how to start one. */
export function activeOrHint(context: CommandContext): SessionController | undefined {
	const controller = context.sessions.active;
	if (!controller)
		void vscode.window.showInformationMessage(
			vscode.l10n.t('No Downhill session. Run "Downhill: Start" on a loss first.'),
		);
	return controller;
}
