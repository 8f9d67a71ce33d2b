// Data from a file in a real VS Code (issue #16): examples/house_prices.py reads examples/data/house-prices.csv with
// pandas. Start opens the panel on the 2-parameter regression (w, b) with the loss at the start point numpy gives
// (test/unit/data/fixtures/exampleOracles.json), ten steps at lr 0.1 move the point down the contour map, and the
// update rule names w and b. Screenshot: test-results/data-house-prices.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { maximizePanel, setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'house_prices.py' });
	const { frame, button } = await startPanel(page);
	const oracle = JSON.parse(readFileSync(new URL('../unit/data/fixtures/exampleOracles.json', import.meta.url), 'utf8'))['house_prices.py'];
	const header = await until('the loss at the start point', () => frame.locator('body').innerText(), (t) => /Loss\s+[\d.]+/.test(t));
	const start = Number(/Loss\s+([\d.]+)/.exec(header)[1]);
	assert.ok(Math.abs(start - oracle.start) < 1e-4 * oracle.start, `the panel's L(start) ${start}, numpy ${oracle.start}`);
	await setPanelLearningRate(frame, '0.1');
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await maximizePanel(page);
	const rule = await frame.locator('.update-rule').innerText();
	assert.match(rule, /w_new = /);
	assert.match(rule, /b_new = /);
	await frame.getByRole('button', { name: 'Fit', exact: true }).click();
	await page.mouse.move(5, 400);
	await page.waitForTimeout(500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'data-house-prices')}`);
	await ctx.closePages();
}
