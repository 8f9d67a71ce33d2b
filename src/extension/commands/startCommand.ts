/**
 * `downhill.start`: starts a session and shows the panel. Arguments (all optional, so CodeLens and tests need no
 * UI): `{ uri, name, at, openPanel }`. Without them it takes the active editor: its selection if there is one, else
 * the loss under the cursor, else the one called `loss`, else the only one (failed candidates included), else asks
 * with a QuickPick. A loss that does not compile is reported with its position (a diagnostic too) and nothing
 * starts: another function of the file is never started in its place. A file Downhill
 * skipped (its size, or a listing past its budget) is analysed now, with a command's budget.
 */
import * as vscode from 'vscode';
import { isLossSyntaxError, type LossSite, type LossSyntaxError, type SourcePosition } from '../../engine/index';
import { rangeOfSpan } from '../losses/diagnostics';
import type { StartOptions } from '../session/sessionManager';
import { summarize, type CommandContext, type SessionSummary } from './commandContext';
import { localizedErrorText } from '../localizeMessage';

export interface StartArguments {
	/** The document (a URI string); default: the active editor's. */
	readonly uri?: string;
	/** Which loss; default: the selection, the loss under the cursor, or a QuickPick. */
	readonly name?: string;
	/** Where the loss is defined (1-based line and column), for blocks that share a name (CodeLens passes it). */
	readonly at?: SourcePosition;
	/** Show the panel (default true). */
	readonly openPanel?: boolean;
}

export async function startCommand(
	context: CommandContext,
	args: StartArguments = {},
): Promise<SessionSummary | undefined> {
	const editor = vscode.window.activeTextEditor;
	const document = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
	if (!document) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Open a file with a loss function (or select a formula), then run "Downhill: Start".'),
		);
		return undefined;
	}
	context.documents.analyse(document);
	const useEditor = editor !== undefined && editor.document === document && args.name === undefined;
	const options = useEditor ? await optionsFromEditor(context, editor) : { name: args.name, at: args.at };
	if (!options) return undefined;
	try {
		const controller = context.sessions.start(document, options);
		if (args.openPanel ?? true) context.showPanel();
		return summarize(controller);
	} catch (error) {
		if (!isLossSyntaxError(error)) throw error;
		void reportSyntaxError(document, error);
		return undefined;
	}
}

/** The selection, the loss under the cursor, the only loss, or the user's pick; undefined if the pick was cancelled. */
async function optionsFromEditor(
	context: CommandContext,
	editor: vscode.TextEditor,
): Promise<StartOptions | undefined> {
	if (!editor.selection.isEmpty) return { selection: editor.selection };
	const meant = await context.documents.meantAt(editor.document, editor.selection.active);
	if (meant) {
		const { name, span } = meant.kind === 'loss' ? meant.site : meant;
		return { name, at: { line: span.line, column: span.column } };
	}
	const sites = await context.documents.sitesIn(editor.document);
	if (sites.length === 0) return {};
	const picked = await pickSite(sites);
	return picked && { name: picked.name, at: { line: picked.span.line, column: picked.span.column } };
}

async function pickSite(sites: readonly LossSite[]): Promise<LossSite | undefined> {
	const items = sites.map((site) => ({
		label: site.name,
		description: `(${site.params.join(', ')})`,
		detail: vscode.l10n.t('line {0}', site.span.line),
		site,
	}));
	const picked = await vscode.window.showQuickPick(items, {
		title: vscode.l10n.t('Which loss?'),
		placeHolder: vscode.l10n.t('Pick the loss to step through'),
	});
	return picked?.site;
}

/** Shows the error with its position; "Show" selects the offending range. */
async function reportSyntaxError(document: vscode.TextDocument, error: LossSyntaxError): Promise<void> {
	const range = rangeOfSpan(error.span);
	const where = vscode.l10n.t('line {0}, column {1}', range.start.line + 1, range.start.character + 1);
	const show = vscode.l10n.t('Show');
	const answer = await vscode.window.showErrorMessage(`Downhill: ${localizedErrorText(error)} (${where})`, show);
	if (answer !== show) return;
	const editor = await vscode.window.showTextDocument(document);
	editor.selection = new vscode.Selection(range.start, range.end);
	editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
