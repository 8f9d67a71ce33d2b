// Hovers on a loss with array parameters (issue #12), on examples/xor-network.ts: over the loss, each parameter's
// shape and gradient norm; over W1, its shape, the norm of ∂L/∂W1 and the 2×2 matrix with its gradient. The norm is
// checked against central differences of the network written out by hand here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { xorLoss, xorStart } from '../unit/fixtures/xorNetwork';
import { downhill, hoverText, openExample } from './helpers';

function w1GradientNorm(): number {
	const W1 = xorStart.W1;
	const h = 1e-6;
	let sum = 0;
	for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
		const plus = W1.map((row) => [...row]);
		const minus = W1.map((row) => [...row]);
		plus[i]![j]! += h;
		minus[i]![j]! -= h;
		sum += ((xorLoss(plus) - xorLoss(minus)) / (2 * h)) ** 2;
	}
	return Math.sqrt(sum);
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
	return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

/** Waits until the worker answers this file's CodeLens with L(start), so the hover below is not its first request. */
async function warmUp(uri: vscode.Uri): Promise<void> {
	const started = Date.now();
	for (;;) {
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
		if (lenses.some((lens) => lens.command?.title.startsWith('L(start) =')) || Date.now() - started > 60_000) break;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	console.log(`    (the worker answered L(start) of xor-network.ts after ${Date.now() - started} ms)`);
}

suite('Hover on array parameters', () => {
	// The first hover of the run also starts the engine's worker; on a loaded 2-core machine that alone took 20 s.
	test('over W1: its shape, the norm of its gradient, and the matrix with its gradient', async function () {
		this.timeout(90_000);
		await downhill();
		const editor = await openExample('xor-network.ts');
		for (const controller of (await downhill()).sessions.all)
			if (controller.origin.uri === editor.document.uri.toString()) controller.dispose();
		const text = editor.document.getText();
		await warmUp(editor.document.uri);
		const over = editor.document.positionAt(text.indexOf('W1[j][0]') + 1);
		const shown = await hoverAt(editor.document.uri, over);
		const match = /\*\*W1\*\*: 2×2, ‖∂L\/∂W1‖ = \*\*([-\d.e]+)\*\*/.exec(shown);
		assert.ok(match, shown);
		const norm = w1GradientNorm();
		assert.ok(Math.abs(Number(match[1]) - norm) <= 1e-3 * norm, `‖∂L/∂W1‖ ${match[1]} against ${norm}`);
		assert.match(shown, /\| W1 \| 0\.5 \| -0\.4 \|/);
		assert.match(shown, /\|\s*\| 0\.3 \| 0\.6 \|/);
		assert.match(shown, /\| ∂L\/∂W1 \|/);
		const name = editor.document.positionAt(text.indexOf('function loss') + 'function l'.length);
		const overLoss = await hoverAt(editor.document.uri, name);
		assert.match(overLoss, /\| W1 \| 2×2 \|/);
		assert.match(overLoss, /\| b2 \| scalar \|/);
	});
});
