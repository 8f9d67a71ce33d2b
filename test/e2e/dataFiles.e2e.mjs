// Data from a file in a real VS Code (issue #16): examples/house_prices.py reads examples/data/house-prices.csv with
// pandas. Start opens the panel on the 2-parameter regression (w, b), ten steps at lr 0.1 move the point down the
// contour map, and the panel's parameter table lists w and b. Screenshot: test-results/data-house-prices.png.
import assert from 'node:assert/strict';
import { maximizePanel, setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'house_prices.py' });
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.1');
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await maximizePanel(page);
	const rows = await frame.locator('table.params tbody tr th').allInnerTexts();
	assert.deepEqual(rows, ['w', 'b']);
	await frame.getByRole('button', { name: 'Fit', exact: true }).click();
	await page.mouse.move(5, 400);
	await page.waitForTimeout(500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'data-house-prices')}`);
	await ctx.closePages();
}
