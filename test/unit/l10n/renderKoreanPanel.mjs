// Renders the built panel in Korean on the webview bench (bench/webview: its page and fake host, unchanged on disk)
// and takes screenshots into test-results/: the page comes with <body data-locale="ko">, the fake host's `init`
// carries the Korean table of src/extension/panel/panelStrings.ts as `snapshot.strings`, and its stop messages are
// the Korean ones the real host sends (l10n/bundle.l10n.ko.json). Reports text that overflows its box, in Korean and,
// for comparison, in English. Not part of vitest (it needs the build and Chromium).
// Usage: npm run build && node test/unit/l10n/renderKoreanPanel.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startBenchServer } from '../../../bench/webview/benchPage.mjs';
import { chromiumArgs } from '../../../scripts/codeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });

/** The Korean panel table, from the TypeScript source (it imports only the protocol). */
async function koreanTable() {
	const result = await build({ entryPoints: [join(root, 'src/extension/panel/panelStrings.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
	const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
	return module.koreanStrings;
}

const bundleKo = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ko.json'), 'utf8'));
const t = (message, ...args) => bundleKo[message].replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);

/** The fake host's script with Korean strings and the stop messages the real host would send in Korean. */
function koreanFakeHost(source, table) {
	const diverged = `${t('Diverged: the loss grew for {0} steps in a row (since step {1}).', 3, '${s.position - 2}')} ${t('Try a learning rate of {0} or less.', 0.5)}`;
	return source
		.replaceAll('strings: {}', `strings: ${JSON.stringify(table)}`)
		.replace(/`Diverged at step \$\{s\.position\}:[^`]*`/g, `\`${diverged}\``)
		.replace(/`Paused at step \$\{s\.position\}\.`/g, JSON.stringify(t('Paused')))
		.replace(/'Ready at the start point\.'/g, JSON.stringify(t('At the start point')));
}

/** Elements inside the panel whose text is wider or taller than their box (clipped or spilling out). */
function overflowing() {
	const found = [];
	for (const element of document.querySelectorAll('#app *')) {
		if (!(element instanceof HTMLElement) || element.offsetParent === null || element.closest('.visually-hidden')) continue;
		if (!Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '')) continue;
		const style = getComputedStyle(element);
		if (style.display === 'inline') continue;
		if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 2)
			found.push(`${element.tagName.toLowerCase()}.${element.className || '-'} "${element.textContent.trim().slice(0, 40)}" ${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight}`);
	}
	return found;
}

const shots = [
	{ name: 'webview-ko', query: { scenario: 'rosenbrock', preload: '40', theme: 'dark' }, width: 1200 },
	{ name: 'webview-ko-1d', query: { scenario: 'curve', preload: '6', theme: 'light' }, width: 1200 },
	{ name: 'webview-ko-diverged', query: { scenario: 'diverge', theme: 'dark' }, width: 1200 },
	{ name: 'webview-ko-nd', query: { scenario: 'regression', preload: '30', theme: 'dark' }, width: 1200 },
	{ name: 'webview-ko-narrow', query: { scenario: 'rosenbrock', preload: '40', theme: 'dark' }, width: 560 },
];

const table = await koreanTable();
const fakeHost = readFileSync(join(root, 'bench/webview/fakeHost.js'), 'utf8');
const server = await startBenchServer(root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
let problems = 0;
try {
	for (const shot of shots) {
		for (const locale of ['ko', 'en']) {
			const page = await browser.newPage({ viewport: { width: shot.width, height: 900 } });
			const errors = [];
			page.on('pageerror', (error) => errors.push(error.message));
			if (locale === 'ko') {
				await page.route('**/bench/fakeHost.js', (route) => route.fulfill({ contentType: 'text/javascript', body: koreanFakeHost(fakeHost, table) }));
				await page.route(/\/\?/, async (route) => {
					const response = await route.fetch();
					const html = (await response.text()).replace('data-locale="en"', 'data-locale="ko"').replace('<html lang="en">', '<html lang="ko">');
					await route.fulfill({ response, body: html });
				});
			}
			await page.goto(`${server.base}/?${new URLSearchParams(shot.query)}`);
			await page.waitForFunction(() => window.__fakeHost?.landscapes > 0);
			await page.waitForTimeout(400);
			const lang = await page.evaluate(() => document.documentElement.lang);
			const spilled = await page.evaluate(overflowing);
			const toggle = await page.locator('button.primary').textContent();
			if (locale === 'ko') await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true });
			console.log(`${shot.name} [${locale}] lang=${lang} toggle="${toggle}" overflowing=${spilled.length}${errors.length ? ` errors=${errors.join('; ')}` : ''}`);
			for (const line of spilled) console.log(`    ${line}`);
			if (locale === 'ko' && (lang !== 'ko' || toggle !== table['control.continue'] || errors.length > 0)) problems++;
			await page.close();
		}
	}
} finally {
	await browser.close();
	await server.close();
}
console.log(problems === 0 ? 'Korean panel rendered' : `${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
