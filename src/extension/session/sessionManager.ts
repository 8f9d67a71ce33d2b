/**
 * The sessions of this window, one per loss: compiles a loss from a document (or a selection of one) with the
 * engine, wraps it in a `SessionController` with the user's settings, and keeps track of the active one, which the
 * panel, the status bar, the palette commands and hovers act on. The debug adapter factory calls `start` too and
 * adopts the controller it returns, so the debugger and the panel drive one session.
 */
import { cellAt, type Loss, type SessionSettingsInput, type SourcePosition, type SourceSpan } from '../../engine/index';
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { LossDocuments } from '../losses/lossDocuments';
import { cellUris } from '../losses/notebookCells';
import { readSettings } from '../settings';
import { compileSelection } from './compileSelection';
import { SessionController, type SessionChange } from './sessionController';
import { reportSessionProblem } from './sessionProblemText';
import { SessionWorkerLink } from './sessionWorkerLink';
import type { LossSource } from '../../worker/engineProtocol';

export interface StartOptions {
	/** Which loss of the document; otherwise the one called `loss`, else the only one. */
	readonly name?: string;
	/** Where its definition is (1-based): tells apart Markdown blocks that share a name. */
	readonly at?: SourcePosition;
	/**
	 * A selection: compiled as math on its own, unless the document is JS/TS/Python and the selection holds a loss
	 * function's name (then that function is started).
	 */
	readonly selection?: vscode.Range;
	/** Over the `downhill.*` settings. */
	readonly settings?: SessionSettingsInput;
	/** The start point; otherwise the defaults in the source. */
	readonly start?: readonly number[];
}

interface Entry {
	readonly controller: SessionController;
	readonly subscription: { dispose(): void };
}

export class SessionManager extends Disposable {
	private readonly _onDidChangeActive = this._register(new vscode.EventEmitter<SessionController | undefined>());
	/** Fires when another session (or none) becomes the active one. */
	readonly onDidChangeActive = this._onDidChangeActive.event;
	private readonly _onDidChangeActiveSession = this._register(new vscode.EventEmitter<SessionChange>());
	/** Every change of the active session (steps, stops, settings), for views that follow the active session. */
	readonly onDidChangeActiveSession = this._onDidChangeActiveSession.event;
	private readonly _onDidReportProblems = this._register(new vscode.EventEmitter<readonly string[]>());
	/** Settings that were ignored when a session started, as `downhill.key: reason` lines. */
	readonly onDidReportProblems = this._onDidReportProblems.event;
	private readonly entries = new Map<string, Entry>();
	private activeValue: SessionController | undefined;

	/** The data files each session was already told changed (it says so once per file). */
	private readonly toldChanged = new WeakMap<SessionController, Set<string>>();

