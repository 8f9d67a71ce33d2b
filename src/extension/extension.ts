/**
 * The composition root of the VS Code layer: creates the long-lived parts (loss documents with their diagnostics,
 * the session manager, status bar, context keys, the panel's serializer) and registers hover, CodeLens and commands,
 * every one owned by `context.subscriptions`. The debugger (src/extension/debug) is wired in by its own
 * `activateDebug`, which receives the same `SessionManager`. Returns the manager as the extension's API.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { activateDebug } from './debug/activateDebug';
import { LossCodeLensProvider } from './editor/lossCodeLensProvider';
import { LossHoverProvider } from './editor/lossHoverProvider';
import { LossDocuments } from './losses/lossDocuments';
import { lossDocumentSelector } from './losses/lossLanguage';
import { StartValues } from './losses/startValues';
import { DownhillPanel, type PanelDependencies } from './panel/downhillPanel';
import { isSavedSession, restoreSession, savedRuns, savedSessionKey } from './panel/savedSession';
import { SessionManager } from './session/sessionManager';
import { ContextKeys } from './status/contextKeys';
import { SessionStatusBar } from './status/sessionStatusBar';
import { EngineClient, type RestartEvent } from './worker/engineClient';
import { engineTransport } from './worker/nodeEngineTransport';

/** What `activate` returns: `vscode.extensions.getExtension('downhill.downhill').exports`. */
export interface DownhillApi {
	readonly sessions: SessionManager;
	readonly statusBar: SessionStatusBar;
	/** The open panel, if any. */
	readonly panel: DownhillPanel | undefined;
}

export function activate(context: vscode.ExtensionContext): DownhillApi {
	const log = own(context, vscode.window.createOutputChannel('Downhill', { log: true }));
	const engine = own(context, new EngineClient(engineTransport(context.extensionUri), (event) => reportRestart(log, event)));
	const documents = own(context, new LossDocuments(engine, context.workspaceState, [vscode.Uri.joinPath(context.extensionUri, 'examples')]));
	const startValues = own(context, new StartValues(documents));
	const sessions = own(context, new SessionManager(documents));
	const statusBar = own(context, new SessionStatusBar(sessions));
	const panel: PanelDependencies = {
		extensionUri: context.extensionUri,
		sessions,
		log,
		workspaceState: context.workspaceState,
	};
	const serializer = { deserializeWebviewPanel: (webview: vscode.WebviewPanel) => revivePanel(webview, panel) };
	context.subscriptions.push(
		new ContextKeys(sessions),
		sessions.onDidReportProblems((problems) => reportProblems(log, problems)),
		{ dispose: () => DownhillPanel.current?.dispose() },
		vscode.window.registerWebviewPanelSerializer(DownhillPanel.viewType, serializer),
		vscode.languages.registerHoverProvider(lossDocumentSelector, new LossHoverProvider(documents, sessions)),
		vscode.languages.registerCodeLensProvider(lossDocumentSelector, own(context, new LossCodeLensProvider(documents, startValues))),
	);
	registerCommands(context, {
		sessions,
		documents,
		log,
		showPanel: () => DownhillPanel.show(panel),
		showRestarts: (controller, result) => DownhillPanel.current?.showRestarts(controller, result),
		panelImage: () => DownhillPanel.current?.requestImage(),
	});
	activateDebug(context, sessions, DownhillPanel.passGraphListener(panel));
	return {
		sessions,
		statusBar,
		get panel() {
			return DownhillPanel.current;
		},
	};
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}

function own<T extends vscode.Disposable>(context: vscode.ExtensionContext, disposable: T): T {
	context.subscriptions.push(disposable);
	return disposable;
}

/** After a reload: recompiles the saved session (if it is not live already), then takes the panel over. */
async function revivePanel(panel: vscode.WebviewPanel, dependencies: PanelDependencies): Promise<void> {
	const saved = dependencies.workspaceState.get<unknown>(savedSessionKey);
	if (isSavedSession(saved) && !dependencies.sessions.controllerFor(saved.uri, saved.name)) {
		try {
			await restoreSession(dependencies.sessions, saved);
		} catch (error) {
			dependencies.log.warn(`Could not restore the panel's session on ${saved.name}: ${(error as Error).message}`);
		}
	}
	const active = dependencies.sessions.active;
	const sameSession = isSavedSession(saved) && active?.origin.uri === saved.uri && active.loss.name === saved.name;
	DownhillPanel.revive(panel, dependencies, sameSession ? savedRuns(saved) : []);
}

/** A worker that died is worth one message; one that ran past a budget is reported where the value would be. */
function reportRestart(log: vscode.LogOutputChannel, event: RestartEvent): void {
	log.warn(`engine worker restarted after ${event.method}: ${event.reason} (${event.detail})`);
	// A continue that was running says so itself (`sessionProblemText.ts`), with the step it resumed from.
	if (event.reason !== 'crashed' || event.method === 'sessionSlice') return;
	void vscode.window.showWarningMessage(
		vscode.l10n.t('Downhill\'s engine stopped ({0}) and was restarted; nothing was lost.', event.detail),
	);
}

function reportProblems(log: vscode.LogOutputChannel, problems: readonly string[]): void {
	for (const problem of problems) log.warn(`setting ignored: ${problem}`);
	void vscode.window.showWarningMessage(vscode.l10n.t('Downhill ignored invalid settings: {0}', problems.join('; ')));
}
