/**
 * Watches the data files that open documents read (`readDataFiles.ts`): one `FileSystemWatcher` per file, shared by
 * every document that reads it, disposed when none does. A change, creation or deletion of a file calls `changed`
 * with the file and the documents (URI strings) that read it, so `LossDocuments` can read it again and refresh their
 * CodeLens, hovers and diagnostics.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';

interface Watched {
	readonly watcher: vscode.FileSystemWatcher;
	readonly readers: Set<string>;
}

export class DataFileWatcher extends Disposable {
	private readonly watched = new Map<string, Watched>();

	constructor(private readonly changed: (file: vscode.Uri, readers: readonly string[]) => void) {
		super();
		this._register({ dispose: () => this.watched.forEach((w) => w.watcher.dispose()) });
	}

	/** From now on, the document `reader` reads exactly `files`. */
	watch(reader: string, files: readonly vscode.Uri[]): void {
		const keys = new Set(files.map((file) => file.toString()));
		for (const [key, w] of this.watched) if (!keys.has(key)) this.drop(key, w, reader);
		for (const file of files) this.watchedFor(file).readers.add(reader);
	}

	/** The document `reader` reads no file any more (it was closed). */
	forget(reader: string): void {
		for (const [key, w] of this.watched) this.drop(key, w, reader);
	}

	private drop(key: string, w: Watched, reader: string): void {
		w.readers.delete(reader);
		if (w.readers.size > 0) return;
		w.watcher.dispose();
		this.watched.delete(key);
	}

	private watchedFor(file: vscode.Uri): Watched {
		const key = file.toString();
		let w = this.watched.get(key);
		if (!w) {
			const folder = vscode.Uri.joinPath(file, '..');
			const name = file.path.slice(file.path.lastIndexOf('/') + 1);
			const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
			const readers = new Set<string>();
			const fire = () => this.changed(file, [...readers]);
			watcher.onDidChange(fire);
			watcher.onDidCreate(fire);
			watcher.onDidDelete(fire);
			w = { watcher, readers };
			this.watched.set(key, w);
		}
		return w;
	}
}
