/**
 * CodeLens above each recognized loss: `▶ Step through` (start a session and show the panel), `Check gradient`
 * (autodiff against finite differences at the start point) and the loss at its start point, `L(start) = 17`.
 *
 * To keep ordinary code quiet, a file that names any candidate like a loss (`reportedErrors.ts`: loss, cost,
 * objective, L, J, ...) gets lenses only on those; a file with none (a note of formulas, a file of `f(x)`s) gets
 * them on every loss found. `downhill.codeLens: false` turns them off.
 */
import * as vscode from 'vscode';
import { formatNumber } from '../../engine/expression/formatNumber';
import type { SourcePosition } from '../../engine/language/chooseLoss';
import type { LossSite } from '../../engine/language/frontEnd';
import { Disposable } from '../dispose';
import { rangeOfSpan } from '../losses/diagnostics';
import type { LossDocuments } from '../losses/lossDocuments';
import { isLossLikeName } from '../losses/reportedErrors';
import { readSettings } from '../settings';

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

	constructor(private readonly documents: LossDocuments) {
		super();
		this._register(documents.onDidChange(() => this._onDidChangeCodeLenses.fire()));
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (event.affectsConfiguration('downhill.codeLens')) this._onDidChangeCodeLenses.fire();
			}),
		);
	}

	provideCodeLenses(document: vscode.TextDocument, _token: vscode.CancellationToken): vscode.CodeLens[] {
		if (!readSettings(document.uri).view.codeLens) return [];
		return lensSites(this.documents.sitesIn(document)).flatMap((site) => this.lensesFor(document, site));
	}

	private lensesFor(document: vscode.TextDocument, site: LossSite): vscode.CodeLens[] {
		const range = rangeOfSpan(site.span).with({ end: rangeOfSpan(site.span).start });
		const at = { line: site.span.line, column: site.span.column };
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
		const value = this.startValue(document, site.name, at);
		if (value !== undefined) lenses.push(new vscode.CodeLens(range, { title: value, command: '' }));
		return lenses;
	}

	/** `L(start) = 17`, or undefined when the loss does not compile. */
	private startValue(document: vscode.TextDocument, name: string, at: SourcePosition): string | undefined {
		try {
			const loss = this.documents.compile(document, name, at);
			return `L(start) = ${formatNumber(loss.value(loss.start))}`;
		} catch {
			return undefined;
		}
	}
}

/** The sites that get lenses: the loss-like ones when there are any, else all. */
export function lensSites(sites: readonly LossSite[]): LossSite[] {
	const lossLike = sites.filter((site) => isLossLikeName(site.name));
	return lossLike.length > 0 ? lossLike : [...sites];
}
