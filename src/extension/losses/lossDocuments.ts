/**
 * The losses of the open documents: finds them with the engine's `findLosses` (re-parsed about 300 ms after the
 * user stops typing), shows the failed candidates the user evidently meant as diagnostics (`reportedErrors.ts`),
 * and compiles a loss on demand, cached per document version, for CodeLens values, hovers and gradient checks.
 * Views listen to `onDidChange` to refresh.
 */
import * as vscode from 'vscode';
import { compileLoss, findLosses, type Loss } from '../../engine/compileLoss';
import { isLossSyntaxError } from '../../engine/errors';
import { chooseLoss, type SourcePosition } from '../../engine/language/chooseLoss';
import type { FoundLoss, LanguageId, LossSite } from '../../engine/language/frontEnd';
import { Disposable } from '../dispose';
import { LossDiagnostics } from './diagnostics';
import { lossLanguageOf, mathLanguageId } from './lossLanguage';
import { reportedErrors } from './reportedErrors';

/** Delay between the last keystroke and the re-parse. */
export const parseDelayMs = 300;

interface Parsed {
	readonly version: number;
	readonly language: LanguageId;
	readonly found: readonly FoundLoss[];
}

export class LossDocuments extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
	/** Fires after a document's losses were found again (its CodeLens and hovers may have changed). */
	readonly onDidChange = this._onDidChange.event;
	private readonly diagnostics = this._register(new LossDiagnostics());
	private readonly parsed = new Map<string, Parsed>();
	private readonly compiled = new Map<string, Loss | Error>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly requested = new Map<string, Set<string>>();

	constructor() {
		super();
		this._register(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)));
		this._register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
		this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
		for (const document of vscode.workspace.textDocuments) this.refresh(document);
	}

	/** Every loss and failed candidate in `document`, parsed now if the cached list is older than the text. */
	lossesIn(document: vscode.TextDocument): readonly FoundLoss[] {
		return this.parse(document)?.found ?? [];
	}

	/** The losses that compiled far enough to be listed (CodeLens, QuickPick). */
	sitesIn(document: vscode.TextDocument): LossSite[] {
		return this.lossesIn(document).flatMap((found) => (found.kind === 'loss' ? [found.site] : []));
	}

	/**
	 * The compiled loss `name` of `document` at its current version (without a name: the one called `loss`, else
	 * the only one); `at` picks among blocks of the same name by position. Throws `LossSyntaxError`.
	 */
	compile(document: vscode.TextDocument, name?: string, at?: SourcePosition): Loss {
		const where = at ? `@${at.line}:${at.column}` : '';
		const key = `${document.uri.toString()}@${document.version}#${name ?? ''}${where}`;
		let entry = this.compiled.get(key);
		if (entry === undefined) {
			const language = lossLanguageOf(document);
			if (!language) throw new Error(vscode.l10n.t('Downhill does not read {0} files', document.languageId));
			try {
				entry = compileLoss(document.getText(), { language, name, at });
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
	meantAt(document: vscode.TextDocument, position: vscode.Position | undefined): FoundLoss | undefined {
		const found = this.lossesIn(document).map((f) => ({ ...(f.kind === 'loss' ? f.site : f), found: f }));
		const at = position && { line: position.line + 1, column: position.character + 1 };
		return chooseLoss(found, { at })?.found;
	}

	/** Shows the errors of candidate `name` from now on, whatever it is called (the user asked for it by name). */
	markRequested(document: vscode.TextDocument, name: string): void {
		const names = this.requested.get(document.uri.toString()) ?? new Set<string>();
		if (names.has(name)) return;
		names.add(name);
		this.requested.set(document.uri.toString(), names);
		this.refresh(document);
	}

	private schedule(document: vscode.TextDocument): void {
		if (!lossLanguageOf(document)) return;
		const key = document.uri.toString();
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
		const parsed = this.parse(document);
		if (!parsed) return;
		const requested = this.requested.get(document.uri.toString());
		this.diagnostics.set(document.uri, reportedErrors(parsed.found, parsed.language, isMathFile(document), requested));
		this._onDidChange.fire(document.uri);
	}

	/**
	 * The cached parse when current, else a new one. Source the front end cannot parse at all keeps the last good
	 * list (mid-edit breakage should not make every CodeLens flicker away); a `.math` file reports it instead.
	 */
	private parse(document: vscode.TextDocument): Parsed | undefined {
		const language = lossLanguageOf(document);
		if (!language) return undefined;
		const key = document.uri.toString();
		const cached = this.parsed.get(key);
		if (cached?.version === document.version) return cached;
		let found: readonly FoundLoss[];
		try {
			found = findLosses(document.getText(), language);
		} catch (error) {
			if (!isLossSyntaxError(error)) throw error;
			found = isMathFile(document) ? [{ kind: 'error', name: 'loss', span: error.span, error }] : (cached?.found ?? []);
		}
		for (const compiledKey of this.compiled.keys())
			if (compiledKey.startsWith(`${key}@`)) this.compiled.delete(compiledKey);
		const parsed = { version: document.version, language, found };
		this.parsed.set(key, parsed);
		return parsed;
	}

	private forget(uri: vscode.Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
		this.parsed.delete(key);
		for (const compiledKey of this.compiled.keys())
			if (compiledKey.startsWith(`${key}@`)) this.compiled.delete(compiledKey);
		this.diagnostics.delete(uri);
	}
}

/** A `.math` file: every line of it is meant as a loss, so all its errors are shown. */
function isMathFile(document: vscode.TextDocument): boolean {
	return document.languageId === mathLanguageId || document.uri.path.toLowerCase().endsWith('.math');
}
