// Starts and stops the code-server that scripts/installVscode.mjs installed, and the headless Chromium that shows
// it, for the integration tests (scripts/runExtensionTests.mjs) and the UI tests (scripts/runUiTests.mjs,
// test/e2e/workbench.mjs). Each start gets its own temporary user-data, extensions, config and XDG folders, so
// nothing is written under $HOME and runs do not share state; stop() kills the whole process group (the server
// forks extension hosts and file watchers). See ../shared/vscode-harness.md for the recipe this follows.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerEntry = join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** User settings for every run: no walkthrough (it steals the palette's focus), no telemetry, no trust prompt. */
export const defaultSettings = {
	'workbench.startupEditor': 'none',
	'telemetry.telemetryLevel': 'off',
	'security.workspace.trust.enabled': false,
	'git.enabled': false,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'workbench.tips.enabled': false,
};

/**
 * Points TMPDIR (os.tmpdir()) at a fresh folder for the rest of this process and removes it when the process exits,
 * so whatever a run leaves in temporary folders (Playwright's profile and artifacts, code-server's sockets) goes
 * with it, even when a signal or a timeout ends the run. Call it first thing in a runner, before playwright-core
 * is imported (it reads os.tmpdir() once at load).
 */
export function useRunTempDir(prefix = 'downhill-run-') {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	process.env.TMPDIR = dir;
	process.once('exit', () => {
		try {
			rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
		} catch (error) {
			console.error(`could not remove ${dir}: ${error.message}`);
		}
	});
	return dir;
}

/** Resolves to a TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/**
 * Starts code-server on 127.0.0.1 and resolves once `/healthz` answers.
 * @param {{ port?: number, workspace: string, settings?: object, logFile?: string, timeoutMs?: number, extensionsDir?: string }} options
 *   `logFile` receives the server's stdout and stderr (default: a file in the run's temporary folder).
 *   `extensionsDir` is the folder of installed extensions (see installExtension); default: an empty temporary one.
 *   The caller owns a folder it passes: stop() leaves it in place.
 * @returns {Promise<{ url: string, port: number, logFile: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ port, workspace, settings = {}, logFile, timeoutMs = 60_000, extensionsDir }) {
	if (!existsSync(codeServerEntry)) {
		throw new Error(`code-server is not installed (${codeServerEntry} is missing): run \`node scripts/installVscode.mjs\``);
	}
	port ??= await freePort();
	const root = mkdtempSync(join(tmpdir(), 'downhill-code-server-'));
	mkdirSync(join(root, 'udd', 'User'), { recursive: true });
	if (extensionsDir === undefined) {
		extensionsDir = join(root, 'exts');
		mkdirSync(extensionsDir);
	} else {
		extensionsDir = resolve(extensionsDir);
		mkdirSync(extensionsDir, { recursive: true });
	}
	writeFileSync(join(root, 'config.yaml'), 'auth: none\ncert: false\n');
	writeFileSync(join(root, 'udd', 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...settings }, null, '\t'));
	logFile = resolve(logFile ?? join(root, 'code-server.log'));
	mkdirSync(dirname(logFile), { recursive: true });
	const log = createWriteStream(logFile);

	const args = [codeServerEntry, '--config', join(root, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
		'--user-data-dir', join(root, 'udd'), '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
		'--disable-workspace-trust', '--disable-getting-started-override', resolve(workspace)];
	const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config') };
	// detached: the server leads a new process group, so stop() reaches every process it forks.
	const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let tail = ''; // the last few KB of output, for error messages
	for (const stream of [child.stdout, child.stderr]) {
		stream.pipe(log, { end: false });
		stream.on('data', (chunk) => { tail = (tail + chunk).slice(-4000); });
	}
	let exited = false;
	const exitedPromise = new Promise((done) => child.once('exit', (code, signal) => { exited = true; done({ code, signal }); }));
	const killGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	const onProcessExit = () => {
		killGroup('SIGKILL');
		rmSync(root, { recursive: true, force: true, maxRetries: 3 });
	};
	process.prependOnceListener('exit', onProcessExit); // before useRunTempDir's removal of the folder it is in

	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		process.removeListener('exit', onProcessExit);
		killGroup('SIGTERM');
		const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
		if (!exited) await exitedPromise;
		clearTimeout(timer);
		killGroup('SIGKILL'); // stragglers that ignored SIGTERM (extension hosts, watchers)
		log.end();
		rmSync(root, { recursive: true, force: true, maxRetries: 3 });
	};

	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) {
			const { code, signal } = await exitedPromise;
			await stop();
			throw new Error(`code-server exited (${code ?? signal}) before answering /healthz. Its output ended with:\n${tail}`);
		}
		if (await healthy(url)) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms. Its output ended with:\n${tail}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url, port, logFile, stop };
}

/**
 * Installs a packaged extension (a .vsix) into `extensionsDir` with code-server's own `--install-extension`, the way
 * a user installs one (not as a development extension); start code-server with the same `extensionsDir` to load it.
 * Resolves to the command's output; rejects with it when the install fails.
 * @param {{ vsix: string, extensionsDir: string, timeoutMs?: number }} options
 */
