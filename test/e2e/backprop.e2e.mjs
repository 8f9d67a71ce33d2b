// Backpropagation stepped through in a real VS Code, on examples/xor-sigmoid.ts (a 2-2-1 network with a loop over
// the four samples and a sigmoid helper): F5 with no launch.json, F11 into the update, into the sigmoid call (the
// Call Stack shows sigmoid above the loss), on into the loop body (Locals show n = 0 (of 4), h0 and h1), then out of the loop
// (Shift+F11) and into the backward pass (Locals show ∂L/∂out). Screenshots: test-results/downhill-stepinto-sigmoid.png,
// downhill-stepinto-loop.png and downhill-stepinto-backward.png (used in the README).
import { until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples' });
	await ctx.openFile(page, 'xor-sigmoid.ts', { timeout: 120_000 });
	await page.locator('.monaco-editor .view-lines').first().click();
	await page.keyboard.press('F5');
	const suggested = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Downhill (gradient descent)' }).first();
	await suggested.waitFor({ state: 'visible', timeout: 30_000 });
	await suggested.click();
	// The file has two candidate losses (sigmoid is one too); the one named `loss` starts without a question.
	const variables = page.locator('.debug-variables');
	const stack = page.locator('.debug-call-stack');
	await until('the Parameters scope', () => variables.innerText(), (t) => /Parameters/.test(t), 60_000);
	await until('the network, not the helper', () => stack.innerText(), (t) => /step 0 · loss = 0\.25/.test(t));
	await page.keyboard.press('F11');
	await until('the forward pass', () => stack.innerText(), (t) => /forward: total = 0/.test(t));
	await page.keyboard.press('F11');
	const inside = await until('sigmoid on the Call Stack', () => stack.innerText(), (t) => /sigmoid · forward: return/.test(t) && /· loss/.test(t));
	ctx.log(`Call Stack: ${inside.replace(/\s+/g, ' ').slice(0, 200)}`);
	await until('the argument z in Locals', () => variables.innerText(), (t) => /\bz\b/.test(t));
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-stepinto-sigmoid')}`);
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('F11');
		await page.waitForTimeout(400);
	}
	const locals = await until('h0 and h1 in Locals', () => variables.innerText(), (t) => /\bh0\b/.test(t) && /\bh1\b/.test(t) && /0 \(of 4\)/.test(t));
	ctx.log(`Locals: ${locals.replace(/\s+/g, ' ').slice(0, 240)}`);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-stepinto-loop')}`);
	// Shift+F11 leaves the loop for the return; F11 then starts the backward pass.
	await page.keyboard.press('Shift+F11');
	await until('the return', () => stack.innerText(), (t) => /forward: return/.test(t) && !/\(of 4\)/.test(t));
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('F11');
		await page.waitForTimeout(400);
	}
	const backward = await until('∂L/∂out in Locals', () => variables.innerText(), (t) => /∂L\/∂out/.test(t));
	ctx.log(`Backward: ${backward.replace(/\s+/g, ' ').slice(0, 240)}`);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-stepinto-backward')}`);
	await page.keyboard.press('Shift+F5');
}
