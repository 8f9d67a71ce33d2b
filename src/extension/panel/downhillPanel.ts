/**
 * The panel host: one webview beside the editor showing the active session. It sends the panel a full snapshot
 * when the panel says `ready` (and when it becomes visible again, since hidden webviews drop messages; there is no
 * retainContextWhenHidden), throttled updates while the session moves, and answers to the panel's requests; it turns
 * the panel's notices into controller calls (`panelMessages.ts`). Every message travels in the shared envelope
 * through one `Endpoint`, which checks what the panel sends with `readPanelEnvelope` and encodes non-finite numbers
 * for the webview's JSON transport. The session is saved to the workspace state after
 * every stop, so the serializer can bring the panel back with its session after a reload.
 */
import * as vscode from 'vscode';
import type { RestartsResult } from '../../engine/index';
import { Endpoint, type Responder } from '../../shared/endpoint';
import { encodeNonFinite } from '../../shared/jsonNumbers';
import type { BasinsInfo, GraphModel, HostContract, HostNotice, OptimizerOptionsInfo, PanelContract, RequestBasinsMessage, RestartsInfo, SweepInfo } from '../../shared/messages';
import { readPanelEnvelope } from '../../shared/validatePanelMessage';
import { Disposable } from '../dispose';
import type { SessionChange, SessionController } from '../session/sessionController';
import type { SessionManager } from '../session/sessionManager';
import { readSettings } from '../settings';
import { BasinsJob } from './basinsJob';
import { Comparison, type RunSpec } from './comparison';
import { SweepJob } from './sweepJob';
import { restartsInfo } from '../../worker/explore/exploreInfo';
import { ImageRequests } from './imageRequests';
import { handlePanelNotice, servePanelRequests, type PanelMessageContext } from './panelMessages';
import { localizedErrorText } from '../localizeMessage';
import { localResourceRoots, panelHtml } from './panelHtml';
import { baseName, panelSnapshot } from './panelSnapshot';
import { panelLocale, panelStrings } from './panelStrings';
import { PanelUpdates } from './panelUpdates';
import { revealLossLine } from './revealLossLine';
import { saveSession, savedSessionKey } from './savedSession';
import { EngineRequestError } from '../worker/engineClient';
import { requestProblemText } from '../worker/requestProblemText';

export interface PanelDependencies {
	readonly extensionUri: vscode.Uri;
	readonly sessions: SessionManager;
	readonly log: vscode.LogOutputChannel;
	/** Where the panel's session is saved for the serializer. */
	readonly workspaceState: vscode.Memento;
}

export class DownhillPanel extends Disposable implements PanelMessageContext {
	static readonly viewType = 'downhill.panel';
	private static currentPanel: DownhillPanel | undefined;
	private controllerValue: SessionController | undefined;
	private controllerSubscription: { dispose(): void } | undefined;
	private readonly endpoint: Endpoint<HostContract, PanelContract>;
	private readonly updates = new PanelUpdates((message) => this.postIfVisible(message));
	private readonly basins = new BasinsJob();
	private readonly sweep = new SweepJob();
	private readonly comparison = new Comparison();
	private readonly images: ImageRequests;
	/** The last random restarts of the bound session, re-sent after every `init`. */
	private restarts: RestartsInfo | undefined;
	/** The debugger's step-into walk through an update of the bound session, where it stands; re-sent after `init`. */
	private passGraphValue: GraphModel | undefined;
	private wasVisible: boolean;

	/** The open panel, if any. */
	static get current(): DownhillPanel | undefined {
		return DownhillPanel.currentPanel;
	}

	/**
	 * Shows the panel beside the editor without taking focus, creating it when none is open. An open panel stays in
	 * its column unless that is the active editor group, where it would cover the loss being worked on.
	 */
	static show(dependencies: PanelDependencies): DownhillPanel {
		const current = DownhillPanel.currentPanel;
		if (current) {
			const covers = current.panel.viewColumn === vscode.window.tabGroups.activeTabGroup.viewColumn;
			current.panel.reveal(covers ? vscode.ViewColumn.Beside : undefined, true);
			return current;
		}
		const panel = vscode.window.createWebviewPanel(
			DownhillPanel.viewType,
			'Downhill',
			{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
			{ enableScripts: true, localResourceRoots: localResourceRoots(dependencies.extensionUri) },
		);
		return new DownhillPanel(panel, dependencies);
	}

	/**
	 * Where the debugger sends the step-into walk's graph: entering a walk opens the panel beside the editor (without
	 * focus) when none is open; each stop of the walk, and its end, goes to the open panel.
	 */
	static passGraphListener(dependencies: PanelDependencies): (controller: SessionController, graph: GraphModel | undefined) => void {
		let walking = false;
		return (controller, graph) => {
			const panel = graph && !walking ? DownhillPanel.show(dependencies) : DownhillPanel.currentPanel;
			walking = graph !== undefined;
			panel?.showPassGraph(controller, graph);
		};
	}

	/** Takes over a panel VS Code restored after a reload, with the optimizers that raced its session. */
	static revive(panel: vscode.WebviewPanel, dependencies: PanelDependencies, runs: readonly RunSpec[] = []): DownhillPanel {
		DownhillPanel.currentPanel?.dispose();
		panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(dependencies.extensionUri) };
		const revived = new DownhillPanel(panel, dependencies);
		revived.restoreRuns(runs);
		return revived;
	}

