#!/usr/bin/env node
// Runs the UI tests: every `test/e2e/*.e2e.mjs` file exports `async function run(ctx)` that drives a real VS Code
// (code-server in headless Chromium, see test/e2e/workbench.mjs) and throws on failure. One code-server and one browser
// serve the whole run; each test's pages are closed after it, with a screenshot `test-results/<name>-failure.png`
// when it fails. Prints `N passed, N failed` (also written to test-results/e2e.count) and exits 1 if any failed. A test that fails or runs out of its time is one failure; when the whole run is stopped (its timeout,
// a signal), the tests that did not run count as failed too, so the count always adds up to the number of tests.
// Tests wait on states (`until` in workbench.mjs), for as long as their own time lasts, not for fixed times.
// Builds nothing: run `npm run build` first.
//
//   node scripts/runUiTests.mjs [--grep <substring of file name>] [--timeout 2300] [--test-timeout 300]
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { useRunTempDir } from './codeServer.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
useRunTempDir();
const e2eDir = join(repoRoot, 'test', 'e2e');
const countFile = join(repoRoot, 'test-results', 'e2e.count');
const { values: options } = parseArgs({
	options: {
		grep: { type: 'string', default: '' },
		timeout: { type: 'string', default: '2300' },
		'test-timeout': { type: 'string', default: '300' },
	},
});

function say(message) {
	console.log(`[runUiTests] ${message}`);
}

let workbench; // test/e2e/workbench.mjs, once loaded
let finishing = false;
/** The tests of this run and how many passed and failed so far. */
const tally = { total: 0, passed: 0, failed: 0 };

/** Writes the counts at the end of a run; tests that did not run to the end (a stopped run) count as failed. */
function writeCounts() {
	const notRun = tally.total - tally.passed - tally.failed;
	const failed = tally.failed + notRun;
	const note = notRun > 0 ? `\n(${notRun} of ${tally.total} did not run to the end)` : '';
	writeFileSync(countFile, `${tally.passed} passed, ${failed} failed${note}\n`);
}

async function finish(code, reason) {
	if (reason) say(reason);
	if (finishing) return;
	finishing = true;
	if (tally.total > 0) writeCounts();
	setTimeout(() => process.exit(code), 20_000).unref(); // if cleanup itself hangs
	await workbench?.closeWorkbench().catch((error) => say(`cleanup: ${error.message}`));
	process.exit(code);
}

function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runOne(file) {
	const name = file.replace(/\.e2e\.mjs$/, '');
	const started = Date.now();
	const pages = [];
	const ctx = {
		...workbench,
		openWorkbench: async (opts) => {
			const page = await workbench.openWorkbench(opts);
			pages.push(page);
			return page;
		},
		log: (message) => console.log(`  [${name}] ${message}`),
	};
	say(`${name}: running`);
	const testTimeout = Number(options['test-timeout']) * 1000;
	workbench.setTestDeadline(started + testTimeout - 5000);
	try {
		const module = await import(pathToFileURL(join(e2eDir, file)).href);
		if (typeof module.run !== 'function') throw new Error(`${file} exports no run(ctx)`);
		await withTimeout(module.run(ctx), testTimeout, name);
		say(`${name}: passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		return true;
	} catch (error) {
		say(`${name}: FAILED (${((Date.now() - started) / 1000).toFixed(1)} s)\n${error?.stack ?? error}`);
		for (const [i, page] of pages.entries()) {
			const shot = await workbench.screenshot(page, `${name}-failure${i ? `-${i}` : ''}`).catch(() => undefined);
			if (shot) say(`${name}: screenshot ${shot}`);
		}
		return false;
	} finally {
		await workbench.closePages();
	}
}

async function main() {
	mkdirSync(dirname(countFile), { recursive: true });
	writeFileSync(countFile, 'did not finish\n');
	if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) return finish(1, 'dist/extension.js does not exist (run `npm run build` first)');
	const timer = setTimeout(() => finish(1, `timed out after ${options.timeout} s: killed code-server and Chromium`), Number(options.timeout) * 1000);
	timer.unref();

	const files = readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.mjs') && f.includes(options.grep)).sort();
	if (files.length === 0) return finish(1, `no test/e2e/*.e2e.mjs files${options.grep ? ` matching ${options.grep}` : ''}`);
	workbench = await import(pathToFileURL(join(e2eDir, 'workbench.mjs')).href);
	tally.total = files.length;
	for (const file of files) {
		const passed = await runOne(file);
		if (finishing) return; // stopped by a signal or the overall timeout: finish() wrote the counts
		if (passed) tally.passed++;
		else tally.failed++;
	}
	console.log(`${tally.passed} passed, ${tally.failed} failed`);
	await finish(tally.failed > 0 ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(1, `${signal}: stopping`));
main().catch((error) => finish(1, `failed: ${error?.stack ?? error}`));
