#!/usr/bin/env node
// Runs the integration suite in a real VS Code: this repository's stand-in for @vscode/test-electron's runTests(),
// which cannot download VS Code offline. It starts code-server (scripts/codeServer.mjs), opens the workbench in
// headless Debian Chromium with this repository as the development extension and the compiled suite as
// `extensionTestsPath`, streams the extension host's console (mocha's reporter) to stdout through the
// `codeAutomationLog` hook, and exits with the code the workbench hands to `codeAutomationExit`.
// Builds nothing: run `npm run build` first.
//
//   node scripts/runExtensionTests.mjs [--tests dist/test/integration/index.js] [--workspace examples]
//                                      [--timeout 300] [--count-file test-results/integration.count]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, startCodeServer, useRunTempDir, workbenchUrl } from './codeServer.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
useRunTempDir();
const { values: options } = parseArgs({
	options: {
		tests: { type: 'string', default: 'dist/test/integration/index.js' },
		workspace: { type: 'string', default: 'examples' },
		timeout: { type: 'string', default: '300' },
		'count-file': { type: 'string', default: 'test-results/integration.count' },
	},
});
const testsPath = resolve(repoRoot, options.tests);
const workspace = resolve(repoRoot, options.workspace);
const countFile = resolve(repoRoot, options['count-file']);
const timeoutSeconds = Number(options.timeout);
const countLine = /^(\d+) passed, (\d+) failed$/;

function say(message) {
	console.log(`[runExtensionTests] ${message}`);
}

/** Everything started here, stopped in reverse order exactly once, whatever ends the run. */
const cleanups = [];
async function cleanUp() {
	while (cleanups.length > 0) {
		try {
			await cleanups.pop()();
		} catch (error) {
			say(`cleanup: ${error.message}`);
		}
	}
}

let finishing = false;
async function finish(code, reason) {
	if (reason) say(reason);
	if (finishing) return;
	finishing = true;
	setTimeout(() => process.exit(code), 20_000).unref(); // if cleanup itself hangs
	await cleanUp();
	process.exit(code);
}

async function main() {
	const started = Date.now();
	mkdirSync(dirname(countFile), { recursive: true });
	writeFileSync(countFile, 'did not finish\n'); // replaced by the suite's `N passed, N failed`
	for (const [what, path] of [['tests module', testsPath], ['workspace folder', workspace], ['extension bundle', join(repoRoot, 'dist', 'extension.js')]]) {
		if (!existsSync(path)) return finish(1, `${what} ${path} does not exist (run \`npm run build\` first)`);
	}
	const timer = setTimeout(() => finish(1, `timed out after ${timeoutSeconds} s: killed code-server and Chromium`), timeoutSeconds * 1000);
	timer.unref();

	const server = await startCodeServer({ workspace, logFile: join(repoRoot, 'test-results', 'integration-code-server.log') });
	cleanups.push(server.stop);
	say(`code-server on ${server.url} (log: ${server.logFile})`);
	const { browser, close } = await launchChromium();
	cleanups.push(close);
	const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();

	let resolveExit;
	const exited = new Promise((resolve) => (resolveExit = resolve));
	await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number.isInteger(code) ? code : 1));
	await page.exposeFunction('codeAutomationLog', (type, args) => {
		const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
		for (const line of text.split('\n')) {
			const match = countLine.exec(line.trim());
			if (match) writeFileSync(countFile, `${match[1]} passed, ${match[2]} failed\n`);
		}
		process.stdout.write(`${text}\n`);
	});
	page.on('pageerror', (error) => say(`page error: ${error.message}`));

	const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath });
	say(`opening the workbench with extensionTestsPath=${testsPath}`);
	await page.goto(url);
	const exitCode = await exited;
	await finish(exitCode, `exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(1, `${signal}: stopping`));
main().catch((error) => finish(1, `failed: ${error?.stack ?? error}`));