	private constructor(
		private readonly panel: vscode.WebviewPanel,
		private readonly dependencies: PanelDependencies,
	) {
		super();
		DownhillPanel.currentPanel = this;
		this.wasVisible = panel.visible;
		this.endpoint = new Endpoint(
			{ post: (envelope) => void panel.webview.postMessage(encodeNonFinite(envelope)), onMessage: (listener) => panel.webview.onDidReceiveMessage(listener) },
			{
				read: readPanelEnvelope,
				onRejected: (raw) => dependencies.log.warn(`panel: ignored a malformed message ${safeJson(raw)}`),
				describeError: (error) => ({ message: panelErrorText(error) }),
			},
		);
		this.images = new ImageRequests(this.endpoint);
		this.endpoint.onNotice((message) => handlePanelNotice(message, this));
		servePanelRequests(this.endpoint, this);
		this._register(panel);
		this._register(this.endpoint);
		this._register({ dispose: () => this.unbind() });
		this._register({ dispose: () => this.images.cancelAll() });
		this._register(panel.onDidDispose(() => this.dispose()));
		this._register(panel.onDidChangeViewState(() => this.visibilityChanged()));
		this._register(dependencies.sessions.onDidChangeActive((controller) => this.bind(controller)));
		this._register(vscode.workspace.onDidChangeConfiguration((event) => this.configurationChanged(event)));
		panel.webview.html = panelHtml(panel.webview, dependencies.extensionUri, panelLocale(vscode.env.language));
		this.bind(dependencies.sessions.active);
	}

	/** The session the panel shows. */
	get controller(): SessionController | undefined {
		return this.controllerValue;
	}

	get visible(): boolean {
		return this.panel.visible;
	}

	override dispose(): void {
		if (DownhillPanel.currentPanel === this) DownhillPanel.currentPanel = undefined;
		super.dispose();
	}

	notify(message: HostNotice): void {
		this.endpoint.notify(message);
	}

	/** Sends the whole state; the panel throws away what it had. */
	sendInit(): void {
		const controller = this.controllerValue;
		if (!controller) {
			this.notify({ type: 'error', message: vscode.l10n.t('No Downhill session: run "Downhill: Start" on a loss.') });
			return;
		}
		const snapshot = panelSnapshot(
			controller,
			readSettings(vscode.Uri.parse(controller.origin.uri)).view,
			panelStrings(vscode.env.language),
		);
		this.updates.reset(controller.session.position + 1);
		this.notify({ type: 'init', snapshot });
		if (this.restarts) this.notify({ type: 'restarts', restarts: this.restarts });
		if (this.passGraphValue) this.notify({ type: 'graph', graph: this.passGraphValue });
		if (this.comparison.size > 0) this.notify(this.comparison.message(true));
	}

	/** The step-into walk's graph, if the debugger stands inside an update of the panel's session. */
	get passGraph(): GraphModel | undefined {
		return this.passGraphValue;
	}

	/** Shows where the step-into walk through `controller`'s update stands (undefined: the walk ended). */
	showPassGraph(controller: SessionController, graph: GraphModel | undefined): void {
		if (controller !== this.controllerValue) return;
		this.passGraphValue = graph;
		if (this.panel.visible) this.notify({ type: 'graph', ...(graph ? { graph } : {}) });
	}

	/** Shows line `line` of the loss's own source in the editor (a click on a Graph view node). */
	revealLine(line: number): void {
		const controller = this.requireController();
		revealLossLine(controller, line).catch((error: unknown) => this.dependencies.log.warn(`Could not show line ${line}: ${String(error)}`));
	}

	/** Shows random restarts of `controller` on the map (ignored when the panel shows another session). */
	showRestarts(controller: SessionController, result: RestartsResult): void {
		if (controller !== this.controllerValue) return;
		this.restarts = restartsInfo(result, controller.loss.params.length);
		this.notify({ type: 'restarts', restarts: this.restarts });
	}

