/**
 * Hovers in loss files: over a loss's name, its value and gradient at the live session's current point (or at the
 * start point when no session runs on it); over one of its parameters inside the definition, the partial
 * derivative there. Losses come from `LossDocuments`, points from the `SessionManager`; the numbers are computed in
 * the engine's worker within the hover's budget (past it, the hover says so), and a hover VS Code cancels cancels
 * its request.
 */
import * as vscode from 'vscode';
import { type LossSite, resolveSessionSettings } from '../../engine/index';
import { rangeOfSpan } from '../losses/diagnostics';
import type { LossDocuments } from '../losses/lossDocuments';
import type { SessionManager } from '../session/sessionManager';
import { readSettings } from '../settings';
import { hoverBudgetMs } from '../worker/budgets';
import { EngineRequestError } from '../worker/engineClient';
import { abortSignalOf } from '../worker/abortSignalOf';
import { requestProblemText } from '../worker/requestProblemText';
import { lossHover, parameterHover, type PointEvaluation } from './hoverContent';

export class LossHoverProvider implements vscode.HoverProvider {
	constructor(
		private readonly documents: LossDocuments,
		private readonly sessions: SessionManager,
	) {}

	async provideHover(
		document: vscode.TextDocument,
		position: vscode.Position,
		token: vscode.CancellationToken,
	): Promise<vscode.Hover | undefined> {
		const sites = await this.documents.sitesIn(document);
		const named = sites.find((site) => rangeOfSpan(site.nameSpan).contains(position));
		const word = named ? undefined : document.getWordRangeAtPosition(position, /[\p{L}_$][\p{L}\p{N}_$]*/u);
		const name = word && document.getText(word);
		const site = named ?? sites.find((s) => rangeOfSpan(s.span).contains(position) && name !== undefined && s.params.includes(name));
		if (!site) return undefined;
		const range = named ? rangeOfSpan(named.nameSpan) : word!;
		try {
			const evaluation = await this.evaluate(document, site, token);
			if (!evaluation) return undefined;
			return new vscode.Hover(named ? lossHover(evaluation) : parameterHover(evaluation, name!), range);
		} catch (error) {
			if (!(error instanceof EngineRequestError) || error.reason === 'cancelled') return undefined;
			return new vscode.Hover(requestProblemText(site.name, error), range);
		}
	}

	/** The loss at the live session's point, else at its start point; undefined when it does not compile. */
	private async evaluate(
		document: vscode.TextDocument,
		site: LossSite,
		token: vscode.CancellationToken,
	): Promise<PointEvaluation | undefined> {
		const text = this.documents.textOf(document);
		if (!text) return undefined;
		const controller = this.sessions.controllerFor(text.uri, site.name);
		const live = controller && !controller.origin.selection ? controller : undefined;
		const snapshot = live?.session.snapshot();
		const source = live?.session.settings.gradientSource ?? resolveSessionSettings(readSettings(document.uri).session).gradientSource;
		const x = snapshot && Array.from(snapshot.x);
		const options = { budgetMs: hoverBudgetMs, signal: abortSignalOf(token) };
		try {
			const at = { line: site.span.line, column: site.span.column };
			const { loss, check, curvature } = await this.documents.engine.request('evaluate', { document: text, name: site.name, at, x }, options);
			return { loss, check, source, step: snapshot?.step, ...(curvature ? { curvature } : {}) };
		} catch (error) {
			if (error instanceof EngineRequestError) throw error;
			return undefined;
		}
	}
}
