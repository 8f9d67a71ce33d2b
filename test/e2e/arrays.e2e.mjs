// Arrays in a real VS Code (issue #12), on examples/xor-network.ts (a 2-2-1 tanh network with the weight matrix
// W1: number[][] and hidden units collected with h.push): Start opens the n-D panel, whose table groups the nine
// parameters by tensor (W1 · 2×2, b1 · 2, w2 · 2, b2); then the debugger: F5, F10, and the Variables view shows W1
// as a 2×2 matrix whose rows expand. Screenshots: test-results/nd-tensors.png and debugger-matrix.png.
import assert from 'node:assert/strict';
import { maximizePanel, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'xor-network.ts' });
	const { frame, button } = await startPanel(page);
	await frame.getByRole('combobox', { name: 'Optimizer' }).selectOption('adam').catch(() => undefined);
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await maximizePanel(page);
	const groups = await until('the table grouped by tensor', () => frame.locator('table.params tr.tensor-head').allInnerTexts(), (r) => r.length === 3);
	ctx.log(`groups: ${groups.map((g) => g.replace(/\s+/g, ' ')).join(' | ')}`);
	assert.deepEqual(groups.map((g) => g.split(/\s+·\s+|\s+/).slice(0, 2).join(' ')), ['W1 2×2', 'b1 2', 'w2 2']);
	const rows = await frame.locator('table.params tbody tr:not(.tensor-head) th').allInnerTexts();
	assert.deepEqual(rows, ['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'b1[0]', 'b1[1]', 'w2[0]', 'w2[1]', 'b2']);
	await button('Fit').click();
	await frame.locator('.panel-main').evaluate((element) => element.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'nd-tensors')}`);
	await ctx.closePages();

	const debug = await ctx.openWorkbench({ folder: 'examples', file: 'xor-network.ts' });
	await debug.locator('.monaco-editor .view-lines').first().click();
	await debug.keyboard.press('F5');
	const suggested = debug.locator('.quick-input-widget .monaco-list-row', { hasText: 'Downhill (gradient descent)' }).first();
	await suggested.waitFor({ state: 'visible', timeout: 30_000 });
	await suggested.click();
	await debug.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
	const variables = debug.locator('.debug-variables');
	await until('W1 in Parameters', () => variables.innerText(), (t) => /W1/.test(t), 30_000);
	await debug.keyboard.press('F10');
	await until('step 1 in the call stack', () => debug.locator('.debug-call-stack').innerText(), (t) => /step 1/.test(t));
	const w1 = variables.locator('.monaco-list-row', { hasText: /^W1/ }).first();
	const summary = await until('W1 as a 2×2 matrix', () => w1.innerText(), (t) => /2×2 \[/.test(t));
	ctx.log(`W1: ${summary.replace(/\s+/g, ' ')}`);
	await w1.click();
	const row0 = variables.locator('.monaco-list-row', { hasText: /^\[0\]/ }).first();
	await row0.waitFor({ state: 'visible', timeout: 10_000 });
	await row0.click();
	const shown = await until('W1[0] expanded', () => variables.innerText(), (t) => (t.match(/\[0\]/g) ?? []).length >= 2 && /\[1\]/.test(t));
	ctx.log(`Variables: ${shown.replace(/\s+/g, ' ').slice(0, 300)}`);
	ctx.log(`screenshot: ${await ctx.screenshot(debug, 'debugger-matrix')}`);
	await debug.keyboard.press('Shift+F5');
}
