// Arrays in a real VS Code (issue #12). examples/numpy_linear_regression.py (w = np.zeros(2) and b): Start, ten
// steps at lr 0.02, and the n-D panel's table groups w as a tensor (w · 2) above its elements, b alone.
// examples/xor-network.ts (a 2-2-1 tanh network with the weight matrix W1: number[][] and hidden units collected with
// h.push): Start, ten Adam steps, and the table groups the nine parameters by tensor (W1 · 2×2, b1 · 2, w2 · 2, b2),
// the traces a colour per tensor. The debugger's view of W1 is matrixVariables.e2e.mjs. Screenshots:
// test-results/nd-numpy-tensors.png and nd-tensors.png.
import assert from 'node:assert/strict';
import { maximizePanel, setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** The group headers of the panel's parameter table, as `name shape` (`W1 2×2`). */
async function tensorGroups(frame, count) {
	const heads = frame.locator('table.params tr.tensor-head th');
	const groups = await until(`${count} tensor groups in the table`, () => heads.allInnerTexts(), (r) => r.length === count);
	return groups.map((g) => g.split(/\s+·\s+/).join(' '));
}

/** The table scrolled into view beside the parameter traces, then a screenshot. */
async function pictureTable(ctx, page, frame, name) {
	await frame.getByRole('button', { name: 'Fit', exact: true }).click();
	await frame.locator('table.params').evaluate((element) => element.scrollIntoView({ block: 'end' }));
	await page.mouse.move(5, 400);
	await page.waitForTimeout(500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, name)}`);
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
async function numpyRegression(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'numpy_linear_regression.py' });
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.02');
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await maximizePanel(page);
	assert.deepEqual(await tensorGroups(frame, 1), ['w 2']);
	const rows = await frame.locator('table.params tbody tr:not(.tensor-head) th').allInnerTexts();
	assert.deepEqual(rows, ['w[0]', 'w[1]', 'b']);
	await pictureTable(ctx, page, frame, 'nd-numpy-tensors');
	await ctx.closePages();
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
async function xorPanel(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'xor-network.ts' });
	const { frame, button } = await startPanel(page);
	await frame.getByLabel('Optimizer', { exact: true }).selectOption({ label: 'Adam' });
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await maximizePanel(page);
	assert.deepEqual(await tensorGroups(frame, 3), ['W1 2×2', 'b1 2', 'w2 2']);
	const rows = await frame.locator('table.params tbody tr:not(.tensor-head) th').allInnerTexts();
	assert.deepEqual(rows, ['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'b1[0]', 'b1[1]', 'w2[0]', 'w2[1]', 'b2']);
	await pictureTable(ctx, page, frame, 'nd-tensors');
	await ctx.closePages();
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	await numpyRegression(ctx);
	await xorPanel(ctx);
}