	runRestarts(count: number): void {
		void vscode.commands.executeCommand('downhill.randomRestarts', count);
	}

	requestBasins(request: RequestBasinsMessage, responder: Responder<BasinsInfo>): Promise<BasinsInfo | undefined> {
		return this.basins.start(this.requireController(), request, responder);
	}

	addRun(optimizer: string, options: OptimizerOptionsInfo): void {
		if (!this.controllerValue) return;
		this.comparison.add(this.controllerValue, optimizer, options);
		this.runsChanged(false);
	}

	changeRun(id: number, change: 'remove' | 'hide' | 'show'): void {
		if (change === 'remove') this.comparison.remove(id);
		else this.comparison.setHidden(id, change === 'hide');
		this.runsChanged(false);
	}

	requestSweep(responder: Responder<SweepInfo>): Promise<SweepInfo | undefined> {
		return this.sweep.start(this.requireController(), responder);
	}

	/** The main plot as the panel shows it, as a PNG data URL (the panel is revealed first if hidden). */
	requestImage(): Promise<string> {
		if (!this.panel.visible) this.panel.reveal(undefined, true);
		return this.images.request();
	}

	private restoreRuns(runs: readonly RunSpec[]): void {
		const controller = this.controllerValue;
		if (!controller || runs.length === 0) return;
		for (const problem of this.comparison.restore(controller, runs)) this.dependencies.log.warn(`Could not restore a compared run: ${problem}`);
		this.runsChanged(true);
	}

	/** After runs were added, removed, hidden or restored: the panel's view of them, the slice share, the save. */
	private runsChanged(full: boolean): void {
		this.notify(this.comparison.message(full));
		const controller = this.controllerValue;
		if (!controller) return;
		controller.followers = this.comparison.size;
		this.save(controller);
	}

	private bind(controller: SessionController | undefined): void {
		if (controller === this.controllerValue) return;
		this.unbind();
		if (this.controllerValue) this.controllerValue.followers = 0;
		this.controllerValue = controller;
		this.restarts = undefined;
		this.passGraphValue = undefined;
		this.comparison.clear();
		if (controller) {
			this.controllerSubscription = controller.onDidChange((change) => this.sessionChanged(controller, change));
			this.panel.title = vscode.l10n.t('Downhill: {0} ({1})', controller.loss.name, baseName(controller.origin.fileName));
			this.save(controller);
		}
		this.sendInit();
	}

	private unbind(): void {
		this.controllerSubscription?.dispose();
		this.controllerSubscription = undefined;
		this.updates.cancel();
		this.basins.cancel();
		this.sweep.cancel();
	}

	private sessionChanged(controller: SessionController, change: SessionChange): void {
		if (change.kind === 'disposed') return;
		this.comparison.sync(controller);
		if (change.kind === 'stopped') this.save(controller);
		if (change.kind === 'stopped' && change.result.reason.kind === 'entry') return this.sendInit();
		this.updates.schedule(controller, () => readSettings(vscode.Uri.parse(controller.origin.uri)).view);
	}

	private requireController(): SessionController {
		const controller = this.controllerValue;
		if (!controller) throw new Error(vscode.l10n.t('No Downhill session: run "Downhill: Start" on a loss.'));
		return controller;
	}

	private visibilityChanged(): void {
		const visible = this.panel.visible;
		if (visible && !this.wasVisible) this.sendInit();
		this.wasVisible = visible;
	}

	private configurationChanged(event: vscode.ConfigurationChangeEvent): void {
		const controller = this.controllerValue;
		if (!controller) return;
		if (!event.affectsConfiguration('downhill.colorMap') && !event.affectsConfiguration('downhill.panelLayout')) return;
		this.updates.schedule(controller, () => readSettings(vscode.Uri.parse(controller.origin.uri)).view);
	}

	private postIfVisible(message: HostNotice): boolean {
		if (!this.panel.visible) return false;
		this.notify(message);
		if (message.type === 'update' && this.comparison.size > 0) this.notify(this.comparison.message(false));
		return true;
	}

	private save(controller: SessionController): void {
		void this.dependencies.workspaceState.update(savedSessionKey, saveSession(controller, this.comparison.specs()));
	}
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value)?.slice(0, 200) ?? String(value);
	} catch {
		return String(value);
	}
}

/** A failure as the panel shows it: an exploration the engine's worker gave no answer to says why (budget, crash). */
function panelErrorText(error: unknown): string {
	if (error instanceof EngineRequestError && error.reason !== 'cancelled') return requestProblemText(vscode.l10n.t('This view'), error);
	return localizedErrorText(error);
}

