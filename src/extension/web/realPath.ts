/**
 * The browser build's `realPath`: there is no local file system to follow links in, so `readDataFiles.ts` refuses a
 * link it sees instead (esbuild.mjs puts this file in place of `../losses/realPath.ts`).
 */

/** Always undefined: links are not followed in the browser. */
export async function realPath(_path: string): Promise<string | undefined> {
	return undefined;
}
