/**
 * A matrix parameter in the debugger (issue #12), driven over the Debug Adapter Protocol with `DebugClient`: the
 * Variables view shows `W1` of the XOR network as rows you expand, and setVariable edits one element. Expected
 * numbers are the fixture's defaults and, after the edit, the loss recomputed by hand-written JavaScript.
 */
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAdapter, fixture, launchToEntry, removeAdapter, scopeReference, scopeVariables, startClient } from './adapterClient';

const xor = fixture('xor.ts');

/** The fixture's loss, written out by hand: a 2-2-1 tanh network on XOR, mean squared error. */
function xorLoss(W1: number[][], b1: number[], w2: number[], b2: number): number {
	const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
	const Y = [0, 1, 1, 0];
	let total = 0;
	X.forEach((x, n) => {
		const h = W1.map((row, j) => Math.tanh(row[0]! * x[0]! + row[1]! * x[1]! + b1[j]!));
		total += (b2 + w2[0]! * h[0]! + w2[1]! * h[1]! - Y[n]!) ** 2;
	});
	return total / 4;
}

let adapter: string;
let client: DebugClient;

beforeAll(async () => {
	adapter = await buildAdapter();
}, 60_000);
beforeEach(async () => {
	client = await startClient(adapter);
});
afterAll(() => removeAdapter(adapter));
afterEach(async () => {
	await client.stop();
});

describe('a matrix parameter in Variables', () => {
	it('shows W1 as rows to expand, and the gradient the same way', async () => {
		await launchToEntry(client, { program: xor, optimizer: 'sgd', lr: 0.1 });
		const parameters = await scopeVariables(client, 'Parameters');
		const w1 = parameters.find((v) => v.name === 'W1')!;
		expect(w1.value).toBe('2×2 [0.5, -0.4, 0.3, 0.6]');
		expect(w1.indexedVariables).toBe(2);
		const rows = (await client.variablesRequest({ variablesReference: w1.variablesReference })).body.variables;
		expect(rows.map((r) => [r.name, r.value, r.evaluateName])).toEqual([
			['[0]', '[0.5, -0.4]', 'W1[0]'],
			['[1]', '[0.3, 0.6]', 'W1[1]'],
		]);
		const row1 = (await client.variablesRequest({ variablesReference: rows[1]!.variablesReference })).body.variables;
		expect(row1.map((v) => [v.name, v.value, v.evaluateName])).toEqual([
			['[0]', '0.3', 'W1[1][0]'],
			['[1]', '0.6', 'W1[1][1]'],
		]);
		const gradient = (await scopeVariables(client, 'Gradient')).find((v) => v.name === 'W1')!;
		expect(gradient.value).toMatch(/^2×2 \[/);
		const gradientRows = (await client.variablesRequest({ variablesReference: gradient.variablesReference })).body.variables;
		expect(gradientRows.map((r) => r.evaluateName)).toEqual(['grad.W1[0]', 'grad.W1[1]']);
	});

	it('edits one element of W1 with setVariable and recomputes the loss', async () => {
		await launchToEntry(client, { program: xor, optimizer: 'sgd', lr: 0.1 });
		const w1 = (await scopeVariables(client, 'Parameters')).find((v) => v.name === 'W1')!;
		const rows = (await client.variablesRequest({ variablesReference: w1.variablesReference })).body.variables;
		const set = await client.setVariableRequest({ variablesReference: rows[0]!.variablesReference, name: '[1]', value: '1.5' });
		expect(set.body.value).toBe('1.5');
		const after = (await client.variablesRequest({ variablesReference: await scopeReference(client, 'Loss & step') })).body.variables;
		const loss = Number(after.find((v) => v.name === 'loss')!.value);
		const expected = xorLoss([[0.5, 1.5], [0.3, 0.6]], [0.1, -0.1], [0.7, -0.5], 0);
		expect(Math.abs(loss - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
		const again = (await scopeVariables(client, 'Parameters')).find((v) => v.name === 'W1')!;
		expect(again.value).toBe('2×2 [0.5, 1.5, 0.3, 0.6]');
	});
});
