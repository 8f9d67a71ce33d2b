// The n-parameter views of issue #7 in a real VS Code (code-server in headless Chromium), on examples/polynomial-fit.ts
// (three parameters) with lr 0.16: the contour slice along the path's two principal directions with the path
// projected onto it, and the line-search view along −∇L with its one-sentence verdict (each step overshoots the
// line minimum across the valley); then the whole n-D panel. Screenshots: test-results/nd-principal-slice.png,
// line-search.png and nd-panel.png.
import assert from 'node:assert/strict';
import { maximizePanel, setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'polynomial-fit.ts' });
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.16');
	await button('×10').click();
	await until('step 10', () => frame.locator('.update-rule').innerText(), (t) => /step t = 11/.test(t));

	// More room for the panel in the pictures.
	await ctx.runCommand(page, 'View: Close Primary Side Bar');
	await frame.getByLabel('Directions', { exact: true }).selectOption('principal');
	const map = frame.locator('canvas.map');
	const label = await until('the principal-direction slice', () => map.getAttribute('aria-label'), (t) => /plane of the path’s principal directions/.test(t ?? ''));
	ctx.log(label);
	assert.match(label, /the 11 points of the path projected onto it/);
	assert.ok(await frame.getByLabel('Horizontal axis').isHidden(), 'the parameter menus hide');
	// Let the plane's grid arrive and the view fit the projected path before the picture.
	await page.waitForTimeout(1500);
	await map.scrollIntoViewIfNeeded();
	await page.mouse.move(5, 400);
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'nd-principal-slice')}`);

	await button('Line search').click();
	const section = frame.getByRole('region', { name: 'Line search along −∇L' });
	const verdict = await until('the line-search verdict', () => section.locator('.line-verdict').innerText(), (t) => t.length > 0);
	ctx.log(verdict);
	assert.match(verdict, /^Too long: the step goes 1\.7\d× as far as the lowest point along −∇L and overshoots it/);
	const direction = await section.locator('.note').innerText();
	assert.match(direction, /Plain gradient descent steps straight down −∇L: it lands at α = η = 0\.16/);
	const chart = await section.locator('canvas').getAttribute('aria-label');
	assert.match(chart ?? '', /the step lands at α = 0\.16, the lowest point is at α = 0\.09/);
	// The whole section at the bottom of the panel, the map above it.
	await section.evaluate((element) => element.scrollIntoView({ block: 'end' }));
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'line-search')}`);

	// One more step: the view follows (a new plane through the new point, a new line search).
	await button('Step').click();
	await until('the line search at step 11', () => section.locator('.line-verdict').innerText(), (t) => t !== verdict);
	await until('the slice at step 11', () => map.getAttribute('aria-label'), (t) => /the 12 points/.test(t ?? ''));

	// The whole n-D panel: the slice, the loss, gradient-norm and parameter charts, and the table of latest values.
	await button('Close').click();
	await maximizePanel(page);
	const rows = await until('the table of latest values', () => frame.locator('table tbody tr').allInnerTexts(), (r) => r.length === 3);
	assert.deepEqual(rows.map((r) => r.split(/\s+/)[0]), ['a', 'b', 'c']);
	assert.ok(await frame.getByRole('heading', { name: 'Parameters per step' }).isVisible(), 'the parameter traces');
	await button('Fit').click();
	await frame.locator('.panel-main').evaluate((element) => element.scrollIntoView({ block: 'start' }));
	await page.waitForTimeout(500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'nd-panel')}`);
}
