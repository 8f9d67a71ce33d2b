// The 3-D surface view in a real VS Code (code-server in headless Chromium): Himmelblau's function with lr 0.01,
// a few steps, then Map | Surface: the surface paints its canvas, a drag turns it, the arrow keys turn it without
// stepping, and Map brings the contour map back. Screenshot: test-results/surface-view.png.
import assert from 'node:assert/strict';
import { setPanelLearningRate, startPanel, until } from './workbench.mjs';

/** Share of the canvas that is not background, and a fingerprint of the picture. */
function pixels(canvas) {
	const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
	let painted = 0;
	let hash = 0;
	for (let i = 0; i < data.length; i += 4) {
		if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
		hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
	}
	return { painted: painted / (data.length / 4), hash };
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'himmelblau.ts', viewport: { width: 1400, height: 900 } });
	await page.keyboard.press('Control+B'); // the side bar off: a wider panel
	const { frame, button } = await startPanel(page);
	await setPanelLearningRate(frame, '0.01');
	await button('Step').click();
	await button('×10').click();
	await until('step 11', () => frame.locator('.update-rule').innerText(), (t) => /step t = 12/.test(t));

	assert.equal(await button('Map').getAttribute('aria-pressed'), 'true');
	await button('Surface').click();
	const surface = frame.locator('canvas.surface');
	await surface.waitFor({ state: 'visible' });
	assert.equal(await button('Surface').getAttribute('aria-pressed'), 'true');
	const first = await until('the surface painted', () => surface.evaluate(pixels), (p) => p.painted > 0.1);
	ctx.log(`surface painted ${(first.painted * 100).toFixed(0)} % of its canvas`);
	const legend = await frame.locator('.plot-legend.surface-only').innerText();
	assert.match(legend, /Height and colour: the loss/);
	ctx.log(legend);

	const box = await surface.boundingBox();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 12, { steps: 6 });
	await page.mouse.up();
	const dragged = await until('the drag turned the surface', () => surface.evaluate(pixels), (p) => p.hash !== first.hash);
	await surface.focus();
	await page.keyboard.press('ArrowLeft');
	await until('← turned the surface', () => surface.evaluate(pixels), (p) => p.hash !== dragged.hash);
	assert.match(await frame.locator('.update-rule').innerText(), /step t = 12/, '← on the surface must not step back');
	assert.match((await surface.getAttribute('aria-label')) ?? '', /3-D surface of the loss over x and y/);

	// For the picture: the default angle, the run further down, and a wider region (the map's zoom out).
	await button('Reset view').click();
	await button('×10').click();
	await until('step 21', () => frame.locator('.update-rule').innerText(), (t) => /step t = 22/.test(t));
	const before = await surface.evaluate(pixels);
	await frame.getByRole('button', { name: 'Zoom out' }).click();
	await frame.getByRole('button', { name: 'Zoom out' }).click();
	await until('the surface of the wider region', () => surface.evaluate(pixels), (p) => p.hash !== before.hash, 10_000);
	await page.waitForTimeout(1000);
	await frame.locator('.plot').scrollIntoViewIfNeeded();
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'surface-view')}`);

	await button('Map').click();
	await frame.locator('canvas.map').waitFor({ state: 'visible' });
	assert.ok(await surface.isHidden(), 'Map hides the surface');
	assert.equal(await button('Map').getAttribute('aria-pressed'), 'true');
}
