/**
 * Step-into through a 2-2-1 XOR network written with a loop over the four samples and a `sigmoid` helper
 * (fixtures/xor.ts and xor.py), driven over the Debug Adapter Protocol with `DebugClient`. The hidden units at n = 2
 * are checked against the closed form σ(w·x + b) by hand; the accumulated adjoints against the session's compiled
 * gradient.
 */
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAdapter, fixture, launchToEntry, removeAdapter, scopeValues, scopeVariables, startClient, stopAfter, topFrame } from './adapterClient';

const sgd = { optimizer: 'sgd', lr: 0.1 };
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
// The fixtures' start point: w00, w01, w10, w11, b0, b1, v0, v1, c. At n = 2 the input is (1, 0).
const h0 = sigma(0.5 + 0.1);
const h1 = sigma(0.3 - 0.2);
const out = sigma(0.7 * h0 - 0.6 * h1 + 0.05);

/** The lines of each fixture: the helper's return, then the loss's statements. */
const cases = [
	{ file: 'xor.ts', helper: 6, total: 10, loop: 11, h0: 12, h1: 13, out: 14, add: 15, ret: 17 },
	{ file: 'xor.py', helper: 9, total: 13, loop: 14, h0: 15, h1: 16, out: 17, add: 18, ret: 19 },
];

let adapter: string;
let client: DebugClient;

beforeAll(async () => {
	adapter = await buildAdapter();
}, 60_000);
beforeEach(async () => {
	client = await startClient(adapter);
});
afterEach(async () => {
	await client.stop();
});
afterAll(() => removeAdapter(adapter));

async function frames(): Promise<DebugProtocol.StackFrame[]> {
	return (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames;
}

async function move(request: 'stepIn' | 'next' | 'stepOut' | 'continue' | 'stepBack'): Promise<DebugProtocol.StoppedEvent> {
	return stopAfter(client, () => client[`${request}Request`]({ threadId: 1 }));
}

/** Each variable's value with every digit, as Copy Value reads it: its `evaluateName` in the clipboard context. */
async function everyDigit(variables: readonly DebugProtocol.Variable[]): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const v of variables) {
		const frameId = (await frames())[0]!.id;
		out[v.name] = Number((await client.evaluateRequest({ expression: v.evaluateName!, context: 'clipboard', frameId })).body.result);
	}
	return out;
}

describe.each(cases)('step-into through $file', (lines) => {
	it('enters the loop: at n = 2 the hidden units and the output equal the hand computation', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		expect((await move('stepIn')).body.description).toBe('forward: total = 0');
		let event = await move('stepIn');
		while (!(event.body.description ?? '').includes('n = 2 (of 4)') || (await topFrame(client)).line !== lines.out) event = await move('stepIn');
		expect(event.body.description).toMatch(/^forward: out = [\d.]+ · n = 2 \(of 4\)$/);
		const locals = await scopeValues(client, 'Locals');
		expect(locals['n']).toBe('2 (of 4)');
		expect(Number(locals['h0'])).toBeCloseTo(h0, 5);
		expect(Number(locals['h1'])).toBeCloseTo(h1, 5);
		expect(Number(locals['out'])).toBeCloseTo(out, 5);
	});

	it('shows sigmoid above loss on the Call Stack inside the call, with its argument', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		await move('stepIn');
		await move('stepIn');
		const [inner, outer] = await frames();
		expect(inner!.name).toMatch(/^sigmoid · forward: return = /);
		expect(inner!.line).toBe(lines.helper);
		expect(outer!.name).toMatch(/ · loss$/);
		expect(outer!.line).toBe(lines.h0);
		// n = 0: the first hidden unit's argument is b0 = 0.1.
		expect(Number((await scopeValues(client, 'Locals'))['z'])).toBeCloseTo(0.1, 5);
		expect(Number((await scopeValues(client, 'Locals'))['return'])).toBeCloseTo(sigma(0.1), 5);
	});

	it('walks back through every statement in reverse, and the adjoints add up to the compiled gradient', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		const gradient = await everyDigit(await scopeVariables(client, 'Gradient'));
		const stops: string[] = [];
		let event = await move('stepIn');
		while (!(await topFrame(client)).name.startsWith('step 1')) {
			stops.push(`${(event.body.description ?? '').split(':')[0]} ${(await topFrame(client)).line}`);
			if (stops.at(-1) === `backward ${lines.total}`) {
				const accumulated = await everyDigit(await scopeVariables(client, 'Gradient so far (backward pass)'));
				expect(Object.keys(accumulated)).toEqual(Object.keys(gradient));
				for (const [name, value] of Object.entries(gradient)) expect(Math.abs(accumulated[name]! - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
			}
			if (stops.at(-1) === `backward ${lines.ret}`) {
				const early = await everyDigit(await scopeVariables(client, 'Gradient so far (backward pass)'));
				expect(Object.values(early).every((g) => g === 0), 'nothing is accumulated before the loop is walked back').toBe(true);
			}
			event = await move('stepIn');
		}
		const body = [lines.helper, lines.h0, lines.helper, lines.h1, lines.helper, lines.out, lines.add];
		const forward = [lines.total, ...body, ...body, ...body, ...body, lines.ret];
		expect(stops).toEqual([...forward.map((l) => `forward ${l}`), ...forward.reverse().map((l) => `backward ${l}`)]);
	});

	it('F10 steps over the loop; Shift+F11 leaves it, forward and backward', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		await move('stepIn');
		expect((await move('next')).body.description).toMatch(/^forward: return = /);
		expect((await topFrame(client)).line).toBe(lines.ret);
		expect((await move('stepIn')).body.description).toBe('backward: ∂L/∂return = 1');
		expect((await move('stepIn')).body.description).toMatch(/^backward: ∂L\/∂total = 0\.25 · n = 3 \(of 4\)$/);
		expect((await move('stepOut')).body.description).toMatch(/^backward: ∂L\/∂total = 0\.25$/);
		expect((await topFrame(client)).line).toBe(lines.total);
		await move('stepBack');
	});

	it('Shift+F11 in the forward pass leaves the loop for the return', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		await move('stepIn');
		await move('stepIn');
		await move('stepOut');
		expect((await topFrame(client)).line).toBe(lines.h0);
		await move('stepOut');
		expect((await topFrame(client)).line).toBe(lines.ret);
	});

	it('a breakpoint with n == 3 stops the walk in the fourth iteration', async () => {
		await launchToEntry(client, { program: fixture(lines.file), ...sgd });
		const source = { path: fixture(lines.file) };
		const set = await client.setBreakpointsRequest({ source, breakpoints: [{ line: lines.h1, condition: 'n == 3' }] });
		expect(set.body.breakpoints[0]!.verified).toBe(true);
		await move('stepIn');
		const hit = await move('continue');
		expect(hit.body.reason).toBe('breakpoint');
		expect(hit.body.description).toMatch(/^forward: h1 = [\d.]+ · n = 3 \(of 4\)$/);
		expect((await topFrame(client)).line).toBe(lines.h1);
	});
});
