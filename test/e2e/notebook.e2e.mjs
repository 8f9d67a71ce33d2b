// The study note as a Jupyter notebook in a real VS Code (code-server in headless Chromium, the built-in notebook
// editor, no kernel): examples/study-note.ipynb shows the CodeLens above the loss in its code cell, with L(start)
// from the data and the helper of the cells above (mean(y²) = 55.51 / 5 = 11.102 at w = b = 0, by hand); a click on
// ▶ Step through opens the panel beside the notebook, and three clicks on Step lower the loss step by step. The loss
// cell is below the first screen, and the notebook editor draws a cell (and its CodeLens) only once it is scrolled to.
// Screenshots: test-results/notebook-lens.png (the notebook with its lenses) and notebook-stepping.png (the panel
// beside it after three steps).
import assert from 'node:assert/strict';
import { until } from './workbench.mjs';

/** The panel's readout `label` (`dl.stats`: Step, Loss, ...). */
function stat(frame, label) {
	return frame
		.locator('dl.stats > div')
		.filter({ has: frame.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
		.locator('dd');
}

/**
 * Scrolls the notebook down to the loss cell: the notebook editor draws only the cells in view (and their CodeLens),
 * so the loss cell, below the first screen, has none until it is scrolled to. The mouse wheel over the notebook
 * scrolls it a little at a time until the loss cell's editor is on screen.
 * @param {import('playwright-core').Page} page
 */
async function revealLossCell(page) {
	const lossCell = page.locator('.notebookOverlay .cell-editor-container', { hasText: 'def loss' }).first();
	const list = page.locator('.notebookOverlay .monaco-list').first();
	await list.waitFor({ state: 'visible' });
	const box = await list.boundingBox();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	for (let i = 0; i < 40 && !(await lossCell.isVisible()); i++) {
		await page.mouse.wheel(0, 300);
		await page.waitForTimeout(200);
	}
	await lossCell.waitFor({ state: 'visible', timeout: 5000 });
	await page.mouse.wheel(0, 400);
}

/**
 * The Downhill panel's content frame. The notebook editor has a webview of its own (its outputs and Markdown), so the
 * first visible webview may be the notebook's: the panel's is the one that holds the readouts (`dl.stats`).
 * @param {import('playwright-core').Page} page
 */
async function panelFrame(page) {
	const hosts = page.locator('iframe.webview.ready');
	return until('the panel webview', async () => {
		for (let i = 0; i < (await hosts.count()); i++) {
			const frame = hosts.nth(i).contentFrame().locator('iframe#active-frame').first().contentFrame();
			if ((await frame.locator('dl.stats').count()) > 0) return frame;
		}
		return undefined;
	}, (frame) => frame !== undefined && typeof frame === 'object', 60_000);
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples' });
	await ctx.openFile(page, 'study-note.ipynb', { timeout: 120_000 });
	await revealLossCell(page);
	ctx.log('the loss cell is on screen');
	const lenses = page.locator('.notebookOverlay .codelens-decoration');
	const value = await until('L(start) above the loss cell', () => lenses.allInnerTexts().then((t) => t.join(' | ')), (t) => /L\(start\) = 11\.102\b/.test(t), 120_000);
	ctx.log(`lenses: ${value}`);
	const lossCell = page.locator('.notebookOverlay .cell-editor-container', { hasText: 'def loss' }).first();
	await lossCell.scrollIntoViewIfNeeded();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'notebook-lens')}`);

	await page.locator('.notebookOverlay .codelens-decoration a', { hasText: '▶ Step through' }).first().click();
	const frame = await panelFrame(page);
	await until('the panel at step 0', () => stat(frame, 'Step').innerText(), (t) => t === '0', 60_000);
	const start = Number((await stat(frame, 'Loss').innerText()).replace('−', '-'));
	assert.ok(Math.abs(start - 11.102) < 1e-3, `the panel starts at loss ${start}, expected 11.102`);
	let previous = start;
	for (let k = 1; k <= 3; k++) {
		await frame.getByRole('button', { name: 'Step', exact: true }).click();
		await until(`the panel at step ${k}`, () => stat(frame, 'Step').innerText(), (t) => t === String(k));
		const loss = Number((await stat(frame, 'Loss').innerText()).replace('−', '-'));
		assert.ok(loss < previous, `step ${k}: loss ${loss} is not below ${previous}`);
		previous = loss;
	}
	ctx.log(`loss 11.102 → ${previous} after three steps`);
	const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
	ctx.log(`tabs: ${tabs.join(' | ')}`);
	const groups = await page.locator('.editor-group-container').count();
	assert.ok(groups >= 2, `the panel opens beside the notebook (editor groups: ${groups})`);
	await frame.getByRole('button', { name: 'Fit', exact: true }).click();
	await page.mouse.move(5, 400);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'notebook-stepping')}`);
}
