// The panel's teaching views in a real VS Code (code-server in headless Chromium), on Himmelblau's function with
// lr 0.01: the next update written out, random restarts from the panel's button (four global minima), the basin
// map, the learning-rate explorer, a racing Adam run, and brute force against descent. Screenshots go to
// test-results/explore-vscode-*.png.
import assert from 'node:assert/strict';
import { setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'himmelblau.ts' });
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.01');
	await button('Step').click();
	const rule = await until('the update rule at step 1', () => frame.locator('.update-rule').innerText(), (t) => /step t = 2/.test(t) && /w_new = w − η·∇L/.test(t));
	ctx.log(`update rule: ${rule.replace(/\s+/g, ' ').slice(0, 160)}`);

	await button('Random restarts').click();
	const note = await until('restarts under the map', () => frame.locator('.restarts-note').innerText(), (t) => /20 random starts found/.test(t), 60_000);
	ctx.log(note);
	assert.match(note, /found 4 distinct minima/);
	await button('Basins').click();
	const legend = await until('the basin map', () => frame.locator('.basin-legend').innerText(), (t) => /Basins of attraction/.test(t), 90_000);
	assert.equal((legend.match(/global minimum/g) ?? []).length, 4, legend);
	await frame.locator('canvas.map').scrollIntoViewIfNeeded();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'explore-vscode-restarts-basins')}`);

	await button('Learning rates').click();
	const findings = await until('the sweep', () => frame.locator('.sweep-findings').innerText(), (t) => /diverges from η = /.test(t), 60_000);
	ctx.log(findings);
	await frame.locator('.sweep').scrollIntoViewIfNeeded();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'explore-vscode-learning-rates')}`);
	await button('Close').click();

	await frame.getByLabel('New run').selectOption({ index: 3 });
	await frame.getByLabel('lr', { exact: true }).fill('0.1');
	await button('Add run').click();
	await until('the Adam run listed', () => frame.locator('ul.runs').innerText(), (t) => /Adam lr = 0\.1/.test(t));
	await button('×10').click();
	await until('the Adam run at step 11', () => frame.locator('ul.runs li').nth(1).innerText(), (t) => /step 11 ·/.test(t));
	await button('Brute force').click();
	const brute = await until('brute force', () => frame.locator('.brute').innerText(), (t) => /10,000 evaluations/.test(t));
	ctx.log(brute.replace(/\s+/g, ' ').slice(0, 200));
	await frame.locator('.brute').scrollIntoViewIfNeeded();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'explore-vscode-compare-brute-force')}`);
}
