// Webview bench: loads the built panel (dist/webview.js + media/panel.css) in headless Chromium behind the same CSP
// the extension uses, with a fake host (fakeHost.js), and measures
//   - time from script start to the first panel frame (target < 1 s),
//   - time to compute and paint a 200×200 contour map (target < 30 ms),
//   - frames per second while updates stream in at 60 per second up to and beyond a 100,000-point trajectory
//     (target ≥ 30 fps),
// then takes screenshots of the 1-D, 2-D and n-D panels in VS Code's light and dark themes into test-results/.
// Usage: npm run build && node bench/webview/webviewBench.mjs [--no-screenshots] [--quick]
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from './benchPage.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const quick = process.argv.includes('--quick');
const screenshots = !process.argv.includes('--no-screenshots');
const total = quick ? 20_000 : 100_000;
const targets = { fps: 30, contourMs: 30, firstFrameMs: 1000 };

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fixed = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

async function openPage(browser, base, query, viewport = { width: 1280, height: 900 }) {
	const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
	const problems = [];
	page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	await page.goto(`${base}/?${new URLSearchParams(query)}`);
	await page.waitForFunction(() => window.__fakeHost && window.__fakeHost.landscapes > 0 && document.querySelector('canvas.map'), null, { timeout: 10_000 });
	return { page, problems };
}

/** Frames per second in 1-second windows of rAF timestamps. */
function fpsWindows(stamps) {
	const out = [];
	if (stamps.length < 2) return out;
	for (let t = stamps[0]; t + 1000 <= stamps[stamps.length - 1]; t += 1000) out.push(stamps.filter((s) => s >= t && s < t + 1000).length);
	return out;
}

async function measure(browser, base) {
	const { page, problems } = await openPage(browser, base, { scenario: 'stream', theme: 'dark', bench: '1' });
	await page.waitForTimeout(300);
	const startup = await page.evaluate(() => ({ scriptStart: window.__downhillBench.scriptStart, firstFrame: window.__downhillBench.firstFrame }));
	const contour = await page.evaluate(() => {
		const runs = [];
		for (let i = 0; i < 15; i++) runs.push(window.__downhillBench.contour());
		return runs;
	});
	// Ramp: 60 updates/s up to `total` records in about 10 s; hold: 5 s more at 60 updates of 1 record each.
	const perUpdate = Math.ceil(total / (60 * 10));
	const result = await page.evaluate(async ({ total, perUpdate }) => {
		const stamps = [];
		let on = true;
		const loop = (t) => { stamps.push(t); if (on) requestAnimationFrame(loop); };
		requestAnimationFrame(loop);
		const panelStart = window.__downhillBench.frames.length;
		const drawStart = window.__downhillBench.drawMs.length;
		const t0 = performance.now();
		await window.__fakeHost.stream({ rate: 60, perUpdate, total });
		const t1 = performance.now();
		await window.__fakeHost.stream({ rate: 60, perUpdate: 1, total: total + 300 });
		const t2 = performance.now();
		on = false;
		const panel = window.__downhillBench.frames.slice(panelStart);
		const drawMs = window.__downhillBench.drawMs.slice(drawStart);
		const holdDraws = drawMs.filter((_, i) => panel[i] >= t1);
		return { stamps, panel, holdDraws, t0, t1, t2, count: window.__fakeHost.state.losses.length, violations: window.__fakeHost.violations };
	}, { total, perUpdate });
	const ramp = fpsWindows(result.stamps.filter((s) => s >= result.t0 && s < result.t1));
	const hold = fpsWindows(result.stamps.filter((s) => s >= result.t1 && s <= result.t2));
	const panelHold = fpsWindows(result.panel.filter((s) => s >= result.t1 && s <= result.t2));
	await page.close();
	return { startup, contour, ramp, hold, panelHold, holdDraws: result.holdDraws, count: result.count, violations: result.violations, problems };
}

async function shoot(browser, base) {
	const dir = join(root, 'test-results');
	mkdirSync(dir, { recursive: true });
	const cases = [
		['1d', { scenario: 'curve', preload: '6' }],
		['1d-diverged', { scenario: 'diverge' }],
		['2d-rosenbrock', { scenario: 'rosenbrock', preload: '3000' }],
		['2d-himmelblau', { scenario: 'himmelblau', preload: '40' }],
		['nd', { scenario: 'regression', preload: '60' }],
	];
	const written = [];
	for (const theme of ['light', 'dark', 'hc']) {
		for (const [name, query] of cases) {
			if (theme === 'hc' && name !== '2d-rosenbrock') continue;
			const { page, problems } = await openPage(browser, base, { ...query, theme });
			await page.waitForTimeout(400);
			const file = join(dir, `webview-${name}-${theme}.png`);
			await page.screenshot({ path: file, fullPage: true });
			written.push(file);
			if (problems.length) console.log(`  ${name}/${theme}: ${problems.join(' | ')}`);
			await page.close();
		}
	}
	return written;
}

async function main() {
	if (!existsSync(join(root, 'dist/webview.js'))) throw new Error('dist/webview.js is missing: run `npm run build` first');
	const server = await startBenchServer(root);
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	try {
		const m = await measure(browser, base(server));
		const firstFrame = m.startup.firstFrame - m.startup.scriptStart;
		const contourTotal = median(m.contour.map((c) => c.contoursMs + c.paintMs));
		const fpsHold = median(m.hold);
		console.log('webview bench (headless Chromium, --disable-gpu)');
		console.log(`  first frame: ${fixed(firstFrame)} ms after script start (${fixed(m.startup.firstFrame)} ms after navigation); target < ${targets.firstFrameMs} ms`);
		console.log(`  contour 200x200: median ${fixed(contourTotal, 2)} ms (levels + d3-contour ${fixed(median(m.contour.map((c) => c.contoursMs)), 2)} ms, paint ${fixed(median(m.contour.map((c) => c.paintMs)), 2)} ms); target < ${targets.contourMs} ms`);
		console.log(`  streaming to ${total} points at 60 updates/s: median ${fixed(median(m.ramp))} fps (min ${Math.min(...m.ramp)})`);
		console.log(`  holding ${m.count} points, 60 updates/s: median ${fixed(fpsHold)} fps (min ${Math.min(...m.hold)}), panel redraws ${fixed(median(m.panelHold))}/s; target >= ${targets.fps} fps`);
		const sorted = [...m.holdDraws].sort((a, b) => a - b);
		console.log(`  panel draw time at ${m.count} points: median ${fixed(median(sorted), 2)} ms, 95th percentile ${fixed(sorted[Math.floor(sorted.length * 0.95)], 2)} ms per frame`);
		console.log(`  CSP violations: ${m.violations.length}${m.violations.length ? ` (${m.violations.join(', ')})` : ''}; console problems: ${m.problems.length}${m.problems.length ? ` (${m.problems.slice(0, 3).join(' | ')})` : ''}`);
		const pass = firstFrame < targets.firstFrameMs && contourTotal < targets.contourMs && fpsHold >= targets.fps && m.violations.length === 0;
		console.log(`  ${pass ? 'all targets met' : 'TARGET MISSED'}`);
		if (screenshots) for (const file of await shoot(browser, base(server))) console.log(`  screenshot ${file}`);
		process.exitCode = pass ? 0 : 1;
	} finally {
		await browser.close();
		await server.close();
	}
}

const base = (server) => server.base;
await main();
