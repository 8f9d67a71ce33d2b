/**
 * The CLI's side of data files: the files a loss names (`findDataReferences`), read from disk relative to the loss
 * file under the engine's path rule (`resolveDataPath`). The root a data file must stay inside is the current
 * directory when the loss file is in it, else the loss file's own folder; symbolic links are followed and the real
 * path must stay inside the real root; files over the size limit are refused. As in the editor, a file that cannot be
 * read becomes an error the engine raises at the path string only if the loss evaluates that call.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type DataFile, dataFileProblems, findDataReferences, isInside, type LanguageId, type Message, normalizePath, resolveDataPath } from '../engine/index';

const posix = (p: string) => normalizePath(p.replace(/\\/g, '/'));

/** The data files `source` (the loss file `file`, or `-` for standard input) reads, by the path as written. */
export function readDataFiles(file: string, source: string, language: LanguageId, cwd = process.cwd()): Map<string, DataFile> {
	const files = new Map<string, DataFile>();
	const references = findDataReferences(source, language);
	if (references.length === 0) return files;
	const lossPath = file === '-' ? path.join(cwd, '<stdin>') : path.resolve(cwd, file);
	const root = isInside(posix(lossPath), posix(cwd)) ? cwd : path.dirname(lossPath);
	for (const ref of references) {
		if (!files.has(ref.path)) files.set(ref.path, readOne(posix(lossPath), ref.path, ref.binary, root));
	}
	return files;
}

function refused(message: Message): DataFile {
	return { kind: 'error', message };
}

function readOne(lossPath: string, written: string, binary: boolean, root: string): DataFile {
	const resolved = resolveDataPath(lossPath, written, [posix(root)]);
	if (resolved.kind === 'error') return refused(resolved.message);
	const target = resolved.path;
	let size: number;
	try {
		const stat = statSync(target);
		if (stat.isDirectory()) return refused(dataFileProblems.folder());
		size = stat.size;
	} catch {
		return refused(dataFileProblems.notFound(target));
	}
	const real = realpathSync(target);
	if (!isInside(posix(real), posix(realpathSync(root)))) {
		return refused(dataFileProblems.linkEscape(real));
	}
	const tooLarge = dataFileProblems.tooLarge(size);
	if (tooLarge) return refused(tooLarge);
	try {
		const bytes = readFileSync(target);
		return binary ? { kind: 'bytes', bytes: new Uint8Array(bytes) } : { kind: 'text', text: bytes.toString('utf8') };
	} catch (error) {
		return refused(dataFileProblems.unreadable((error as NodeJS.ErrnoException).code ?? String(error)));
	}
}
