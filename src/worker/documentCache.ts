/**
 * The worker's memory of the documents it analysed: per URI, the latest version's text (with the stamp of the data
 * files it reads), its list of losses and the losses compiled from it. Listing and compiling share one entry, so CodeLens values and hovers compile a loss once
 * per document version, and a new version drops the old one's work.
 */
import { compileLoss, findLosses, type FoundLoss, type Loss, type SourcePosition } from '../engine/index';
import type { DocumentText } from './engineProtocol';

interface Entry {
	readonly version: number;
	/** Untitled documents reuse a URI and version 1 once closed, so the text is compared too. */
	readonly text: string;
	/** A notebook cell's neighbours as read (their texts), compared like the text. */
	readonly cells: string;
	/** The versions of the data files it reads, compared like the text. */
	readonly dataStamp: string;
	found?: FoundLoss[];
	readonly compiled: Map<string, Loss | Error>;
}

/** How many documents the worker remembers (the least recently used one is dropped first). */
const capacity = 32;

export class DocumentCache {
	private readonly entries = new Map<string, Entry>();

	/** Every loss and failed candidate of `document`; throws `LossSyntaxError` for unparsable source. */
	list(document: DocumentText): FoundLoss[] {
		const entry = this.entryFor(document);
		entry.found ??= findLosses(document.text, document.language, document.cells, document.files);
		return entry.found;
	}

	/**
	 * Loss `name` of `document` (without a name: the one called `loss`, else the only one; `at` picks among blocks
	 * of the same name), compiled once per version;
	 * throws its `LossSyntaxError` every time.
	 */
	compile(document: DocumentText, name: string | undefined, at?: SourcePosition): Loss {
		const entry = this.entryFor(document);
		const key = `${name ?? ''}${at ? `@${at.line}:${at.column}` : ''}`;
		let loss = entry.compiled.get(key);
		if (loss === undefined) {
			try {
				loss = compileLoss(document.text, { language: document.language, name, at, cells: document.cells, files: document.files });
			} catch (error) {
				loss = error instanceof Error ? error : new Error(String(error));
			}
			entry.compiled.set(key, loss);
		}
		if (loss instanceof Error) throw loss;
		return loss;
	}

	private entryFor(document: DocumentText): Entry {
		const cached = this.entries.get(document.uri);
		this.entries.delete(document.uri);
		const cells = document.cells ? JSON.stringify(document.cells) : '';
		const dataStamp = document.dataStamp ?? '';
		const same = cached !== undefined && cached.version === document.version && cached.text === document.text && cached.cells === cells
			&& cached.dataStamp === dataStamp;
		const entry: Entry = same ? cached : { version: document.version, text: document.text, cells, dataStamp, compiled: new Map() };
		this.entries.set(document.uri, entry);
		if (this.entries.size > capacity) this.entries.delete(this.entries.keys().next().value!);
		return entry;
	}
}
