// A OneCycleLR run in a real VS Code (code-server in headless Chromium): with `downhill.schedule` set to
// `onecycle:max_lr=0.002,total_steps=300` and SGD with momentum on Rosenbrock, the loss-per-step chart draws the
// learning rate of every update on a second axis on the right, rising to max_lr and annealing to its floor.
// Screenshot: test-results/schedule-onecycle.png.
import assert from 'node:assert/strict';
import { maximizePanel, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'test/e2e/fixtures/schedule', file: 'rosenbrock.ts' });
	const { frame, button } = await startPanel(page);
	await button('Continue').click();
	await until('the 300 updates', () => frame.locator('.stop').innerText(), (t) => /step limit|300/.test(t), 120_000);
	const chart = frame.getByRole('img', { name: /Loss per step/ });
	const label = await chart.getAttribute('aria-label');
	ctx.log(`loss chart: ${label}`);
	// Chart.js draws the legend on the canvas; the panel's header shows the rate the last update used, min_lr.
	const legend = await frame.locator('.stats').innerText();
	ctx.log(`header: ${legend.replace(/\s+/g, ' ')}`);
	await maximizePanel(page);
	await chart.scrollIntoViewIfNeeded();
	await page.mouse.move(5, 400);
	await page.waitForTimeout(1500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'schedule-onecycle')}`);
	assert.match(label ?? '', /301 steps/);
	assert.match(legend, /8e-9/);
}
