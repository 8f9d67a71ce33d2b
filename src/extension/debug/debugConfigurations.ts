/**
 * Launch configurations without launch.json: F5 on a loss file resolves an empty configuration to the loss the user
 * means (under the cursor, else `loss`, else the only one; a Quick Pick when that leaves a choice; the error, and no
 * session, when the meant loss does not compile), and the Run and Debug
 * view's dynamic list offers one configuration per loss in the active file. After mock-debug's
 * `MockConfigurationProvider` and its dynamic provider in activateMockDebug.ts.
 */
import * as vscode from 'vscode';
import { chooseLoss, findLosses, type FoundLoss, type LossSite } from '../../engine/index';
import { localizedErrorText } from '../localizeMessage';
import { lossLanguageOf } from '../losses/lossLanguage';
import { cellContextOf } from '../losses/notebookCells';

export const debugType = 'downhill';

/** The `program` attribute for a document: its path for files, its URI otherwise (untitled editors). */
export function programOf(document: vscode.TextDocument): string {
	return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
}

/** The losses a document defines (none when Downhill does not read it or it does not parse). */
export function lossesIn(document: vscode.TextDocument): LossSite[] {
	return foundIn(document).flatMap((found) => (found.kind === 'loss' ? [found.site] : []));
}

function foundIn(document: vscode.TextDocument): FoundLoss[] {
	const language = lossLanguageOf(document);
	if (!language) return [];
	try {
		return findLosses(document.getText(), language, cellContextOf(document));
	} catch {
		return [];
	}
}

/** A launch of loss `site` in `document`. */
export function launchConfiguration(document: vscode.TextDocument, site: LossSite): vscode.DebugConfiguration {
	return {
		type: debugType,
		request: 'launch',
		name: vscode.l10n.t('Downhill: {0}', site.name),
		program: programOf(document),
		function: site.name,
		stopOnEntry: true,
	};
}

export class DownhillConfigurationProvider implements vscode.DebugConfigurationProvider {
	/** Fills in an empty configuration (F5 with no launch.json) or a missing `program` from the active editor. */
	async resolveDebugConfiguration(
		_folder: vscode.WorkspaceFolder | undefined,
		config: vscode.DebugConfiguration,
	): Promise<vscode.DebugConfiguration | undefined> {
		const editor = vscode.window.activeTextEditor;
		const isEmpty = !config.type && !config.request && !config.name;
		if (!isEmpty && config.program) return config;
		const site = editor ? await pickLoss(editor) : undefined;
		if (site === 'reported') return undefined;
		if (!editor || !site) {
			await vscode.window.showInformationMessage(vscode.l10n.t('Open a file with a loss function to step through it with Downhill.'));
			return undefined;
		}
		return isEmpty ? launchConfiguration(editor.document, site) : { ...config, program: programOf(editor.document), function: config.function ?? site.name };
	}
}

/** The dynamic configurations: one per loss of the active file. */
export const dynamicConfigurations: vscode.DebugConfigurationProvider = {
	provideDebugConfigurations(): vscode.DebugConfiguration[] {
		const document = vscode.window.activeTextEditor?.document;
		return document ? lossesIn(document).map((site) => launchConfiguration(document, site)) : [];
	},
};

/**
 * The loss the user means (`chooseLoss`: under the cursor, else `loss`, else the only one, failed ones included),
 * else the user's pick; `'reported'` when the meant loss does not compile (its error is shown, nothing starts);
 * undefined when there is none or they cancel.
 */
async function pickLoss(editor: vscode.TextEditor): Promise<LossSite | 'reported' | undefined> {
	const found = foundIn(editor.document).map((f) => ({ ...(f.kind === 'loss' ? f.site : f), found: f }));
	const cursor = editor.selection.active;
	const meant = chooseLoss(found, { at: { line: cursor.line + 1, column: cursor.character + 1 } })?.found;
	if (meant?.kind === 'error') {
		const where = vscode.l10n.t('line {0}, column {1}', meant.error.span.line, meant.error.span.column);
		void vscode.window.showErrorMessage(`Downhill: ${localizedErrorText(meant.error)} (${where})`);
		return 'reported';
	}
	if (meant) return meant.site;
	const sites = lossesIn(editor.document);
	if (sites.length <= 1) return sites[0];
	const items = sites.map((site) => ({ label: site.name, description: vscode.l10n.t('line {0}', site.span.line), site }));
	const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which loss should Downhill step through?') });
	return picked?.site;
}
