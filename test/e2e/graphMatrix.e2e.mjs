// A weight matrix in the panel's Graph view, in a real VS Code (issue #13: a vector or matrix is one node with its
// shape): examples/xor-network.ts (a 2-2-1 tanh network with W1 a 2×2 matrix, b1 and w2 vectors) opened with
// Downhill: Start, then the panel's Graph button. W1, b1 and w2 are one node each, titled with their shapes and
// showing their elements (the example's defaults: W1 = [[0.5, −0.4], [0.3, 0.6]]), and no node stands for a single
// element. Screenshot: test-results/graph-matrix.png (the Graph view at full width).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { maximizePanel, resultsDir, startPanel, until } from './workbench.mjs';

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const page = await ctx.openWorkbench({ folder: 'examples', file: 'xor-network.ts' });
	const { frame, button } = await startPanel(page);
	await button('Graph').click();
	const view = frame.getByRole('region', { name: 'Computation graph' });
	const nodes = view.locator('svg.graph .graph-node');
	const labels = await until('the graph with W1 as one node', () => nodes.evaluateAll((all) => all.map((n) => n.getAttribute('aria-label'))), (l) => Array.isArray(l) && l.some((t) => t?.startsWith('parameter W1 (2×2)')));
	const params = labels.filter((t) => t.startsWith('parameter '));
	ctx.log(`parameters: ${params.join(' | ')}`);
	assert.deepEqual(params.map((t) => t.split(',')[0]).sort(), ['parameter W1 (2×2)', 'parameter b1 (2)', 'parameter b2', 'parameter w2 (2)']);
	assert.match(params.find((t) => t.startsWith('parameter W1')), /value \[0\.5 −0\.4; 0\.3 0\.6\]/);
	assert.match(params.find((t) => t.startsWith('parameter w2')), /value \[0\.7 −0\.5\]/);
	assert.ok(!labels.some((t) => /\[·\]|\[\d\]/.test(t.split(',')[0])), 'no node for a single element');
	const w1 = view.locator('.graph-node.kind-param', { hasText: 'W1 (2×2)' });
	assert.equal(await w1.locator('text.value').textContent(), '= [0.5 −0.4; 0.3 0.6]');
	await maximizePanel(page);
	await view.scrollIntoViewIfNeeded();
	await page.mouse.move(5, 400);
	await page.waitForTimeout(500);
	const path = join(resultsDir, 'graph-matrix.png');
	await view.screenshot({ path });
	ctx.log(`screenshot: ${path}`);
}
