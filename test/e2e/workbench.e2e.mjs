// Smoke test of the UI harness itself: the workbench opens on examples/ with Downhill as the development extension,
// Quick Open opens a loss file, and the window is an Extension Development Host.
import assert from 'node:assert/strict';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'quadratic.ts' });
	// The editor renders its lines a moment after the tab opens (and again when CodeLens arrives): poll.
	const lines = page.locator('.editor-instance .view-lines').first();
	const shown = /return \(x - 1\) \*\* 2 \+ 1;/;
	let editorText = '';
	for (let tries = 0; tries < 100 && !shown.test(editorText); tries++) {
		editorText = (await lines.innerText().catch(() => '')).replace(/\s+/g, ' ');
		if (!shown.test(editorText)) await page.waitForTimeout(100);
	}
	assert.match(editorText, shown, 'quadratic.ts is shown in the editor');
	const title = await ctx.windowTitle(page);
	ctx.log(`window title: ${title}`);
	assert.ok(title.includes('[Extension Development Host]'), `title ${JSON.stringify(title)} names no Extension Development Host`);
	await page.locator('.part.titlebar').getByText('[Extension Development Host]').first().waitFor({ state: 'visible', timeout: 10_000 });
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'workbench')}`);
}
