/**
 * The data files a document reads cross to the engine's worker once per version, not with every request: copying a
 * CSV of a few MB into the worker took tens of ms per hover or CodeLens request (bench/workerBench.ts). The host's
 * `DataFilesSent` leaves `files` out of a request when the running worker already received them for that document
 * and `dataStamp`; the worker's `DataFilesKept` keeps each document's latest files as requests arrive (before they
 * queue, so a cancelled request still delivers them) and puts them back into requests that left them out. Messages
 * arrive in the order they were sent, and a new worker starts with nothing sent (`reset`).
 */
import type { DataFiles } from '../engine/index';
import type { DocumentText, EngineRequest } from './engineProtocol';

/** `request` with each document it carries (`params.document`, a session sync's `source.document`) mapped. */
export function mapDocuments(request: EngineRequest, map: (document: DocumentText) => DocumentText): EngineRequest {
	const params = request.params as { document?: DocumentText; sync?: { source: { document: DocumentText } } };
	if (params.document) return { ...request, params: { ...params, document: map(params.document) } } as EngineRequest;
	const sync = params.sync;
	if (sync) return { ...request, params: { ...params, sync: { ...sync, source: { ...sync.source, document: map(sync.source.document) } } } } as EngineRequest;
	return request;
}

/** The host's record of which documents' data files the running worker holds, by data stamp. */
export class DataFilesSent {
	private readonly sent = new Map<string, string>();

	/** `request` as it is posted: without the files the worker already holds. */
	elide(request: EngineRequest): EngineRequest {
		return mapDocuments(request, (document) => {
			if (!document.files || document.dataStamp === undefined) return document;
			if (this.sent.get(document.uri) === document.dataStamp) {
				const { files: _files, ...rest } = document;
				return rest;
			}
			this.sent.set(document.uri, document.dataStamp);
			return document;
		});
	}

	/** A new worker holds nothing. */
	reset(): void {
		this.sent.clear();
	}
}

/** The worker's copy of each document's latest data files, by the stamp they came with. */
export class DataFilesKept {
	private readonly kept = new Map<string, { readonly stamp: string; readonly files: DataFiles }>();

	/** Keeps the files `request` brings, and gives back those it left out. */
	arrive(request: EngineRequest): EngineRequest {
		return mapDocuments(request, (document) => {
			if (document.dataStamp === undefined) return document;
			if (document.files) {
				this.kept.set(document.uri, { stamp: document.dataStamp, files: document.files });
				return document;
			}
			const kept = this.kept.get(document.uri);
			return kept?.stamp === document.dataStamp ? { ...document, files: kept.files } : document;
		});
	}
}
