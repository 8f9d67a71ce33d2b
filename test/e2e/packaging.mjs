// Shared by the UI tests that package Downhill (vsix.e2e.mjs, web.e2e.mjs): run a command with a time limit, copy
// the working tree without build output and installs, and package a copy with `npm run package` (a .vsix over the
// size limit fails there, whichever test built it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Top-level folders of the working tree not copied for packaging (build output, installs, results, VCS). */
const notCopied = new Set(['node_modules', 'dist', 'out', '.git', '.vscode-test', 'test-results']);

/** Runs a command; resolves to its output, rejects with it on a non-zero exit or after `timeoutMs`. */
export function exec(command, args, { cwd, timeoutMs = 120_000 }) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => { output += chunk; });
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}:\n${output}`));
		});
	});
}

/** Copies the working tree at `repoRoot` into `<work>/tree` (sources only) with the repo's node_modules linked. */
export function copyTree(repoRoot, work) {
	const tree = join(work, 'tree');
	cpSync(repoRoot, tree, { recursive: true, filter: (path) => !notCopied.has(relative(repoRoot, path).split(/[\\/]/)[0]) });
	symlinkSync(join(repoRoot, 'node_modules'), join(tree, 'node_modules'), 'dir');
	return tree;
}

/** The most a packaged Downhill may weigh (issue #13: the .vsix stays under 2 MB). */
export const maxVsixBytes = 2 * 1024 * 1024;

/** `npm run package` in `tree`, writing `vsix`; returns the seconds it took. Fails when the .vsix is `maxVsixBytes` or more. */
export async function packageTree(tree, vsix) {
	const started = Date.now();
	await exec('npm', ['run', 'package', '--', '--out', vsix], { cwd: tree });
	const seconds = (Date.now() - started) / 1000;
	const bytes = statSync(vsix).size;
	assert.ok(bytes < maxVsixBytes, `the .vsix is ${bytes} bytes, ${maxVsixBytes} (2 MB) or more`);
	return seconds;
}
