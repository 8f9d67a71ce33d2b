// Two study-note views in a real VS Code (code-server in headless Chromium): optimizers racing on Rosenbrock
// (SGD against momentum and Adam, moved together by the panel's buttons, each with its own stop), and the mini-batch
// noise around the full-batch gradient on the linear regression. Screenshots: test-results/compare-optimizers.png,
// test-results/batch-noise.png.
import assert from 'node:assert/strict';
import { maximizePanel, setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	await compareOnRosenbrock(ctx);
	await noiseOnRegression(ctx);
}

async function compareOnRosenbrock(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'rosenbrock.ts' });
	await page.keyboard.press('Control+B'); // the side bar off: a wider panel
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.001');
	for (const [preset, lr] of [[1, '0.001'], [3, '0.05']]) {
		await frame.getByLabel('New run').selectOption({ index: preset });
		await frame.getByLabel('lr', { exact: true }).fill(lr);
		await button('Add run').click();
	}
	const runs = frame.locator('.compare ul.runs > li:has(.run-buttons)');
	await until('two runs listed', () => runs.count(), (n) => n === 2);
	for (let i = 0; i < 30; i++) await button('×10').click();
	const listed = await until('every run at step 300 or stopped', () => frame.locator('.compare ul.runs').innerText(), (t) => (t.match(/step 300 ·/g) ?? []).length >= 1 && /Adam lr = 0\.05/.test(t), 60_000);
	ctx.log(`runs: ${listed.replace(/\s+/g, ' ')}`);
	assert.match(listed, /momentum 0\.9/);
	const losses = [...listed.matchAll(/L = ([0-9.e+−-]+)/g)].map((m) => Number(m[1].replace('−', '-')));
	assert.ok(losses.length === 3 && losses.every(Number.isFinite), `three losses: ${losses}`);
	assert.ok(Math.min(losses[1], losses[2]) < losses[0], `momentum or Adam ahead of plain SGD after 300 steps: ${losses}`);
	await maximizePanel(page);
	await button('Fit').click();
	await frame.locator('canvas.map').scrollIntoViewIfNeeded();
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'compare-optimizers')}`);
	const hide = runs.first().getByRole('button', { name: /^Hide/ });
	await hide.click();
	await until('the hidden run marked', () => runs.first().getAttribute('class'), (c) => /hidden-run/.test(c ?? ''));
	await runs.nth(1).getByRole('button', { name: /^Remove/ }).click();
	await until('one run left', () => runs.count(), (n) => n === 1);
}

async function noiseOnRegression(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'linear-regression.ts' });
	await page.keyboard.press('Control+B');
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.01');
	await button('×10').click();
	await button('Mini-batch noise').click();
	const legend = await until('the noise legend', () => frame.locator('.plot').innerText(), (t) => /Mini-batch noise at step 10/.test(t));
	const line = legend.split('\n').find((l) => /Mini-batch noise at step/.test(l));
	ctx.log(line);
	assert.match(line, /batches of \d+ of 8 samples/);
	await maximizePanel(page);
	await frame.locator('.plot-hint:not(.surface-only)').scrollIntoViewIfNeeded();
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'batch-noise')}`);
}
