// VS Code stays responsive while Downhill analyses files that used to freeze the extension host (issue #14): ten
// JavaScript losses of 10⁸ sin evaluations each (about 105 s of L(start) on the host before the engine's worker), the
// Markdown inputs that were quadratic to scan (160 KB of unclosed `\[`, 80 KB of `\(`, a 127 KB `$5 | $10` price
// table) and a 5.9 MB JavaScript file holding a data array of a million numbers.
//
// A second extension, test/e2e/probeExtension, runs in the same extension host as Downhill (loaded from the server's
// extensions folder, Downhill as the development extension). While Downhill's lenses are pending, the test times,
// from the key press to the widget on screen, a built-in command whose answer comes from that host (Trigger Suggest,
// listing the probe's completion) and the probe's hover: their medians must stay under 1 s and each under 5 s (the
// target is 200 ms: a freeze is minutes; the measured times are printed and quoted in README). The probe's hover also
// reports how busy the host's thread was (Node's event loop utilization) and its longest stall, which must stay under
// 1 s, measured from when tenLoops.js is open: opening the big files stalls the host for seconds with or without
// Downhill (VS Code's TypeScript and Markdown extensions take them in), so that window is not Downhill's to answer for.
//
// Downhill's CodeLens must say what it is doing: `Downhill skipped this file (over 1 MB)` on the data file, `L(start) …`
// while the ten values are pending, then for each a value or `L(start) took longer than 2 s; not shown`.
// Screenshots: responsive-skipped.png, responsive-pending.png, responsive-settled.png.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';
import { until } from './workbench.mjs';

/**
 * What the median response and the host's longest stall may take before the test fails (the target is 200 ms; a
 * freeze is minutes: L(start) of tenLoops.js held this host for about 105 s before the engine's worker).
 */
const responseLimitMs = 1000;
/** What the slowest single response may take: headless Chromium on a loaded 2-core machine has its own hiccups. */
const worstResponseMs = 5000;

