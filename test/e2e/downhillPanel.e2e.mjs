// The Downhill panel end to end in a real VS Code (code-server in headless Chromium): open examples/quadratic.ts,
// run "Downhill: Start" from the palette, click Step three times in the panel's webview and read the step and loss
// it shows (against the closed form x_k = 1 + 4·0.8^k of SGD with lr 0.1 on (x − 1)² + 1), step with F10 and back
// with Alt+F10 (keybindings active while the panel has focus), continue to
// convergence, set the learning rate to 1.5 (which diverges on this loss) and read the divergence message, then
// reload the window and find the panel restored with its session. Screenshots go to test-results/downhill-*.png.
import assert from 'node:assert/strict';
import { until } from './workbench.mjs';

/** The panel's readouts (`dl.stats`: Step, Loss, ...) and stop line. */
function panel(frame) {
	const stat = (label) =>
		frame
			.locator('dl.stats > div')
			.filter({ has: frame.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
			.locator('dd');
	return {
		step: () => stat('Step').innerText(),
		loss: async () => Number((await stat('Loss').innerText()).replace('−', '-')),
		stop: () => frame.locator('p.stop').innerText(),
		alert: () => frame.locator('.stop-alert').innerText(),
		button: (name) => frame.getByRole('button', { name, exact: true }),
		runs: () => frame.locator('.compare ul.runs > li:has(.run-buttons)'),
	};
}

const lossAfter = (k) => (4 * 0.8 ** k) ** 2 + 1;

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'quadratic.ts' });
	await ctx.runCommand(page, 'Downhill: Start');
	let view = panel(await ctx.webviewFrame(page));
	await until('the panel at step 0', view.step, (text) => text === '0');
	assert.equal(await view.loss(), 17);

	for (let k = 1; k <= 3; k++) {
		await view.button('Step').click();
		await until(`the panel at step ${k}`, view.step, (text) => text === String(k));
	}
	const loss = await view.loss();
	ctx.log(`after three steps the panel shows loss ${loss} (closed form ${lossAfter(3)})`);
	assert.ok(Math.abs(loss - lossAfter(3)) < 1e-4, `loss ${loss} after 3 steps, expected ${lossAfter(3)}`);
	const status = page.locator('.statusbar-item', { hasText: 'step 3 · L 5.1943' });
	await status.first().waitFor({ state: 'visible', timeout: 10_000 });
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-three-steps')}`);

	// The debugger keys work while the panel has focus (the Step button does after the click).
	await page.keyboard.press('F10');
	await until('F10 to step', view.step, (text) => text === '4');
	await page.keyboard.press('Alt+F10');
	await until('Alt+F10 to step back', view.step, (text) => text === '3 / 4');

	await view.button('Continue').click();
	const converged = await until('convergence', view.stop, (text) => /^Converged/.test(text), 30_000);
	ctx.log(`stop message: ${converged} at step ${await view.step()}`);
	assert.ok(Math.abs((await view.loss()) - 1) < 1e-6, 'the minimum of (x − 1)² + 1 is 1');
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-converged')}`);

	await ctx.runCommand(page, 'Downhill: Set Learning Rate…');
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await input.waitFor({ state: 'visible' });
	await input.fill('1.5');
	await input.press('Enter');
	await view.button('Restart').click();
	await until('the restart', view.step, (text) => text === '0');
	await view.button('Continue').click();
	const diverged = await until('the divergence', view.alert, (text) => /^Diverged/.test(text), 30_000);
	ctx.log(`divergence message: ${diverged}`);
	assert.match(diverged, /Try a learning rate of 0\.75 or less/);
	const divergedStep = await view.step();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-diverged')}`);

	// An optimizer racing the session is saved with it.
	await view.button('Add run').click();
	const racing = view.runs();
	await until('the compared run', () => racing.count(), (n) => n === 1);
	const raced = await racing.first().locator('.run-label').innerText();

	// The session is saved to the workspace state at each stop; VS Code writes that storage to disk shortly after,
	// so a reload within the same moment can find the previous save. Give it a second, as a person would.
	await page.waitForTimeout(1500);
	await page.reload();
	await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
	view = panel(await ctx.webviewFrame(page, { timeout: 60_000 }));
	const restored = await until('the restored panel', view.step, (text) => text === divergedStep, 60_000);
	ctx.log(`after the reload the panel shows step ${restored}: ${await view.alert()}`);
	assert.match(await view.alert(), /^Diverged/);
	const runsBack = await until('the compared run after the reload', () => view.runs().count(), (n) => n === 1, 30_000);
	assert.equal(runsBack, 1);
	assert.equal(await view.runs().first().locator('.run-label').innerText(), raced);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-restored')}`);
}
