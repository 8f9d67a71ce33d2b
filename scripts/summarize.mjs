#!/usr/bin/env node
// The closing step of `npm test` and CI: one line `N passed, N failed` over every test suite, and an exit code that
// reflects every step.
//
//   node scripts/summarize.mjs --run [--step-timeout 900] build typecheck lint test:unit:ci test:integration test:e2e
//       clears test-results/, runs each npm script in order (each runs even if an earlier one failed, or was killed
//       at the step timeout; the UI suite gets at least 2400 s, as it runs slower on a loaded machine), then summarizes. A step that is a test suite (below) is read for its counts; any other step (build, typecheck,
//       lint, ...) only has to exit 0.
//   node scripts/summarize.mjs
//       summarizes the suites' results already in test-results/ (exit codes unknown).
//
// Where the counts come from: vitest's JSON reporter (test-results/vitest.json), and the `N passed, N failed` line
// that scripts/runExtensionTests.mjs and scripts/runUiTests.mjs write to test-results/{integration,e2e}.count.
// A failed step, a suite that did not report or ran no test, or a suite that exited non-zero with no failing test
// each add one to the failed count, so the final line says `0 failed` exactly when the exit code is 0.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(repoRoot, 'test-results');

/** @typedef {{ passed: number, failed: number, skipped: number } | { error: string }} Counts */

/** The test suites: npm script → how to read its counts. */
const suites = [
	{ name: 'unit', script: 'test:unit:ci', read: () => readVitest(join(resultsDir, 'vitest.json')) },
	{ name: 'integration', script: 'test:integration', read: () => readCountFile(join(resultsDir, 'integration.count')) },
	{ name: 'ui', script: 'test:e2e', read: () => readCountFile(join(resultsDir, 'e2e.count')), timeout: 2400 },
	{ name: 'webview', script: 'test:webview', read: () => readCountFile(join(resultsDir, 'webview.count')) },
	{ name: 'korean', script: 'test:korean', read: () => readCountFile(join(resultsDir, 'korean.count')) },
];

/** @returns {Counts} */
function readVitest(path) {
	if (!existsSync(path)) return { error: `no ${relative(path)}` };
	try {
		const report = JSON.parse(readFileSync(path, 'utf8'));
		const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
		let failed = report.numFailedTests ?? 0;
		// A test file that fails to load fails its suite without failing a test.
		if (report.success === false && failed === 0) failed = Math.max(1, report.numFailedTestSuites ?? 0);
		return { passed: report.numPassedTests ?? 0, failed, skipped };
	} catch (error) {
		return { error: `unreadable ${relative(path)}: ${error.message}` };
	}
}

/** @returns {Counts} */
function readCountFile(path) {
	if (!existsSync(path)) return { error: `no ${relative(path)}` };
	const text = readFileSync(path, 'utf8').trim();
	const match = /^(\d+) passed, (\d+) failed$/m.exec(text);
	return match ? { passed: Number(match[1]), failed: Number(match[2]), skipped: 0 } : { error: `${relative(path)} says "${text}"` };
}

function relative(path) {
	return path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path;
}

/**
 * Runs each npm script in order, whatever the previous ones did; returns script → { code, seconds }. Each runs in
 * a process group of its own, killed after `stepTimeout` seconds (a test stuck in a synchronous loop never ends on
 * its own), and the next step runs regardless.
 */
async function runScripts(scripts, stepTimeout) {
	rmSync(resultsDir, { recursive: true, force: true });
	const outcomes = new Map();
	for (const script of scripts) {
		console.log(`\n[summarize] ===== npm run ${script} =====`);
		const started = Date.now();
		const timeout = Math.max(stepTimeout, suites.find((s) => s.script === script)?.timeout ?? 0);
		const { code, timedOut } = await runInGroup('npm', ['run', script], timeout);
		const seconds = (Date.now() - started) / 1000;
		outcomes.set(script, { code, seconds, timedOut });
		const how = timedOut ? `KILLED after the ${timeout} s step timeout` : `exit ${code} after ${seconds.toFixed(1)} s`;
		console.log(`[summarize] ===== npm run ${script}: ${how} =====`);
	}
	return outcomes;
}

/** The step running now, so a signal to this process stops its whole group too. */
let runningGroup;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		killGroup(runningGroup, 'SIGKILL');
		process.exit(1);
	});
}

function killGroup(pid, signal) {
	try {
		if (pid) process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function runInGroup(command, args, timeoutSeconds) {
	return new Promise((resolveRun) => {
		const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', detached: true });
		runningGroup = child.pid;
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGTERM');
			setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000).unref();
		}, timeoutSeconds * 1000);
		child.on('error', () => {});
		child.on('close', (status) => {
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL'); // leftovers of a step that exited (servers it started and lost track of)
			runningGroup = undefined;
			resolveRun({ code: timedOut ? 124 : (status ?? 1), timedOut });
		});
	});
}

function summarize(outcomes) {
	let passed = 0;
	let failed = 0;
	const problems = [];
	const lines = [];
	const ran = outcomes ? [...outcomes.keys()] : suites.map((s) => s.script);
	for (const script of ran) {
		const outcome = outcomes?.get(script);
		const took = outcome ? ` (${outcome.seconds.toFixed(1)} s)` : '';
		const suite = suites.find((s) => s.script === script);
		if (outcome?.timedOut) {
			problems.push(`${script} timed out`);
			lines.push(`${script.padEnd(18)} KILLED: timed out${took}`);
			continue;
		}
		if (!suite) {
			if (outcome.code !== 0) problems.push(`${script} exited ${outcome.code}`);
			lines.push(`${script.padEnd(18)} ${outcome.code === 0 ? 'ok' : `FAILED (exit ${outcome.code})`}${took}`);
			continue;
		}
		const counts = suite.read();
		if ('error' in counts) {
			problems.push(`${suite.name} tests did not report: ${counts.error}`);
			lines.push(`${script.padEnd(18)} DID NOT REPORT: ${counts.error}${took}`);
			continue;
		}
		passed += counts.passed;
		failed += counts.failed;
		const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
		lines.push(`${script.padEnd(18)} ${counts.passed} passed, ${counts.failed} failed${skipped}${outcome?.code ? ` (exit ${outcome.code})` : ''}${took}`);
		if (counts.passed + counts.failed === 0) problems.push(`${suite.name} tests ran no test`);
		else if (outcome && outcome.code !== 0 && counts.failed === 0) problems.push(`${suite.name} tests exited ${outcome.code} with no failing test`);
	}
	failed += problems.length;
	console.log('\n[summarize] ===== summary =====');
	for (const line of lines) console.log(`  ${line}`);
	for (const problem of problems) console.log(`  FAILED: ${problem}`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args[0] === '--run') {
	let stepTimeout = 900;
	const scripts = [];
	for (let i = 1; i < args.length; i++) {
		if (args[i] === '--step-timeout') stepTimeout = Number(args[++i]);
		else scripts.push(args[i]);
	}
	if (scripts.length === 0 || !(stepTimeout > 0)) {
		console.error('usage: summarize.mjs --run [--step-timeout <seconds, default 900>] <npm script>...');
		process.exit(2);
	}
	process.exit(summarize(await runScripts(scripts, stepTimeout)));
} else {
	process.exit(summarize(undefined));
}
