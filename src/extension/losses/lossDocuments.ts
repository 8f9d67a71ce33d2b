/**
 * The losses of the open documents. Listing runs in the engine's worker (`EngineClient`), about 300 ms after the
 * user stops typing; a newer version cancels the stale requests of the old one. The failed candidates the user
 * evidently meant become diagnostics (`reportedErrors.ts`); views listen to `onDidChange`. A document over the size
 * limit is not analysed until the user runs a command on it (`analyse`), and a listing that runs past its budget is
 * reported, not retried, for that version. Sessions still compile their loss here, on demand, cached per version.
 * A notebook cell is read with the cells of its kind above it (`notebookCells.ts`); an edit renews the cells below.
 * Before listing, the worker names the data files the document reads and `readDataFiles` reads them (inside the
 * workspace); every request then carries them (the worker receives them once per stamp, `worker/dataOnce.ts`), and
 * a change to one of them (`DataFileWatcher`) lists the documents that read it again, under a new revision
 * (`revision`), so their CodeLens values and hovers are computed anew.
 */
import * as vscode from 'vscode';
import { chooseLoss, compileLoss, type FoundLoss, isLossSyntaxError, type LanguageId, type Loss, type LossSite, type SourcePosition } from '../../engine/index';
import type { DocumentText } from '../../worker/engineProtocol';
import { Disposable } from '../dispose';
import { AbortScope } from '../worker/abortScope';
import { analysedLengthLimit, commandBudgetMs, listBudgetMs } from '../worker/budgets';
import { EngineRequestError, type EngineClient } from '../worker/engineClient';
import { LossDiagnostics } from './diagnostics';
import { lossLanguageOf, mathLanguageId } from './lossLanguage';
import { DataFileWatcher } from './dataFileWatcher';
import { isProgramLanguage } from './lossLanguage';
import { noDocumentData, readDataFiles, type DocumentData } from './readDataFiles';
import { reportedErrors } from './reportedErrors';
import { foundLossOf } from '../worker/wireErrors';
import { cellContextOf, cellsReading, CellVersions, notebookOf } from './notebookCells';

/** The workspace-state key of the losses the user started, per document URI. */
export const startedLossesKey = 'downhill.startedLosses';
const rememberedDocuments = 200;

/** Delay between the last keystroke and the re-parse. */
export const parseDelayMs = 300;

/** Where a document's listing stands. */
export type ListingState =
	| { readonly kind: 'listed'; readonly found: readonly FoundLoss[] }
	| { readonly kind: 'skipped'; readonly length: number }
	| { readonly kind: 'failed'; readonly reason: EngineRequestError };

interface Listing {
	readonly version: number;
	readonly state: Promise<ListingState>;
	/** Set once the listing ended skipped or failed: a command on the document lists it again. */
	skipped?: boolean;
}

