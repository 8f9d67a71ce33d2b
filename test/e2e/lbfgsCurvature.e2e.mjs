// L-BFGS and curvature in a real VS Code (code-server in headless Chromium), on Rosenbrock: the session runs
// L-BFGS (lr 1, PyTorch's fixed step) while SGD and Adam race it as compared runs for two steps; each step's evaluations
// of the loss are drawn as probes on the map; the header reads out the Hessian's λ_max, λ_min, κ and 2/λ_max; the
// learning-rate explorer (sweeping SGD) marks 2/λ_max at the start and at the minimum found; Newton's method (not torch.optim) takes a step
// with its update rule; the hover over `loss` shows the Hessian's λ_max and κ from the engine's worker. Screenshots:
// test-results/lbfgs-race.png, test-results/lbfgs-learning-rates.png, test-results/newton-card.png,
// test-results/curvature-hover.png.
import assert from 'node:assert/strict';
import { maximizePanel, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'rosenbrock.ts' });
	await page.keyboard.press('Control+B');
	const { frame, button } = await startPanel(page);
	await frame.getByLabel('Optimizer', { exact: true }).selectOption({ label: 'LBFGS' });
	await until('the L-BFGS update rule', () => frame.locator('.update-rule').innerText(), (t) => /d = −H·∇L/.test(t) && /inner iterations/.test(t));
	const rate = frame.getByRole('textbox', { name: 'Learning rate' });
	await rate.fill('1');
	await rate.press('Enter');
	await until('lr 1', () => frame.locator('.panel-header').innerText(), (t) => /Learning rate\s+1\b/.test(t));
	for (const [preset, lr] of [[0, '0.001'], [3, '0.05']]) {
		await frame.getByLabel('New run').selectOption({ index: preset });
		await frame.getByLabel('lr', { exact: true }).fill(lr);
		await button('Add run').click();
	}
	const runs = frame.locator('.compare ul.runs > li:has(.run-buttons)');
	await until('two runs listed', () => runs.count(), (n) => n === 2);
	const header = frame.locator('.panel-header');
	const start = await until('the curvature readout', () => header.innerText(), (t) => /λ_max = [0-9]/.test(t));
	ctx.log(`header at the start: ${start.replace(/\s+/g, ' ')}`);

	// The hover over `loss` (line 2, column 17) at the session's start point: λ_max and κ of the Hessian, from the worker.
	await page.locator('.monaco-editor .view-lines').first().click();
	await page.keyboard.press('Control+G');
	await page.keyboard.type('2:19');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+K');
	await page.keyboard.press('Control+I');
	const hover = page.locator('.monaco-hover', { hasText: 'λ_max of the Hessian' }).first();
	const hoverText = await until('the hover with the curvature', () => hover.innerText(), (t) => /λ_max of the Hessian\s*[0-9]/.test(t) && /condition number κ\s*[0-9]/.test(t), 60_000);
	ctx.log(`hover: ${hoverText.replace(/\s+/g, ' ')}`);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'curvature-hover')}`);

	for (let i = 0; i < 2; i++) await button('Step').click();
	const listed = await until('the runs at step 2', () => frame.locator('.compare ul.runs').innerText(), (t) => (t.match(/step 2 ·/g) ?? []).length === 3);
	ctx.log(`runs: ${listed.replace(/\s+/g, ' ')}`);
	const text = await header.innerText();
	const loss = Number(/Loss\s+([0-9.e+−-]+)/.exec(text)?.[1]?.replace('−', '-'));
	const runLosses = [...listed.matchAll(/L = ([0-9.e+−-]+)/g)].map((m) => Number(m[1].replace('−', '-'))).slice(1);
	ctx.log(`L-BFGS loss after 2 steps ${loss}, SGD and Adam ${runLosses}`);
	assert.ok(loss < Math.min(...runLosses), `L-BFGS ahead after 2 steps: ${loss} vs ${runLosses}`);
	const rule = await frame.locator('.update-rule').innerText();
	ctx.log(`update rule: ${rule.replace(/\s+/g, ' ').slice(0, 200)}`);
	await maximizePanel(page);
	await button('Fit').click();
	await frame.locator('canvas.map').scrollIntoViewIfNeeded();
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'lbfgs-race')}`);

	// The explorer sweeps plain gradient descent, whose stability 2/λ_max is about.
	await frame.getByLabel('Optimizer', { exact: true }).selectOption({ label: 'SGD' });
	await button('Learning rates').click();
	const findings = await until('the sweep with 2/λ_max', () => frame.locator('.sweep-findings').innerText(), (t) => /2\/λ_max = [0-9.e−-]+ at the start/.test(t), 90_000);
	ctx.log(findings);
	const sweepDone = await until('the sweep done, with 2/λ_max at the minimum found', () => frame.locator('.sweep-findings').innerText(), (t) => /diverges from η = /.test(t) && /2\/λ_max = [0-9.e−-]+ at the minimum found/.test(t), 90_000);
	ctx.log(sweepDone);
	await frame.locator('.sweep').scrollIntoViewIfNeeded();
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'lbfgs-learning-rates')}`);

	// Newton's method, labelled as not a torch.optim optimizer, with its card.
	await frame.getByLabel('Optimizer', { exact: true }).selectOption({ label: 'Newton (not torch.optim)' });
	const card = await until('the Newton update rule', () => frame.locator('.update-rule').innerText(), (t) => /Not a torch\.optim optimizer/.test(t) && /λ_max = [0-9]/.test(t));
	ctx.log(`Newton card: ${card.replace(/\s+/g, ' ').slice(0, 300)}`);
	await frame.locator('.update-rule').scrollIntoViewIfNeeded();
	await page.waitForTimeout(300);
	ctx.log(`screenshot: ${await ctx.screenshot(page, 'newton-card')}`);
}
