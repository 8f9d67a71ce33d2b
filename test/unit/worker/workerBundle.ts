// The worker's bundle built fresh from src/ for a test file (in a temporary directory removed after the file's tests),
// so the tests drive the worker code under test on a real thread rather than a stale dist/.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Registers the build and the clean-up; the returned function gives the bundle's path once `beforeAll` ran. */
export function useWorkerBundle(): () => string {
	let directory: string | undefined;
	beforeAll(async () => {
		directory = mkdtempSync(join(tmpdir(), 'downhill-worker-'));
		const outfile = join(directory, 'engineWorker.js');
		await esbuild.build({ entryPoints: ['src/worker/nodeWorkerMain.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
	});
	afterAll(() => directory && rmSync(directory, { recursive: true, force: true }));
	return () => join(directory!, 'engineWorker.js');
}
