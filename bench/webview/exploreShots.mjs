// Screenshots of the panel's teaching views (update rule, restarts and basins) with the fake host, into
// test-results/explore-*.png, for a person to look at. Usage: npm run build && node bench/webview/exploreShots.mjs
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './benchPage.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = [
	{ name: 'update-rule-1d', query: { scenario: 'curve', theme: 'dark', preload: '3' } },
	{ name: 'update-rule-2d-light', query: { scenario: 'himmelblau', theme: 'light', preload: '5' } },
	{ name: 'update-rule-nd', query: { scenario: 'regression', theme: 'dark', preload: '4' } },
	{ name: 'restarts-2d', query: { scenario: 'himmelblau', theme: 'dark', preload: '5' }, act: (page) => page.evaluate(() => window.__fakeHost.restarts?.()) },
	{ name: 'restarts-1d', query: { scenario: 'curve', theme: 'light', preload: '2' }, act: (page) => page.evaluate(() => window.__fakeHost.restarts?.()) },
	{ name: 'sweep-1d', query: { scenario: 'curve', theme: 'dark', preload: '2' }, act: (page) => page.getByRole('button', { name: 'Learning rates' }).click() },
	{ name: 'sweep-diverged-light', query: { scenario: 'diverge', theme: 'light' }, act: (page) => page.getByRole('button', { name: 'Explore learning rates' }).click() },
	{ name: 'compare-2d', query: { scenario: 'rosenbrock', theme: 'dark', preload: '0' }, act: compare },
	{ name: 'compare-1d-light', query: { scenario: 'curve', theme: 'light', preload: '0' }, act: compare },
	{ name: 'brute-force-2d', query: { scenario: 'himmelblau', theme: 'dark', preload: '30' }, act: (page) => page.getByRole('button', { name: 'Brute force' }).click() },
	{ name: 'brute-force-1d-light', query: { scenario: 'curve', theme: 'light', preload: '8' }, act: (page) => page.getByRole('button', { name: 'Brute force' }).click() },
	{ name: 'batch-noise-nd', query: { scenario: 'regression', theme: 'dark', preload: '6' }, act: (page) => page.getByRole('button', { name: 'Mini-batch noise' }).click() },
	{ name: 'basins-2d', query: { scenario: 'himmelblau', theme: 'dark', preload: '5' }, act: (page) => page.getByRole('button', { name: 'Basins' }).click() },
];

/** Adds momentum and Adam-like runs, then takes 40 steps together. */
async function compare(page) {
	const add = async (preset, lr) => {
		await page.getByLabel('New run').selectOption({ index: preset });
		await page.getByLabel('lr', { exact: true }).fill(lr);
		await page.getByRole('button', { name: 'Add run' }).click();
		await page.waitForTimeout(100);
	};
	await add(1, '0.0005');
	await add(0, '0.002');
	await page.evaluate(() => window.__fakeHost.steps(40));
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const server = await startBenchServer(root);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
	for (const shot of shots) {
		const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
		page.on('pageerror', (e) => console.error(`${shot.name}: ${e.message}`));
		await page.goto(`${server.base}/?${new URLSearchParams(shot.query)}`);
		await page.waitForFunction(() => window.__fakeHost?.landscapes > 0 && document.querySelector('canvas.map'));
		await page.waitForTimeout(300);
		if (shot.act) {
			try {
				await shot.act(page);
			} catch (error) {
				console.error(`${shot.name}: ${error.message.split('\n')[0]}`);
			}
			await page.waitForTimeout(1500);
		}
		const path = join(root, 'test-results', `explore-${shot.name}.png`);
		await page.screenshot({ path, fullPage: true });
		console.log(path);
		await page.close();
	}
} finally {
	await browser.close();
	await server.close();
}
