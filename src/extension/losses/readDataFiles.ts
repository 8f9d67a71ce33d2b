/**
 * The host's side of data files (`np.loadtxt("data/x.csv")`, `import d from "./d.json"`): the worker lists the paths
 * a document names (`dataReferences`), and this reads each one through `vscode.workspace.fs` (so virtual workspaces
 * and the browser build work) after the engine's path rule (`resolveDataPath`: relative to the document, inside a
 * workspace folder), a check that no symbolic link leads out (real paths on the `file` scheme; elsewhere a link is
 * refused), and the size limit. A path that fails any of these becomes an error entry: the engine raises it at the
 * path string only if a loss evaluates that call. Nothing here parses the files; the worker does.
 */
import * as vscode from 'vscode';
import { type DataFile, dataFileProblems, type DataReference, isInside, type Message, normalizePath, resolveDataPath } from '../../engine/index';
import { realPath } from './realPath';

/** The files one document reads: by the path as written, the stamp of their versions, and where each one is. */
export interface DocumentData {
	readonly files: ReadonlyMap<string, DataFile>;
	/** Changes whenever a file's contents may have changed (paths, sizes and modification times). */
	readonly stamp: string;
	/** The files read, for the watcher. */
	readonly uris: readonly vscode.Uri[];
}

export const noDocumentData: DocumentData = { files: new Map(), stamp: '', uris: [] };

/** Reads the files `references` name, relative to `document`. */
export async function readDataFiles(
	document: vscode.Uri,
	references: readonly DataReference[],
	extraRoots: readonly vscode.Uri[] = [],
): Promise<DocumentData> {
	const files = new Map<string, DataFile>();
	const stamps: string[] = [];
	const uris: vscode.Uri[] = [];
	for (const ref of references) {
		if (files.has(ref.path)) continue;
		const read = await readOne(document, ref, extraRoots);
		files.set(ref.path, read.file);
		stamps.push(`${ref.path}=${read.stamp}`);
		if (read.uri) uris.push(read.uri);
	}
	return { files, stamp: stamps.join('|'), uris };
}

interface OneFile {
	readonly file: DataFile;
	readonly stamp: string;
	readonly uri?: vscode.Uri;
}

function refused(message: Message, uri?: vscode.Uri): OneFile {
	return { file: { kind: 'error', message }, stamp: 'error', uri };
}

/** The workspace folders (and `extraRoots`) on `uri`'s scheme and authority: where its data files may be. */
function rootsFor(uri: vscode.Uri, extraRoots: readonly vscode.Uri[]): vscode.Uri[] {
	return [...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri), ...extraRoots]
		.filter((root) => root.scheme === uri.scheme && root.authority === uri.authority);
}

async function readOne(document: vscode.Uri, ref: DataReference, extraRoots: readonly vscode.Uri[]): Promise<OneFile> {
	const roots = rootsFor(document, extraRoots);
	const resolved = resolveDataPath(document.path, ref.path, roots.map((r) => r.path));
	if (resolved.kind === 'error') return refused(resolved.message);
	const uri = document.with({ path: resolved.path, query: '', fragment: '' });
	let stat: vscode.FileStat;
	try {
		stat = await vscode.workspace.fs.stat(uri);
	} catch {
		return refused(dataFileProblems.notFound(resolved.path), uri);
	}
	const escape = await linkEscape(uri, stat, roots.find((r) => normalizePath(r.path) === resolved.root)!);
	if (escape) return refused(escape, uri);
	if (stat.type & vscode.FileType.Directory) return refused(dataFileProblems.folder(), uri);
	const tooLarge = dataFileProblems.tooLarge(stat.size);
	if (tooLarge) return refused(tooLarge, uri);
	try {
		const bytes = await vscode.workspace.fs.readFile(uri);
		const file: DataFile = ref.binary ? { kind: 'bytes', bytes } : { kind: 'text', text: new TextDecoder().decode(bytes) };
		return { file, stamp: `${stat.mtime}:${stat.size}`, uri };
	} catch (error) {
		return refused(dataFileProblems.unreadable(error instanceof Error ? error.message : String(error)), uri);
	}
}

/**
 * Why a symbolic link on the way to `uri` leads out of `root`, if one does: on the `file` scheme the real paths are
 * compared; elsewhere (where links cannot be followed here) a link is refused.
 */
async function linkEscape(uri: vscode.Uri, stat: vscode.FileStat, root: vscode.Uri): Promise<Message | undefined> {
	const [real, realRoot] = uri.scheme === 'file' ? await Promise.all([realPath(uri.fsPath), realPath(root.fsPath)]) : [];
	if (real !== undefined && realRoot !== undefined) {
		const inside = isInside(normalizePath(real.replace(/\\/g, '/')), normalizePath(realRoot.replace(/\\/g, '/')));
		return inside ? undefined : dataFileProblems.linkEscape(real);
	}
	if (stat.type & vscode.FileType.SymbolicLink) return dataFileProblems.linkEscape(uri.path);
	return undefined;
}
