/**
 * The real path of a file on the desktop (symbolic links followed), for the data-file rule in `readDataFiles.ts`.
 * The web build replaces this file with `../web/realPath.ts` (esbuild.mjs), where there is no local file system.
 */
import { realpath } from 'node:fs/promises';

/** `path` with every symbolic link followed, or undefined when it cannot be resolved. */
export async function realPath(path: string): Promise<string | undefined> {
	try {
		return await realpath(path);
	} catch {
		return undefined;
	}
}