/** The workspace of the adversarial files, plus the probe's plain-text file. */
function writeWorkspace(folder) {
	mkdirSync(folder);
	const loops = Array.from({ length: 10 }, (_, k) =>
		`function loss${k}(x = 1) { let s = 0; for (let i = 0; i < 1e4; i++) for (let j = 0; j < 1e4; j++) s += x * Math.sin(i * j + ${k}); return s; }`);
	writeFileSync(join(folder, 'tenLoops.js'), `${loops.join('\n')}\n`);
	writeFileSync(join(folder, 'brackets.md'), `# Unclosed display math\n\n${'\\['.repeat(80_000)}\n`);
	writeFileSync(join(folder, 'parens.md'), `# Unclosed inline math\n\n${'\\('.repeat(40_000)}\n`);
	const rows = Array.from({ length: 5800 }, (_, i) => `| item ${i} | $5 | $10 |`);
	writeFileSync(join(folder, 'prices.md'), `# Prices\n\n| item | small | large |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
	const data = Array.from({ length: 1_000_000 }, (_, i) => ((i * 7919) % 1000) / 100);
	writeFileSync(join(folder, 'data.js'), `const data = [${data.join(', ')}];\nfunction loss(w = 0) {\n\tlet s = 0;\n\tfor (let i = 0; i < data.length; i++) s += (w - data[i]) ** 2;\n\treturn s / data.length;\n}\n`);
	writeFileSync(join(folder, 'probe.txt'), 'probe\n');
}

/** The text of every CodeLens line shown in editor group `group` (0-based). */
async function lensLines(page, group) {
	const lenses = page.locator('.editor-group-container').nth(group).locator('.codelens-decoration');
	return (await lenses.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Milliseconds from `act` to `shown` becoming visible. */
async function timeUntilVisible(act, shown) {
	const started = performance.now();
	await act();
	await shown.waitFor({ state: 'visible', timeout: 60_000 });
	return performance.now() - started;
}

/** One round against the probe's editor: Trigger Suggest and the hover, timed; returns both and the hover's text. */
async function probeRound(page) {
	const editor = page.locator('.editor-group-container').nth(1).locator('.monaco-editor .view-lines');
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('End');
	const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'probeCompletion' }).first();
	const suggestMs = await timeUntilVisible(() => page.keyboard.press('Control+Space'), suggestion);
	await page.keyboard.press('Escape');
	const hover = page.locator('.monaco-hover', { hasText: 'probe hover' }).first();
	const hoverMs = await timeUntilVisible(async () => {
		await page.keyboard.press('Control+K');
		await page.keyboard.press('Control+I');
	}, hover);
	const report = (await hover.innerText()).replace(/\s+/g, ' ');
	return { suggestMs, hoverMs, report, hover };
}

const pending = /L\(start\) …/;
const settled = /L\(start\) (= \S+|took longer than 2 s; not shown)/;

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const work = mkdtempSync(join(tmpdir(), 'downhill-responsive-'));
	const workspace = join(work, 'workspace');
	writeWorkspace(workspace);
	const extensionsDir = join(work, 'extensions');
	mkdirSync(extensionsDir);
	symlinkSync(join(ctx.repoRoot, 'test', 'e2e', 'probeExtension'), join(extensionsDir, 'downhill-tests.downhill-probe-0.0.1'), 'dir');
	const server = await startCodeServer({ workspace, extensionsDir, logFile: join(ctx.resultsDir, 'responsive-code-server.log') });
	const chromium = await launchChromium();
	let page;
	try {
		const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await context.newPage();
		await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: ctx.repoRoot }));
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
		await ctx.runCommand(page, 'Downhill Probe: Start Measuring', { timeout: 60_000 });
		const measuring = performance.now();
		const at = () => `${((performance.now() - measuring) / 1000).toFixed(1)} s`;

		await ctx.openFile(page, 'data.js');
		const skipped = await until('the data file skipped', () => lensLines(page, 0), (lines) => lines.some((l) => /Downhill skipped this file \(over 1 MB\)/.test(l)), 60_000);
		ctx.log(`${at()}: data.js (5.9 MB): ${skipped.join(' / ')}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'responsive-skipped')}`);
		for (const file of ['brackets.md', 'parens.md', 'prices.md']) {
			await ctx.openFile(page, file);
			ctx.log(`${at()}: opened ${file}`);
		}
		await ctx.openFile(page, 'tenLoops.js');
		const first = await until('L(start) pending in tenLoops.js', () => lensLines(page, 0), (lines) => lines.some((l) => pending.test(l)), 60_000);
		ctx.log(`${at()}: tenLoops.js while pending: ${first.length} lenses, ${first.filter((l) => pending.test(l)).length} pending: ${first[0]}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'responsive-pending')}`);

		// VS Code's own extensions (TypeScript, Markdown) stall this host for seconds while they take in the files
		// opened so far, with or without Downhill; from here on the host's work is Downhill's analysis of tenLoops.js.
		await ctx.runCommand(page, 'Downhill Probe: Start Measuring');
		ctx.log(`${at()}: measuring again`);
		await ctx.runCommand(page, 'View: Split Editor Right');
		await ctx.openFile(page, 'probe.txt');
		const rounds = [];
		let lines = await lensLines(page, 0);
		while (rounds.length < 3 || lines.some((l) => pending.test(l))) {
			const round = await probeRound(page);
			await page.keyboard.press('Escape');
			lines = await lensLines(page, 0);
			const waiting = lines.filter((l) => pending.test(l)).length;
			rounds.push({ ...round, waiting });
			ctx.log(`${at()}: round ${rounds.length}: Trigger Suggest ${round.suggestMs.toFixed(0)} ms, probe hover ${round.hoverMs.toFixed(0)} ms, ${waiting} of 10 L(start) pending`);
			if (rounds.length > 80) break;
		}
		const whilePending = rounds.filter((r) => r.waiting > 0);
		assert.ok(whilePending.length >= 2, `only ${whilePending.length} rounds ran while L(start) was pending`);
		ctx.log(`final lenses: ${lines.join(' / ')}`);
		assert.equal(lines.filter((l) => settled.test(l)).length, 10, `not every L(start) settled: ${lines.join(' / ')}`);

		const { report } = await probeRound(page);
		ctx.log(`probe, since measuring again: ${report}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'responsive-settled')}`);
		const busy = /busy ([\d.]+)% of ([\d.]+) s, longest stall (\d+) ms/.exec(report);
		assert.ok(busy, `the probe's hover does not report the host's load: ${report}`);
		const worst = (key) => Math.max(...whilePending.map((r) => r[key]));
		const median = (key) => whilePending.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(whilePending.length / 2)];
		ctx.log(`while L(start) was pending (${whilePending.length} rounds): Trigger Suggest median ${median('suggestMs').toFixed(0)} ms, worst ${worst('suggestMs').toFixed(0)} ms; probe hover median ${median('hoverMs').toFixed(0)} ms, worst ${worst('hoverMs').toFixed(0)} ms`);
		ctx.log(`extension host thread while Downhill analysed tenLoops.js: busy ${busy[1]}% of ${busy[2]} s, longest stall ${busy[3]} ms`);
		for (const [key, what] of [['suggestMs', 'Trigger Suggest'], ['hoverMs', "the probe's hover"]]) {
			assert.ok(median(key) < responseLimitMs, `${what} took ${median(key).toFixed(0)} ms (median)`);
			assert.ok(worst(key) < worstResponseMs, `${what} took ${worst(key).toFixed(0)} ms once`);
		}
		assert.ok(Number(busy[3]) < responseLimitMs, `the extension host stalled for ${busy[3]} ms`);
	} catch (error) {
		if (page) await ctx.screenshot(page, 'responsive-failure').catch(() => undefined);
		throw error;
	} finally {
		await chromium.close();
		await server.stop();
	}
}
