/**
 * Hovers in loss files: over a loss's name, its value and gradient at the live session's current point (or at the
 * start point when no session runs on it); over one of its parameters inside the definition, the partial
 * derivative there. Losses come from `LossDocuments`, points from the `SessionManager`.
 */
import * as vscode from 'vscode';
import type { Loss } from '../../engine/compileLoss';
import type { LossSite } from '../../engine/language/frontEnd';
import { resolveSessionSettings } from '../../engine/session/sessionSettings';
import { rangeOfSpan } from '../losses/diagnostics';
import type { LossDocuments } from '../losses/lossDocuments';
import type { SessionManager } from '../session/sessionManager';
import { readSettings } from '../settings';
import { evaluateAt, lossHover, parameterHover, type PointEvaluation } from './hoverContent';

export class LossHoverProvider implements vscode.HoverProvider {
	constructor(
		private readonly documents: LossDocuments,
		private readonly sessions: SessionManager,
	) {}

	provideHover(
		document: vscode.TextDocument,
		position: vscode.Position,
		_token: vscode.CancellationToken,
	): vscode.Hover | undefined {
		const sites = this.documents.sitesIn(document);
		const named = sites.find((site) => rangeOfSpan(site.nameSpan).contains(position));
		if (named) {
			const evaluation = this.evaluate(document, named);
			return evaluation && new vscode.Hover(lossHover(evaluation), rangeOfSpan(named.nameSpan));
		}
		const word = document.getWordRangeAtPosition(position, /[\p{L}_$][\p{L}\p{N}_$]*/u);
		if (!word) return undefined;
		const name = document.getText(word);
		const site = sites.find((s) => rangeOfSpan(s.span).contains(position) && s.params.includes(name));
		if (!site) return undefined;
		const evaluation = this.evaluate(document, site);
		return evaluation && new vscode.Hover(parameterHover(evaluation, name), word);
	}

	/** The loss at the live session's point, else at its start point; undefined when it does not compile. */
	private evaluate(document: vscode.TextDocument, site: LossSite): PointEvaluation | undefined {
		const controller = this.sessions.controllerFor(document.uri.toString(), site.name);
		if (controller && !controller.origin.selection) {
			const { x, step } = controller.session.snapshot();
			return evaluateAt(controller.loss, x, controller.session.settings.gradientSource, step);
		}
		let loss: Loss;
		try {
			loss = this.documents.compile(document, site.name, { line: site.span.line, column: site.span.column });
		} catch {
			return undefined;
		}
		const { gradientSource } = resolveSessionSettings(readSettings(document.uri).session);
		return evaluateAt(loss, loss.start, gradientSource, undefined);
	}
}
