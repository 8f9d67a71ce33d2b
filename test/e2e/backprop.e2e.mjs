// Backpropagation stepped through in a real VS Code, on examples/xor-sigmoid.ts (a 2-2-1 network with a loop over
// the four samples and a sigmoid helper): F5 with no launch.json, F11 into the update, into the sigmoid call (the
// Call Stack shows sigmoid above the loss), on into the loop body (Locals show n = 0 (of 4), h0 and h1), then out of the loop
// (Shift+F11) and into the backward pass (Locals show ∂L/∂out). Entering the update opens the Downhill panel beside
// the editor with its Graph view, which follows the walk: mid-way through the backward pass it shows the loop as one
// frame at n = 3 (of 4), the current node highlighted and adjoints filled in from the loss back. Screenshots:
// test-results/downhill-stepinto-sigmoid.png, downhill-stepinto-loop.png, downhill-stepinto-backward.png and
// downhill-stepinto-graph.png (the panel alone; used in the README).
import { join } from 'node:path';
import { maximizePanel, resultsDir, runCommand, until, webviewFrame } from './workbench.mjs';

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
	await graphMidBackward(ctx, page, stack);
	await page.keyboard.press('Shift+F5');
}

/** The Graph view in the panel, further back: ∂L/∂h1 of the last iteration. */
async function graphMidBackward(ctx, page, stack) {
	for (let i = 0; i < 4 && !/backward: ∂L\/∂h1/.test(await stack.innerText()); i++) {
		await page.keyboard.press('F11');
		await page.waitForTimeout(600);
	}
	await until('the backward pass at h1', () => stack.innerText(), (t) => /backward: ∂L\/∂h1/.test(t));
	const frame = await webviewFrame(page);
	const view = frame.getByRole('region', { name: 'Computation graph' });
	const status = await until('the Graph view in the backward pass at h1', () => view.locator('.graph-status').innerText(), (t) => /^Backward pass: .* back to h1\b.* Iteration n = 3 \(of 4\)\.$/.test(t));
	ctx.log(`Graph view: ${status}`);
	const loop = await view.locator('.graph-frame text').textContent();
	if (loop !== 'for n = 3 (of 4)') throw new Error(`the loop frame reads '${loop}'`);
	const current = (await view.locator('.graph-node.current').getAttribute('aria-label')) ?? '';
	if (!/^local h1 .*value .*∂L\/∂ −?\d.*current$/.test(current)) throw new Error(`the current node reads '${current}'`);
	const adjoints = await view.locator('.graph-node text.adjoint').evaluateAll((texts) => texts.filter((t) => t.textContent).length);
	ctx.log(`current node: ${current}; nodes with an adjoint: ${adjoints}`);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'downhill-stepinto-graph-workbench')}`);
	// The panel's group maximized, for a picture of the graph at full width (the README's).
	await maximizePanel(page);
	await view.scrollIntoViewIfNeeded();
	await page.waitForTimeout(500);
	const path = join(resultsDir, 'downhill-stepinto-graph.png');
	await view.screenshot({ path });
	ctx.log(`screenshot: ${path}`);
	await runCommand(page, 'View: Toggle Maximize Editor Group');
	await page.locator('.monaco-editor .view-lines').first().click();
}
