/**
 * The few path operations the debugger needs, on strings, without `node:path`, so the same code runs in the Node
 * extension host, the standalone adapter and the browser's web worker host (where no Node built-ins exist). Paths
 * may be POSIX (`/home/a/loss.ts`), Windows (`C:\a\loss.ts`, `\\server\share\loss.ts`) or URI strings
 * (`untitled:Untitled-1`), which are left as they are.
 */

/** A Windows drive path, `C:\…` or `C:/…`. */
const windowsDrive = /^[a-z]:[\\/]/i;

/** True for a URI string with a scheme (`untitled:…`, `vscode-remote://…`), not a Windows drive path. */
export function hasUriScheme(text: string): boolean {
	return /^[a-z][a-z0-9+.-]+:/i.test(text) && !windowsDrive.test(text);
}

/** True for `/…`, `C:\…`, `C:/…` and `\\server\…`. */
export function isAbsolutePath(path: string): boolean {
	return path.startsWith('/') || windowsDrive.test(path) || path.startsWith('\\\\');
}

/** The last segment, split on `/` and `\`, trailing separators ignored: `C:\a\loss.ts` → `loss.ts`. */
export function basename(path: string): string {
	const trimmed = path.replace(/[\\/]+$/, '');
	return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/**
 * One spelling per path, for comparing: `normalizePath`, and lower-cased for a Windows path (drive letter or UNC),
 * whose file system ignores case, or for any path when the host runs on Windows or macOS (default file systems ignore
 * case there). URI strings are returned unchanged.
 */
export function comparablePath(path: string): string {
	if (hasUriScheme(path)) return path;
	const windows = windowsDrive.test(path) || path.startsWith('\\\\');
	const normalized = normalizePath(path);
	return windows || caseInsensitiveHost() ? normalized.toLowerCase() : normalized;
}

/** Separators as `/`, repeated separators and `.` segments dropped, `..` applied: `C:\a\..\b` → `C:/b`. */
export function normalizePath(path: string): string {
	const windows = windowsDrive.test(path) || path.startsWith('\\\\');
	const unc = path.startsWith('\\\\') || path.startsWith('//');
	const absolute = isAbsolutePath(path);
	const root = unc ? 2 : windows ? 1 : 0; // segments '..' never removes: the drive, or the server and share
	const segments: string[] = [];
	for (const segment of path.split(/[\\/]+/)) {
		if (segment === '' || segment === '.') continue;
		if (segment !== '..') segments.push(segment);
		else if (segments.length > root && segments[segments.length - 1] !== '..') segments.pop();
		else if (!absolute) segments.push(segment);
	}
	return (unc ? '//' : absolute && !windows ? '/' : '') + segments.join('/');
}

/** Windows or macOS, when a Node `process` is there to ask (not in a web worker). */
function caseInsensitiveHost(): boolean {
	const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
	return platform === 'win32' || platform === 'darwin';
}
