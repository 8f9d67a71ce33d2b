/**
 * The data files a loss reads, as the host hands them to the engine. The engine never opens a file: a front end
 * lists the files a source names (`dataReferences`, with the span of each path string), the host (the extension
 * through `vscode.workspace.fs`, or the CLI) resolves each path against the loss file, reads it inside the workspace
 * and passes the contents back keyed by the path as written. A path the host refused (missing, outside the
 * workspace, over the size limit) arrives as an error, raised only if a loss evaluates the call that names it.
 */
import { LossSyntaxError, type SourceSpan } from '../../errors';
import { msg, type Message } from '../../message';
import type { DataResult } from './dataTable';

/** One data file as read by the host: its text, its bytes (`.npy`), or why it could not be read. */
export type DataFile =
	| { readonly kind: 'text'; readonly text: string }
	| { readonly kind: 'bytes'; readonly bytes: Uint8Array }
	| { readonly kind: 'error'; readonly message: Message };

/** The files a source's loss may read, keyed by the path exactly as the source writes it. */
export type DataFiles = ReadonlyMap<string, DataFile>;

/** A file a source names in a data-loading call; `span` is the path string's. */
export interface DataReference {
	readonly path: string;
	readonly span: SourceSpan;
	/** True when the file is read as bytes (`np.load` of a `.npy` file), else as text. */
	readonly binary: boolean;
}

export const noDataFiles: DataFiles = new Map();

function fileAt(files: DataFiles, path: string, span: SourceSpan): DataFile {
	const file = files.get(path);
	if (!file) throw new LossSyntaxError(msg`the data file '${path}' was not read (data files are read by the editor or the CLI)`, span);
	if (file.kind === 'error') throw new LossSyntaxError(msg`data file '${path}': ${file.message}`, span);
	return file;
}

/** The text of the file `path` names; a `LossSyntaxError` at `span` when the host could not read it. */
export function dataText(files: DataFiles, path: string, span: SourceSpan): string {
	const file = fileAt(files, path, span);
	if (file.kind === 'text') return file.text;
	throw new LossSyntaxError(msg`the data file '${path}' was read as bytes, not text`, span);
}

/** The bytes of the file `path` names; a `LossSyntaxError` at `span` when the host could not read it. */
export function dataBytes(files: DataFiles, path: string, span: SourceSpan): Uint8Array {
	const file = fileAt(files, path, span);
	if (file.kind === 'bytes') return file.bytes;
	throw new LossSyntaxError(msg`the data file '${path}' was read as text, not bytes`, span);
}

/** A reader's data, or its message as a `LossSyntaxError` at the path string naming the file. */
export function dataOrThrow<T>(result: DataResult<T>, path: string, span: SourceSpan): T {
	if (result.kind === 'error') throw new LossSyntaxError(msg`data file '${path}': ${result.message}`, span);
	return result.data;
}
