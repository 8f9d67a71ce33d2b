/**
 * `L(start)` of each listed loss, computed in the engine's worker within its budget and remembered per document
 * revision (its version and the generation of the data files it reads): a value, a loss that does not compile (nothing to show), a computation past its budget, or a worker that
 * stopped. A newer version of the document cancels the requests of the old one (`LossDocuments.versions`).
 */
import * as vscode from 'vscode';
import type { SourcePosition } from '../../engine/index';
import { Disposable } from '../dispose';
import { startValueBudgetMs } from '../worker/budgets';
import { EngineRequestError } from '../worker/engineClient';
import type { LossDocuments } from './lossDocuments';

export type StartValue =
	| { readonly kind: 'value'; readonly value: number }
	| { readonly kind: 'error' }
	| { readonly kind: 'failed'; readonly error: EngineRequestError };

export class StartValues extends Disposable {
	private readonly _onDidResolve = this._register(new vscode.EventEmitter<void>());
	/** Fires when a value that was asked for arrives (or is known not to come). */
	readonly onDidResolve = this._onDidResolve.event;
	private readonly requests = new Map<string, Promise<StartValue | undefined>>();
	private readonly settled = new Map<string, StartValue>();

	constructor(private readonly documents: LossDocuments) {
		super();
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())));
	}

	/** The value when it has arrived, else undefined (ask with `request`). */
	peek(document: vscode.TextDocument, name: string, at: SourcePosition): StartValue | undefined {
		return this.settled.get(this.keyOf(document, name, at));
	}

	/** Asks the worker for loss `name`'s start value; undefined when the request was cancelled by a newer version. */
	request(document: vscode.TextDocument, name: string, at: SourcePosition): Promise<StartValue | undefined> {
		const key = this.keyOf(document, name, at);
		let request = this.requests.get(key);
		if (!request) {
			this.forget(document.uri.toString(), key);
			request = this.compute(document, name, at).then((value) => {
				if (value) this.settled.set(key, value);
				this._onDidResolve.fire();
				return value;
			});
			this.requests.set(key, request);
		}
		return request;
	}

	private async compute(document: vscode.TextDocument, name: string, at: SourcePosition): Promise<StartValue | undefined> {
		const text = this.documents.textOf(document);
		if (!text) return { kind: 'error' };
		const signal = this.documents.versions.signal(text.uri, text.version);
		try {
			const value = await this.documents.engine.request('startValue', { document: text, name, at }, { budgetMs: startValueBudgetMs, signal });
			return { kind: 'value', value };
		} catch (error) {
			if (!(error instanceof EngineRequestError)) return { kind: 'error' };
			if (error.reason === 'cancelled') {
				this.requests.delete(this.keyOf(document, name, at));
				return undefined;
			}
			return { kind: 'failed', error };
		}
	}

	/** Drops what is remembered for the document at `uri`, except for the loss and version `keep`. */
	private forget(uri: string, keep?: string): void {
		const version = keep?.slice(0, keep.indexOf('#'));
		for (const map of [this.requests, this.settled])
			for (const key of map.keys()) if (key.startsWith(`${uri}@`) && !key.startsWith(`${version}#`)) map.delete(key);
	}

	/** A notebook cell's value also changes with the cells above it, so the key holds its analysis version. */
	private keyOf(document: vscode.TextDocument, name: string, at: SourcePosition): string {
		return `${document.uri.toString()}@${this.documents.revision(document)}#${name}@${at.line}:${at.column}`;
	}
}
