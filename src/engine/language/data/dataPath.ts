/**
 * The rule for the data files a loss reads (`np.loadtxt("data/x.csv")`, `import d from "./d.json"`), shared by the
 * extension (over URI paths) and the CLI (over file paths): a path is relative to the folder of the loss file (an
 * absolute path is taken as it is), and it must end up inside one of the allowed roots (the workspace folders; for
 * the CLI, see `src/cli/readDataFiles.ts`), so `..` cannot climb out and an absolute path cannot point elsewhere. Paths
 * here are POSIX-style (`/` separators, as in a URI's path); a backslash in what the user wrote is read as `/`. The
 * caller checks symbolic links itself with the real paths (`isInside`). Pure: the engine never touches a file system.
 */
import { msg, type Message } from '../../message';

/** The most bytes a data file may have (50 MiB). */
export const dataFileSizeLimit = 50 * 1024 * 1024;

export type DataPathResult =
	| { readonly kind: 'ok'; readonly path: string; readonly root: string }
	| { readonly kind: 'error'; readonly message: Message };

/** `path` with `.` and `..` segments resolved and no trailing slash (`/a/./b/../c/` is `/a/c`); `..` stops at `/`. */
export function normalizePath(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	const drive = /^[A-Za-z]:$/.test(parts[0] ?? '') ? '' : '/';
	return drive + parts.join('/');
}

/** True when `path` is `root` or below it (both normalized). */
export function isInside(path: string, root: string): boolean {
	const base = root.endsWith('/') ? root : `${root}/`;
	return path === root || path.startsWith(base);
}

function isAbsolute(written: string): boolean {
	return written.startsWith('/') || /^[A-Za-z]:\//.test(written);
}

/**
 * Where the data file `written` (as the loss wrote it) is for the loss file at `lossPath`, when that is inside one of
 * `roots`; else why it is not read.
 */
export function resolveDataPath(lossPath: string, written: string, roots: readonly string[]): DataPathResult {
	const forward = written.replace(/\\/g, '/');
	if (forward.trim() === '') return { kind: 'error', message: msg`the path is empty` };
	const folder = lossPath.replace(/\/[^/]*$/, '') || '/';
	const path = normalizePath(isAbsolute(forward) ? forward : `${folder}/${forward}`);
	const normalizedRoots = roots.map(normalizePath);
	if (!normalizedRoots.some((root) => isInside(normalizePath(lossPath), root))) {
		return { kind: 'error', message: msg`the loss file is not inside a workspace folder, so Downhill reads no data file for it` };
	}
	const root = normalizedRoots.find((r) => isInside(path, r));
	if (root === undefined) return { kind: 'error', message: msg`the path leads outside the workspace (${path}); data files are read only inside it` };
	return { kind: 'ok', path, root };
}

/** Why a host did not read a data file, in the same words in the editor and the CLI. */
export const dataFileProblems = {
	notFound: (path: string): Message => msg`the file was not found (${path})`,
	folder: (): Message => msg`the path is a folder, not a file`,
	linkEscape: (real: string): Message => msg`a symbolic link leads outside the workspace (${real}); data files are read only inside it`,
	unreadable: (reason: string): Message => msg`the file could not be read: ${reason}`,
	/** Undefined when `size` bytes are within `dataFileSizeLimit`. */
	tooLarge(size: number): Message | undefined {
		const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
		return size > dataFileSizeLimit ? msg`the file is ${mb(size)} MB, over the limit of ${mb(dataFileSizeLimit)} MB` : undefined;
	},
};