export async function installExtension({ vsix, extensionsDir, timeoutMs = 60_000 }) {
	if (!existsSync(codeServerEntry)) {
		throw new Error(`code-server is not installed (${codeServerEntry} is missing): run \`node scripts/installVscode.mjs\``);
	}
	const root = mkdtempSync(join(tmpdir(), 'downhill-install-'));
	try {
		const args = [codeServerEntry, '--user-data-dir', join(root, 'udd'), '--extensions-dir', resolve(extensionsDir),
			'--install-extension', resolve(vsix), '--force'];
		const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config') };
		const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => { output += chunk; });
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, timeoutMs);
		const code = await new Promise((done) => child.once('exit', (exitCode, signal) => done(exitCode ?? signal)));
		clearTimeout(timer);
		if (code !== 0) throw new Error(`installing ${vsix} failed (${code}):\n${output}`);
		return output;
	} finally {
		rmSync(root, { recursive: true, force: true, maxRetries: 3 });
	}
}

async function healthy(url) {
	try {
		const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath` loaded as a development
 * extension (title `[Extension Development Host]`), and, with `extensionTestsPath`, runs that test module's `run()`.
 * code-server has no --extensionDevelopmentPath flag; VS Code's web workbench reads both from `payload`. Without
 * `extensionDevelopmentPath` the window runs only the extensions installed in the server's extensions folder.
 * @param {{ port: number, folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
	const authority = `127.0.0.1:${port}`;
	const remote = (path) => `vscode-remote://${authority}${resolve(path)}`;
	const url = `http://${authority}/?folder=${encodeURIComponent(resolve(folder))}`;
	if (!extensionDevelopmentPath) return url;
	const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
	if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
	return `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Debian's Chromium flags for this offline machine (see the machine notes): no background fetches, no sync. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

/**
 * Launches headless Debian Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) through playwright-core. Playwright gives
 * it a fresh temporary --user-data-dir; its XDG_CONFIG_HOME goes to a temporary folder too (Chromium writes crash
 * reports there). Open pages with `browser.newContext()`.
 * @returns {Promise<{ browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
export async function launchChromium() {
	const { chromium } = await import('playwright-core');
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
	const root = mkdtempSync(join(tmpdir(), 'downhill-chromium-'));
	const onProcessExit = () => rmSync(root, { recursive: true, force: true });
	process.once('exit', onProcessExit);
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		args: chromiumArgs,
		env: { ...process.env, XDG_CONFIG_HOME: join(root, 'xdg-config') },
	});
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		process.removeListener('exit', onProcessExit);
		await browser.close().catch(() => {});
		rmSync(root, { recursive: true, force: true, maxRetries: 3 });
	};
	return { browser, close };
}
