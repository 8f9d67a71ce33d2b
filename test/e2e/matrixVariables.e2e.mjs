// A matrix parameter in the debugger of a real VS Code (issue #12), on examples/xor-network.ts (W1: number[][]): F5
// starts a Downhill session without a launch.json, F10 takes a step, and the Variables view shows W1 as a 2×2 matrix
// whose rows expand to their elements. Screenshot: test-results/debugger-matrix.png.
import { until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const debug = await ctx.openWorkbench({ folder: 'examples', file: 'xor-network.ts' });
	await debug.locator('.monaco-editor .view-lines').first().click();
	await debug.keyboard.press('F5');
	const suggested = debug.locator('.quick-input-widget .monaco-list-row', { hasText: 'Downhill (gradient descent)' }).first();
	await suggested.waitFor({ state: 'visible', timeout: 30_000 });
	await suggested.click();
	await debug.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
	const variables = debug.locator('.debug-variables');
	await until('W1 in Parameters', () => variables.innerText(), (t) => /W1/.test(t), 30_000);
	await debug.keyboard.press('F10');
	await until('step 1 in the call stack', () => debug.locator('.debug-call-stack').innerText(), (t) => /step 1/.test(t));
	const w1 = variables.locator('.monaco-list-row', { hasText: /^W1/ }).first();
	// The view refreshes after the step; a click during that lands on the value's hover instead of the row.
	const stepped = (t) => /2×2 \[/.test(t) && !t.includes('[0.5, -0.4, 0.3, 0.6]');
	const summary = await until('W1 as a 2×2 matrix after the step', () => w1.innerText(), stepped);
	ctx.log(`W1: ${summary.replace(/\s+/g, ' ')}`);
	await w1.locator('.monaco-tl-twistie').click();
	const row0 = variables.locator('.monaco-list-row', { hasText: /^\[0\]/ }).first();
	await row0.waitFor({ state: 'visible', timeout: 10_000 });
	await row0.locator('.monaco-tl-twistie').click();
	const shown = await until('W1[0] expanded', () => variables.innerText(), (t) => (t.match(/\[0\]/g) ?? []).length >= 2 && /\[1\]/.test(t));
	ctx.log(`Variables: ${shown.replace(/\s+/g, ' ').slice(0, 300)}`);
	ctx.log(`screenshot: ${await ctx.screenshot(debug, 'debugger-matrix')}`);
	await debug.keyboard.press('Shift+F5');
}
