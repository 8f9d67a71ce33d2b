/**
 * The panel host: one webview beside the editor showing the active session. It sends the panel a full snapshot
 * when the panel says `ready` (and when it becomes visible again, since hidden webviews drop messages; there is no
 * retainContextWhenHidden), throttled updates while the session moves, and landscapes on request; it turns the
 * panel's messages into controller calls (`panelMessages.ts`). The session is saved to the workspace state after
 * every stop, so the serializer can bring the panel back with its session after a reload.
 */
import * as vscode from 'vscode';
import type { RestartsResult } from '../../engine/session/randomRestarts';
import type { RequestBasinsMessage, RestartsInfo, ToWebviewMessage } from '../../shared/messages';
import { validateFromWebview } from '../../shared/validateMessage';
import { Disposable } from '../dispose';
import type { SessionChange, SessionController } from '../session/sessionController';
import type { SessionManager } from '../session/sessionManager';
import { readSettings } from '../settings';
import { BasinsJob } from './basinsJob';
import { Comparison, type RunSpec } from './comparison';
import { SweepJob } from './sweepJob';
import { restartsInfo } from './exploreInfo';
import { ImageRequests } from './imageRequests';
import { handlePanelMessage, type PanelMessageContext } from './panelMessages';
import { localResourceRoots, panelHtml } from './panelHtml';
import { baseName, panelSnapshot } from './panelSnapshot';
import { panelLocale, panelStrings } from './panelStrings';
import { PanelUpdates } from './panelUpdates';
import { saveSession, savedSessionKey } from './savedSession';

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
	private readonly updates = new PanelUpdates((message) => this.postIfVisible(message));
	private readonly basins = new BasinsJob((message) => this.post(message));
	private readonly sweep = new SweepJob((message) => this.post(message));
	private readonly comparison = new Comparison();
	private readonly images = new ImageRequests((message) => this.post(message));
	/** The last random restarts of the bound session, re-sent after every `init`. */
	private restarts: RestartsInfo | undefined;
	private wasVisible: boolean;

	/** The open panel, if any. */
	static get current(): DownhillPanel | undefined {
		return DownhillPanel.currentPanel;
	}

	/** Shows the panel beside the editor without taking focus, creating it when none is open. */
	static show(dependencies: PanelDependencies): DownhillPanel {
		const current = DownhillPanel.currentPanel;
		if (current) {
			current.panel.reveal(undefined, true);
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
		this._register(panel);
		this._register({ dispose: () => this.unbind() });
		this._register({ dispose: () => this.images.cancelAll() });
		this._register(panel.onDidDispose(() => this.dispose()));
		this._register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
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

	post(message: ToWebviewMessage): void {
		void this.panel.webview.postMessage(message);
	}

	/** Sends the whole state; the panel throws away what it had. */
	sendInit(): void {
		const controller = this.controllerValue;
		if (!controller) {
			this.post({ type: 'error', message: vscode.l10n.t('No Downhill session: run "Downhill: Start" on a loss.') });
			return;
		}
		const snapshot = panelSnapshot(
			controller,
			readSettings(vscode.Uri.parse(controller.origin.uri)).view,
			panelStrings(vscode.env.language),
		);
		this.updates.reset(controller.session.position + 1);
		this.post({ type: 'init', snapshot });
		if (this.restarts) this.post({ type: 'restarts', restarts: this.restarts });
		if (this.comparison.size > 0) this.post(this.comparison.message(true));
	}

	/** Shows random restarts of `controller` on the map (ignored when the panel shows another session). */
	showRestarts(controller: SessionController, result: RestartsResult): void {
		if (controller !== this.controllerValue) return;
		this.restarts = restartsInfo(result, controller.loss.params.length);
		this.post({ type: 'restarts', restarts: this.restarts });
	}

	runRestarts(count: number): void {
		void vscode.commands.executeCommand('downhill.randomRestarts', count);
	}

	requestBasins(request: RequestBasinsMessage): void {
		if (this.controllerValue) this.basins.start(this.controllerValue, request);
	}

	cancelBasins(): void {
		this.basins.cancel();
	}

	addRun(optimizer: string, options: Readonly<Record<string, number | boolean | readonly number[]>>): void {
		if (!this.controllerValue) return;
		this.comparison.add(this.controllerValue, optimizer, options);
		this.runsChanged(false);
	}

	changeRun(id: number, change: 'remove' | 'hide' | 'show'): void {
		if (change === 'remove') this.comparison.remove(id);
		else this.comparison.setHidden(id, change === 'hide');
		this.runsChanged(false);
	}

	requestSweep(requestId: number): void {
		if (this.controllerValue) this.sweep.start(this.controllerValue, requestId);
	}

	/** The main plot as the panel shows it, as a PNG data URL (the panel is revealed first if hidden). */
	requestImage(): Promise<string> {
		if (!this.panel.visible) this.panel.reveal(undefined, true);
		return this.images.request();
	}

	receiveImage(requestId: number, dataUrl: string): void {
		this.images.receive(requestId, dataUrl);
	}

	private restoreRuns(runs: readonly RunSpec[]): void {
		const controller = this.controllerValue;
		if (!controller || runs.length === 0) return;
		for (const problem of this.comparison.restore(controller, runs)) this.dependencies.log.warn(`Could not restore a compared run: ${problem}`);
		this.runsChanged(true);
	}

	/** After runs were added, removed, hidden or restored: the panel's view of them, the slice share, the save. */
	private runsChanged(full: boolean): void {
		this.post(this.comparison.message(full));
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

	private receive(raw: unknown): void {
		const message = validateFromWebview(raw);
		if (!message) {
			this.dependencies.log.warn(`panel: ignored a malformed message ${safeJson(raw)}`);
			return;
		}
		handlePanelMessage(message, this);
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

	private postIfVisible(message: ToWebviewMessage): boolean {
		if (!this.panel.visible) return false;
		this.post(message);
		if (message.type === 'update' && this.comparison.size > 0) this.post(this.comparison.message(false));
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