	constructor(private readonly documents: LossDocuments) {
		super();
		this._register(documents.onDidChangeData(({ document, file }) => this.dataChanged(document, file)));
		this._register({ dispose: () => [...this.entries.values()].forEach((entry) => entry.controller.dispose()) });
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (!event.affectsConfiguration('downhill.animationSpeed')) return;
				for (const controller of this.all) {
					controller.stepsPerSecond = readSettings(vscode.Uri.parse(controller.origin.uri)).view.animationSpeed;
				}
			}),
		);
	}

	get active(): SessionController | undefined {
		return this.activeValue;
	}

	/** Every live session, oldest first. */
	get all(): SessionController[] {
		return [...this.entries.values()].map((entry) => entry.controller);
	}

	/**
	 * Compiles the loss and starts a session on it at its start point, replacing any session on the same loss, and
	 * makes it the active one. Throws `LossSyntaxError` (with a span in the document) when the loss does not compile,
	 * and `RangeError` when `options.start` has the wrong length.
	 */
	start(document: vscode.TextDocument, options: StartOptions = {}): SessionController {
		const { loss, line, source, selection } = this.compile(document, options);
		const { session, view, problems } = readSettings(document.uri);
		if (problems.length > 0) this._onDidReportProblems.fire(problems);
		const settings = { ...session, ...definedOnly(options.settings ?? {}) };
		const uris = loss.cells && cellUris(document);
		const cells = loss.cells && uris ? { layout: loss.cells, uris } : undefined;
		const origin = {
			uri: document.uri.toString(),
			fileName: document.fileName,
			line: cells && !selection ? cellAt(cells.layout, loss.site.nameSpan.line).line : line,
			...(selection ? { selection } : {}),
			...(cells ? { cells } : {}),
		};
		const link = new SessionWorkerLink(this.documents.engine, source, (problem) => reportSessionProblem(problem));
		const controller = new SessionController(loss, origin, settings, options.start, link);
		controller.stepsPerSecond = view.animationSpeed;
		this.adopt(controller);
		return controller;
	}

	/** The session on loss `name` of the document at `uri`; without a name, the active one there, else any. */
	controllerFor(uri: string, name?: string): SessionController | undefined {
		if (name !== undefined) return this.entries.get(keyOf(uri, name))?.controller;
		if (this.activeValue?.origin.uri === uri) return this.activeValue;
		return this.all.find((controller) => controller.origin.uri === uri);
	}

	/** Makes a live session the active one. */
	activate(controller: SessionController): void {
		if (this.activeValue === controller || !this.all.includes(controller)) return;
		this.activeValue = controller;
		this._onDidChangeActive.fire(controller);
	}

	private compile(
		document: vscode.TextDocument,
		options: StartOptions,
	): { loss: Loss; line: number; source: LossSource; selection?: SourceSpan } {
		if (options.selection && !options.selection.isEmpty) {
			return compileSelection(this.documents, document, options.selection, options.name);
		}
		if (options.name !== undefined) this.documents.markRequested(document, options.name);
		const loss = this.documents.compile(document, options.name, options.at);
		this.documents.markRequested(document, loss.name);
		const source = { document: this.documents.textOf(document)!, name: options.name, at: options.at };
		return { loss, line: loss.site.nameSpan.line, source };
	}

	/** A running session keeps the data it started with; it says once per file that the file changed. */
	private dataChanged(document: string, file: vscode.Uri): void {
		for (const controller of this.all) {
			const told = this.toldChanged.get(controller) ?? new Set<string>();
			if (controller.origin.uri !== document || told.has(file.toString())) continue;
			told.add(file.toString());
			this.toldChanged.set(controller, told);
			const name = file.path.slice(file.path.lastIndexOf('/') + 1);
			const text = vscode.l10n.t('Downhill: {0} changed; the session on {1} keeps the data it started with (restart it to read the file again)', name, controller.loss.name);
			vscode.window.setStatusBarMessage(text, dataNoteMs);
		}
	}

	private adopt(controller: SessionController): void {
		const key = keyOf(controller.origin.uri, controller.loss.name);
		this.entries.get(key)?.controller.dispose();
		const subscription = controller.onDidChange((change) => {
			if (change.kind === 'disposed') this.remove(key, controller);
			else if (controller === this.activeValue) this._onDidChangeActiveSession.fire(change);
		});
		this.entries.set(key, { controller, subscription });
		this.activeValue = controller;
		this._onDidChangeActive.fire(controller);
	}

	private remove(key: string, controller: SessionController): void {
		const entry = this.entries.get(key);
		if (entry?.controller !== controller) return;
		entry.subscription.dispose();
		this.entries.delete(key);
		if (this.activeValue !== controller) return;
		this.activeValue = this.all.pop();
		this._onDidChangeActive.fire(this.activeValue);
	}
}

/** The status bar's note that a session's data file changed, for as long as it shows. */
const dataNoteMs = 15000;

function keyOf(uri: string, name: string): string {
	return `${uri}#${name}`;
}

function definedOnly(input: SessionSettingsInput): SessionSettingsInput {
	return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