export class LossDocuments extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
	/** Fires after a document's losses were found again (its CodeLens and hovers may have changed). */
	readonly onDidChange = this._onDidChange.event;
	private readonly _onDidChangeData = this._register(new vscode.EventEmitter<{ readonly document: string; readonly file: vscode.Uri }>());
	/** Fires when a data file that the document at `document` (a URI string) reads changed on disk. */
	readonly onDidChangeData = this._onDidChangeData.event;
	private readonly data = new Map<string, DocumentData & { readonly generation: number }>();
	private readonly watcher = this._register(new DataFileWatcher((file, readers) => this.dataChanged(file, readers)));
	private readonly diagnostics = this._register(new LossDiagnostics());
	private readonly listings = new Map<string, Listing>();
	private readonly lastFound = new Map<string, readonly FoundLoss[]>();
	private readonly compiled = new Map<string, Loss | Error>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly requested = new Map<string, Set<string>>();
	private readonly analysed = new Set<string>();
	/** Per document: the signal of its current version's requests, aborted when a newer version appears. */
	readonly versions = new AbortScope();
	private readonly cellVersions = new CellVersions();

	/**
	 * `memory` keeps the names the user started per document across reloads (`startedLossesKey`), so a helper they
	 * chose once keeps its CodeLens.
	 */
	constructor(
		readonly engine: EngineClient,
		private readonly memory?: vscode.Memento,
		/** Folders whose documents may read data files besides the workspace's (the extension's own examples). */
		private readonly dataRoots: readonly vscode.Uri[] = [],
	) {
		super();
		for (const [uri, names] of Object.entries(memory?.get<Record<string, string[]>>(startedLossesKey) ?? {})) {
			if (Array.isArray(names)) this.requested.set(uri, new Set(names.filter((n) => typeof n === 'string')));
		}
		this._register(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)));
		this._register(vscode.workspace.onDidChangeTextDocument((event) => this.scheduleWithReaders(event.document)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
		this._register(vscode.workspace.onDidOpenNotebookDocument((notebook) => this.refreshCells(notebook)));
		this._register(
			vscode.workspace.onDidChangeNotebookDocument((event) => {
				if (event.contentChanges.length > 0) this.refreshCells(event.notebook);
			}),
		);
		this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
		this._register({ dispose: () => this.versions.abortAll() });
		for (const document of vscode.workspace.textDocuments) this.refresh(document);
	}

	/** Where `document`'s listing stands, once the worker answered for its current version. */
	listing(document: vscode.TextDocument): Promise<ListingState> {
		return this.list(document)?.state ?? Promise.resolve({ kind: 'listed', found: [] });
	}

	/** Every loss and failed candidate in `document` (none while it is skipped or its listing failed). */
	async lossesIn(document: vscode.TextDocument): Promise<readonly FoundLoss[]> {
		const state = await this.listing(document);
		return state.kind === 'listed' ? state.found : [];
	}

	/** The losses that compiled far enough to be listed (CodeLens, QuickPick). */
	async sitesIn(document: vscode.TextDocument): Promise<LossSite[]> {
		return sitesOf(await this.lossesIn(document));
	}

	/** The sites of the last listing that finished, whatever its version (for synchronous callers). */
	knownSites(document: vscode.TextDocument): LossSite[] {
		return sitesOf(this.lastFound.get(document.uri.toString()) ?? []);
	}

	/** `document` as the worker's requests carry it, or undefined when Downhill does not read its language. */
	textOf(document: vscode.TextDocument): DocumentText | undefined {
		const language: LanguageId | undefined = lossLanguageOf(document);
		if (!language) return undefined;
		const cells = cellContextOf(document);
		const version = this.cellVersions.versionOf(document, cells);
		const data = this.data.get(document.uri.toString());
		const files = data && data.files.size > 0 ? { files: data.files, dataStamp: data.stamp } : {};
		return { uri: document.uri.toString(), version, language, text: document.getText(), ...(cells ? { cells } : {}), ...files };
	}

	/** `versionOf` and the generation of the data files the document reads: what a value computed from it depends on. */
	revision(document: vscode.TextDocument): string {
		return `${this.versionOf(document)}.${this.data.get(document.uri.toString())?.generation ?? 0}`;
	}

	/**
	 * The version `document` is analysed at: its own, or for a notebook cell one that also moves when a cell it reads
	 * with changes (`notebookCells.ts`).
	 */
	versionOf(document: vscode.TextDocument): number {
		return this.cellVersions.versionOf(document, cellContextOf(document));
	}

	/**
	 * The user ran a command on `document`: from now on it is analysed whatever its size, with a command's budget, and
	 * a listing that was skipped or ran past its budget is tried again.
	 */
	analyse(document: vscode.TextDocument): void {
		const key = document.uri.toString();
		const listing = this.listings.get(key);
		this.analysed.add(key);
		if (listing && !listing.skipped) return;
		this.listings.delete(key);
		this.refresh(document);
	}

	/**
	 * The compiled loss `name` of `document` at its current version (without a name: the one called `loss`, else
	 * the only one), for a session; `at` picks among blocks of the same name by position. Throws `LossSyntaxError`.
	 */
	compile(document: vscode.TextDocument, name?: string, at?: SourcePosition): Loss {
		const where = at ? `@${at.line}:${at.column}` : '';
		const cells = cellContextOf(document);
		const key = `${document.uri.toString()}@${this.revision(document)}#${name ?? ''}${where}`;
		let entry = this.compiled.get(key);
		if (entry === undefined) {
			const language = lossLanguageOf(document);
			if (!language) throw new Error(vscode.l10n.t('Downhill does not read {0} files', document.languageId));
			try {
				const files = this.data.get(document.uri.toString())?.files;
				entry = compileLoss(document.getText(), { language, name, at, cells, files });
			} catch (error) {
				if (!isLossSyntaxError(error)) throw error;
				entry = error;
			}
			this.compiled.set(key, entry);
		}
		if (entry instanceof Error) throw entry;
		return entry;
	}

	/**
	 * The loss the user means at `position` (`chooseLoss`: under the cursor, else `loss`, else the only one),
	 * failed candidates included; undefined when that leaves a choice to the user.
	 */
	async meantAt(document: vscode.TextDocument, position: vscode.Position | undefined): Promise<FoundLoss | undefined> {
		const found = (await this.lossesIn(document)).map((f) => ({ ...(f.kind === 'loss' ? f.site : f), found: f }));
		const at = position && { line: position.line + 1, column: position.character + 1 };
		return chooseLoss(found, { at })?.found;
	}

	/** Shows the errors of candidate `name` from now on, whatever it is called (the user asked for it by name). */
	markRequested(document: vscode.TextDocument, name: string): void {
		const uri = document.uri.toString();
		const names = this.requested.get(uri) ?? new Set<string>();
		if (names.has(name)) return;
		names.add(name);
		this.requested.delete(uri);
		this.requested.set(uri, names);
		this.remember();
		this.refresh(document);
	}

	/** The names of `document`'s losses the user started a session on (this window or, with `memory`, before). */
	requestedIn(document: vscode.TextDocument): ReadonlySet<string> {
		return this.requested.get(document.uri.toString()) ?? new Set();
	}

	/** Saves the most recent `rememberedDocuments` documents' started names. */
	private remember(): void {
		if (!this.memory) return;
		const entries = [...this.requested].slice(-rememberedDocuments).map(([uri, names]) => [uri, [...names]] as const);
		void this.memory.update(startedLossesKey, Object.fromEntries(entries));
	}

	/** An edit of `document` renews it and, in a notebook, the cells below it that read it. */
	private scheduleWithReaders(document: vscode.TextDocument): void {
		this.schedule(document);
		for (const reader of cellsReading(document)) this.schedule(reader);
	}

	/** A notebook opened or its cells were added, removed or moved: every cell is read again. */
	private refreshCells(notebook: vscode.NotebookDocument): void {
		for (const cell of notebook.getCells()) this.schedule(cell.document);
	}

	private schedule(document: vscode.TextDocument): void {
		if (!lossLanguageOf(document)) return;
		const key = document.uri.toString();
		this.versions.signal(key, this.versionOf(document));
		clearTimeout(this.timers.get(key));
		this.timers.set(
			key,
			setTimeout(() => {
				this.timers.delete(key);
				this.refresh(document);
			}, parseDelayMs),
		);
	}

	private refresh(document: vscode.TextDocument): void {
		if (document.isClosed) return;
		const listing = this.list(document);
		void listing?.state.then((state) => {
			if (document.isClosed || this.listings.get(document.uri.toString()) !== listing) return;
			if (state.kind === 'listed') {
				const requested = this.requested.get(document.uri.toString());
				const language = lossLanguageOf(document)!;
				this.diagnostics.set(document.uri, reportedErrors(state.found, language, isMathFile(document), requested));
			}
			this._onDidChange.fire(document.uri);
		});
	}

	/** The listing of `document`'s current version: the one under way, or a new request to the worker. */
	private list(document: vscode.TextDocument): Listing | undefined {
		const text = this.textOf(document);
		if (!text) return undefined;
		const cached = this.listings.get(text.uri);
		if (cached?.version === text.version) return cached;
		const listing: Listing = { version: text.version, state: this.request(document, text) };
		void listing.state.then((state) => (listing.skipped = state.kind !== 'listed'));
		this.listings.set(text.uri, listing);
		return listing;
	}

	private async request(document: vscode.TextDocument, text: DocumentText): Promise<ListingState> {
		if (text.text.length > analysedLengthLimit && !this.analysed.has(text.uri)) return { kind: 'skipped', length: text.text.length };
		const signal = this.versions.signal(text.uri, text.version);
		const budgetMs = this.analysed.has(text.uri) ? commandBudgetMs : listBudgetMs;
		try {
			const files = await this.readData(document, text, { budgetMs, signal });
			const found = (await this.engine.request('list', { document: { ...text, ...files } }, { budgetMs, signal })).map(foundLossOf);
			this.compiledDrop(text.uri);
			this.lastFound.set(text.uri, found);
			return { kind: 'listed', found };
		} catch (error) {
			if (error instanceof EngineRequestError && error.reason === 'cancelled') return { kind: 'listed', found: this.lastFound.get(text.uri) ?? [] };
			if (error instanceof EngineRequestError) return { kind: 'failed', reason: error };
			if (!isLossSyntaxError(error)) throw error;
			// Mid-edit breakage keeps the last good list (no flickering CodeLens); a `.math` file reports it instead.
			const found: readonly FoundLoss[] = isMathFile(document)
				? [{ kind: 'error', name: 'loss', span: error.span, error }]
				: (this.lastFound.get(text.uri) ?? []);
			return { kind: 'listed', found };
		}
	}

	/** Reads the data files `text` names (none for math) and remembers them; a new stamp starts a new generation. */
	private async readData(document: vscode.TextDocument, text: DocumentText, options: { budgetMs: number; signal: AbortSignal }) {
		if (!isProgramLanguage(text.language)) return {};
		const references = await this.engine.request('dataReferences', { document: text }, options);
		// A notebook cell's paths are relative to the notebook file, as Jupyter's working directory is its folder.
		const base = notebookOf(document)?.notebook.uri ?? document.uri;
		const data = references.length === 0 ? noDocumentData : await readDataFiles(base, references, this.dataRoots);
		const old = this.data.get(text.uri);
		const generation = (old?.generation ?? 0) + (old === undefined || old.stamp === data.stamp ? 0 : 1);
		if (generation !== (old?.generation ?? 0)) this.compiledDrop(text.uri);
		this.data.set(text.uri, { ...data, generation });
		this.watcher.watch(text.uri, data.uris);
		return data.files.size > 0 ? { files: data.files, dataStamp: data.stamp } : {};
	}

	/** A data file changed: the documents that read it are listed again (after the usual short delay). */
	private dataChanged(file: vscode.Uri, readers: readonly string[]): void {
		for (const document of vscode.workspace.textDocuments) {
			const key = document.uri.toString();
			if (!readers.includes(key)) continue;
			this.listings.delete(key);
			this._onDidChangeData.fire({ document: key, file });
			this.scheduleWithReaders(document);
		}
	}

	private compiledDrop(key: string): void {
		for (const compiledKey of this.compiled.keys()) if (compiledKey.startsWith(`${key}@`)) this.compiled.delete(compiledKey);
	}

	private forget(uri: vscode.Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
		this.versions.abort(key);
		this.listings.delete(key);
		this.lastFound.delete(key);
		this.compiledDrop(key);
		this.data.delete(key);
		this.watcher.forget(key);
		this.cellVersions.forget(key);
		this.diagnostics.delete(uri);
	}
}

function sitesOf(found: readonly FoundLoss[]): LossSite[] {
	return found.flatMap((candidate) => (candidate.kind === 'loss' ? [candidate.site] : []));
}

/** A `.math` file: every line of it is meant as a loss, so all its errors are shown. */
export function isMathFile(document: vscode.TextDocument): boolean {
	return document.languageId === mathLanguageId || document.uri.path.toLowerCase().endsWith('.math');
}
