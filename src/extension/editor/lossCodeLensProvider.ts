/**
 * CodeLens above each recognized loss: `▶ Step through` (start a session and show the panel), `Check gradient`
 * (autodiff against finite differences at the start point) and the loss at its start point, `L(start) = 17`.
 *
 * The first two show as soon as the engine's worker has listed the file; `L(start)` is filled in when it arrives
 * within its budget, and says so when it did not. A file over the size limit, or whose listing ran past its budget,
 * gets one lens that says it was skipped and starts it on request.
 *
 * Which losses get lenses, so that ordinary code stays quiet, is `lensSites.ts`'s rule. `downhill.codeLens: false`
 * turns them off.
 */
import * as vscode from 'vscode';
import { formatNumber, type LossSite, type SourcePosition } from '../../engine/index';
import { Disposable } from '../dispose';
import { rangeOfSpan } from '../losses/diagnostics';
import { isMathFile, type ListingState, type LossDocuments } from '../losses/lossDocuments';
import { lensSites, mentionsDownhill } from './lensSites';
import type { StartValue, StartValues } from '../losses/startValues';
import { readSettings } from '../settings';
import { analysedLengthLimit, startValueGraceMs } from '../worker/budgets';
import { requestProblemText } from '../worker/requestProblemText';

/** Arguments the lenses pass to `downhill.start` and `downhill.checkGradient`. */
export interface LossTarget {
	readonly uri: string;
	readonly name: string;
	/** Where the loss is defined, so that the lens compiles its own block when several share the name. */
	readonly at: SourcePosition;
}

export class LossCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
	private readonly _onDidChangeCodeLenses = this._register(new vscode.EventEmitter<void>());
	readonly onDidChangeCodeLenses = this._onDidChangeCodeLenses.event;

	constructor(
		private readonly documents: LossDocuments,
		private readonly values: StartValues,
	) {
		super();
		this._register(documents.onDidChange(() => this._onDidChangeCodeLenses.fire()));
		this._register(values.onDidResolve(() => this._onDidChangeCodeLenses.fire()));
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (event.affectsConfiguration('downhill.codeLens')) this._onDidChangeCodeLenses.fire();
			}),
		);
	}

	async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
		if (!readSettings(document.uri).view.codeLens) return [];
		const state = await this.documents.listing(document);
		if (token.isCancellationRequested) return [];
		if (state.kind !== 'listed') return [skippedLens(document, state)];
		const found = state.found.flatMap((f) => (f.kind === 'loss' ? [f.site] : []));
		const sites = lensSites(found, {
			formulas: isMathFile(document) || found.some((site) => site.language === 'markdown' || site.language === 'latex'),
			mentionsDownhill: mentionsDownhill(document.getText()),
			requested: this.documents.requestedIn(document),
		});
		const requests = sites.map((site) => this.values.request(document, site.name, positionOf(site)));
		await Promise.race([Promise.all(requests), new Promise((resolve) => setTimeout(resolve, startValueGraceMs))]);
		return sites.flatMap((site) => this.lensesFor(document, site));
	}

	private lensesFor(document: vscode.TextDocument, site: LossSite): vscode.CodeLens[] {
		const range = rangeOfSpan(site.span).with({ end: rangeOfSpan(site.span).start });
		const at = positionOf(site);
		const target: LossTarget = { uri: document.uri.toString(), name: site.name, at };
		const lenses = [
			new vscode.CodeLens(range, {
				title: vscode.l10n.t('▶ Step through'),
				command: 'downhill.start',
				arguments: [{ ...target, openPanel: true }],
			}),
			new vscode.CodeLens(range, {
				title: vscode.l10n.t('Check gradient'),
				command: 'downhill.checkGradient',
				arguments: [target],
			}),
		];
		const title = startValueTitle(this.values.peek(document, site.name, at));
		if (title !== undefined) lenses.push(new vscode.CodeLens(range, { title, command: '' }));
		return lenses;
	}
}

/** `L(start) = 17`, pending, past its budget, or nothing when the loss does not compile. */
function startValueTitle(value: StartValue | undefined): string | undefined {
	switch (value?.kind) {
		case undefined:
			return vscode.l10n.t('L(start) …');
		case 'value':
			return `L(start) = ${formatNumber(value.value)}`;
		case 'error':
			return undefined;
		case 'failed':
			return requestProblemText('L(start)', value.error);
	}
}

/** The one lens of a file Downhill did not analyse: why, and `downhill.start` to analyse it anyway. */
function skippedLens(document: vscode.TextDocument, state: Exclude<ListingState, { kind: 'listed' }>): vscode.CodeLens {
	const title =
		state.kind === 'skipped'
			? vscode.l10n.t('Downhill skipped this file (over {0} MB): ▶ Analyse and step through', analysedLengthLimit / 1e6)
			: `Downhill: ${requestProblemText(vscode.l10n.t('Finding losses'), state.reason)}. ${vscode.l10n.t('▶ Try again and step through')}`;
	const start = new vscode.Position(0, 0);
	return new vscode.CodeLens(new vscode.Range(start, start), {
		title,
		command: 'downhill.start',
		arguments: [{ uri: document.uri.toString() }],
	});
}

/** Where a site's definition starts: tells apart blocks that share a name. */
function positionOf(site: LossSite): SourcePosition {
	return { line: site.span.line, column: site.span.column };
}
