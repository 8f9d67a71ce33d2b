// The Downhill commands as a user meets them in a real VS Code: CodeLens above the loss (and its Check gradient
// notification), and a command palette that offers only what applies: Start and Check Gradient in a loss file,
// the stepping commands once a session is live, Pause only while it runs.
import assert from 'node:assert/strict';

/** The labels the palette lists for `>Downhill: `, once the list has settled. */
async function paletteLabels(page) {
	const widget = page.locator('.quick-input-widget');
	const input = widget.locator('.quick-input-box input');
	for (let attempt = 0; attempt < 10; attempt++) {
		if (await widget.isVisible()) await page.keyboard.press('Escape');
		await page.keyboard.press('F1');
		await input.waitFor({ state: 'visible', timeout: 3000 });
		await input.fill('>Downhill: ');
		await page.waitForTimeout(500);
		const labels = (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
		await page.keyboard.press('Escape');
		if (labels.some((label) => label.startsWith('Downhill:')))
			return labels.filter((label) => label.startsWith('Downhill:'));
	}
	throw new Error('the palette never listed a Downhill command');
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'himmelblau.ts' });
	const lenses = page.locator('.contentWidgets .codelens-decoration');
	await lenses.first().waitFor({ state: 'visible', timeout: 30_000 });
	const lensText = await lenses.first().innerText();
	ctx.log(`CodeLens: ${lensText}`);
	assert.match(lensText, /▶ Step through\s*\|\s*Check gradient\s*\|\s*L\(start\) = 170/);

	await lenses
		.first()
		.getByRole('button', { name: 'Check gradient' })
		.or(lenses.first().locator('a', { hasText: 'Check gradient' }))
		.first()
		.click();
	const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'worst relative error' });
	await toast.first().waitFor({ state: 'visible', timeout: 15_000 });
	ctx.log(`notification: ${await toast.first().innerText()}`);
	assert.match(await toast.first().innerText(), /Autodiff and finite differences agree/);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-codelens-check')}`);

	const before = await paletteLabels(page);
	ctx.log(`palette before a session: ${before.join(', ')}`);
	assert.ok(
		before.includes('Downhill: Start') && before.includes('Downhill: Check Gradient'),
		'Start and Check Gradient are offered',
	);
	for (const hidden of ['Downhill: Step', 'Downhill: Pause', 'Downhill: Continue', 'Downhill: Export Trajectory…']) {
		assert.ok(!before.includes(hidden), `${hidden} is hidden without a session`);
	}

	await ctx.runCommand(page, 'Downhill: Start');
	await ctx.webviewFrame(page);
	const during = await paletteLabels(page);
	ctx.log(`palette with a session: ${during.join(', ')}`);
	for (const shown of [
		'Downhill: Step',
		'Downhill: Step ×10',
		'Downhill: Continue',
		'Downhill: Step Back',
		'Downhill: Restart',
		'Downhill: Set Learning Rate…',
		'Downhill: Choose Optimizer…',
		'Downhill: Random Restarts…',
		'Downhill: Export Trajectory…',
	]) {
		assert.ok(during.includes(shown), `${shown} is offered during a session`);
	}
	assert.ok(!during.includes('Downhill: Pause'), 'Pause is hidden while nothing runs');
	const status = page.locator('.statusbar-item', { hasText: 'step 0 · L 170' });
	await status.first().waitFor({ state: 'visible', timeout: 10_000 });
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-palette-session')}`);
}
