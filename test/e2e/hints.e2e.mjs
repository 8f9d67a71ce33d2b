// Run hints in a real VS Code (code-server in headless Chromium): on Himmelblau's function at lr 0.03 plain gradient
// descent bounces across a valley forever; while it runs, the panel says so in one sentence under the header and
// offers a smaller rate from the curvature (1/λ_max); the button sets it, and the hint goes away. Screenshot: test-results/run-hint.png.
import assert from 'node:assert/strict';
import { setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'himmelblau.ts' });
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.03');
	await button('Continue').click();
	const bar = frame.getByRole('note', { name: 'Run hint' });
	const sentence = await until('the run hint', () => bar.innerText().catch(() => ''), (t) => /zig-zag across a valley/.test(t), 60_000);
	ctx.log(`hint: ${sentence.replace(/\s+/g, ' ')}`);
	assert.match(sentence, /\d+ of the last \d+ reversed direction/);
	await button('Pause').click();
	await until('the run paused', () => frame.locator('.stop').innerText(), (t) => /Paused/.test(t));
	await until('the hint still shown', () => bar.isVisible(), (v) => v);
	await button('Fit').click(); // the map around the whole zig-zag
	await page.mouse.move(200, 600);
	await frame.locator('body').evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
	await page.waitForTimeout(1500);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'run-hint')}`);

	// The suggestion comes from the curvature at the point where the run paused (1/λ_max), so read it from the button.
	const apply = bar.getByRole('button', { name: /^Use lr = / });
	const rate = (await apply.innerText()).replace(/^Use lr = /, '').trim();
	assert.ok(Number(rate) > 0 && Number(rate) < 0.03, `a smaller rate than 0.03 is suggested (got ${rate})`);
	await apply.click();
	const header = await until(`lr ${rate} in the header`, () => frame.locator('.stats').innerText(), (t) => t.includes(rate));
	ctx.log(`header after the suggestion: ${header.replace(/\s+/g, ' ')}`);
	assert.equal(await frame.getByRole('textbox', { name: 'Learning rate' }).inputValue(), rate);
	await until('the hint gone under the new rate', () => bar.isVisible(), (v) => !v);
}
