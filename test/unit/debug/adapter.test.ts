/**
 * The standalone debug adapter (dist/debugAdapter.js, built here from source) driven over the Debug Adapter
 * Protocol with `DebugClient`, as VS Code drives it. Every number is checked against a closed form:
 * SGD on (x − 1)² + 1 from x = 5 with lr 0.1 gives x_k − 1 = 4·0.8^k, so x₁ = 4.2 and L_k = 16·0.64^k + 1.
 */
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { xorLoss } from '../fixtures/xorNetwork';
import { buildAdapter, removeAdapter, failureOf, fixture, launchToEntry, repoRoot, scopeValues, scopeVariables, startClient, stopAfter, topFrame } from './adapterClient';

const quadratic = fixture('quadratic.ts');
const locals = fixture('locals.ts');
/** The XOR network with the weight matrix W1 (issue #12). */
const xor = path.join(repoRoot, 'examples', 'xor-network.ts');
const sgd = { optimizer: 'sgd', lr: 0.1 };

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

describe('initialize and launch', () => {
	it('declares the capabilities it implements, and no others', async () => {
		const { body } = await client.initializeRequest();
		expect(body).toMatchObject({
			supportsConfigurationDoneRequest: true,
			supportsStepBack: true,
			supportsConditionalBreakpoints: true,
			supportsHitConditionalBreakpoints: true,
			supportsLogPoints: true,
			supportsEvaluateForHovers: true,
			supportsSetVariable: true,
			supportsRestartRequest: true,
		});
		expect(body?.supportsDataBreakpoints).toBeUndefined();
		expect(body?.supportsStepInTargetsRequest).toBeUndefined();
	});

	it('stops on entry at the loss definition, with one Optimizer thread', async () => {
		await Promise.all([
			client.configurationSequence(),
			client.launch({ program: quadratic, ...sgd }),
			client.assertStoppedLocation('entry', { path: quadratic, line: 2 }),
		]);
		const threads = (await client.threadsRequest()).body.threads;
		expect(threads).toEqual([{ id: 1, name: 'Optimizer' }]);
		expect((await topFrame(client)).name).toBe('step 0 · loss = 17');
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '5' });
	});

	it('runs to the first stop when stopOnEntry is false', async () => {
		const [, , stopped] = await Promise.all([
			client.configurationSequence(),
			client.launch({ program: quadratic, ...sgd, stopOnEntry: false }),
			client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>,
		]);
		expect(stopped.body.reason).toBe('step');
		expect(stopped.body.description).toMatch(/gradient norm|loss change/i);
		expect(Number((await scopeValues(client, 'Parameters'))['x'])).toBeCloseTo(1, 5);
	});
});

describe('stepping', () => {
	it('next takes one SGD step: x = 5 − 0.1·8 = 4.2', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		const event = await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		expect(event.body.reason).toBe('step');
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
		expect(Number((await scopeValues(client, 'Gradient'))['x'])).toBeCloseTo(6.4, 12);
		const lossScope = await scopeValues(client, 'Loss & step');
		expect(lossScope['step']).toBe('1');
		expect(Number(lossScope['loss'])).toBeCloseTo(16 * 0.64 + 1, 12);
		expect(lossScope['lr']).toBe('0.1');
		expect((await topFrame(client)).name).toBe('step 1 · loss = 11.24');
	});

	it('shows hyper-parameters under PyTorch names and optimizer buffers as vectors', async () => {
		await launchToEntry(client, { program: quadratic, optimizer: 'sgd', lr: 0.1, momentum: 0.9 });
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		const hyper = await scopeValues(client, 'Hyper-parameters');
		expect(hyper).toMatchObject({ optimizer: 'sgd', lr: '0.1', momentum: '0.9', dampening: '0', nesterov: 'false' });
		const state = await scopeValues(client, 'Optimizer state');
		expect(state['step']).toBe('1');
		expect(state['momentum_buffer']).toBe('[8]');
		const evaluated = await client.evaluateRequest({ expression: 'momentum_buffer[0]', context: 'watch' });
		expect(evaluated.body.result).toBe('8');
	});

	it('stepBack and reverseContinue walk history; restart keeps the settings', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
		const reverse = await stopAfter(client, () => client.reverseContinueRequest({ threadId: 1 }));
		expect(reverse.body.description).toBe('At the start of history');
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '5' });
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		const restart = await stopAfter(client, () => client.restartRequest({}));
		expect(restart.body.reason).toBe('entry');
		expect((await scopeValues(client, 'Loss & step'))['step']).toBe('0');
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
	});

	it('pause stops a long continue', async () => {
		const settings = { maxSteps: 100_000_000, gradientTolerance: 0, lossTolerance: 0 };
		await launchToEntry(client, { program: fixture('linear.ts'), ...sgd, ...settings });
		await client.continueRequest({ threadId: 1 });
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect((await client.threadsRequest()).body.threads).toHaveLength(1); // requests are served while it runs
		const paused = await stopAfter(client, () => client.pauseRequest({ threadId: 1 }));
		expect(paused.body.reason).toBe('pause');
		expect(Number((await scopeValues(client, 'Loss & step'))['step'])).toBeGreaterThan(0);
	});

	it('divergence stops as an exception with the engine message', async () => {
		await launchToEntry(client, { program: quadratic, optimizer: 'sgd', lr: 1.5 });
		const event = await stopAfter(client, () => client.continueRequest({ threadId: 1 }));
		expect(event.body.reason).toBe('exception');
		expect(event.body.text).toMatch(/diverge/i);
		expect(event.body.description).toBe(event.body.text);
	});
});

describe('step into the forward and backward pass', () => {
	/** One stepIn; returns the top frame after the stop. */
	async function stepIn(): Promise<DebugProtocol.StackFrame> {
		await stopAfter(client, () => client.stepInRequest({ threadId: 1 }));
		return topFrame(client);
	}

	it('walks each local forward with its value, then backward with its adjoint, then takes the update', async () => {
		await launchToEntry(client, { program: locals, ...sgd });
		expect((await stepIn()).line).toBe(4);
		expect(await scopeValues(client, 'Locals')).toEqual({ a: '4' });
		expect((await stepIn()).line).toBe(5);
		expect(await scopeValues(client, 'Locals')).toEqual({ a: '4', b: '16' });
		const ret = await stepIn();
		expect([ret.line, ret.name]).toEqual([6, 'step 0 · loss = 17 · forward: return = 17']);
		const back = await stepIn();
		expect([back.line, back.name]).toEqual([6, 'step 0 · loss = 17 · backward: ∂L/∂return = 1']);
		expect((await stepIn()).line).toBe(5);
		expect(await scopeValues(client, 'Locals')).toMatchObject({ b: '16', '∂L/∂b': '1', '∂L/∂return': '1' });
		expect((await stepIn()).line).toBe(4);
		expect(await scopeValues(client, 'Locals')).toEqual({ a: '4', '∂L/∂a': '8', b: '16', '∂L/∂b': '1', return: '17', '∂L/∂return': '1' });
		expect((await client.evaluateRequest({ expression: 'grad.a * a', context: 'watch' })).body.result).toBe('32');
		const top = await stepIn();
		expect([top.line, top.name]).toEqual([3, 'step 1 · loss = 11.24']);
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
	});

	it('walks a Python loss the same way: forward through its lines, backward with adjoints', async () => {
		await launchToEntry(client, { program: fixture('locals.py'), ...sgd });
		expect((await stepIn()).line).toBe(3);
		expect(await scopeValues(client, 'Locals')).toEqual({ a: '4' });
		expect((await stepIn()).line).toBe(4);
		const ret = await stepIn();
		expect([ret.line, ret.name]).toEqual([5, 'step 0 · loss = 17 · forward: return = 17']);
		await stepIn();
		await stepIn();
		expect((await stepIn()).line).toBe(3);
		expect(await scopeValues(client, 'Locals')).toMatchObject({ a: '4', '∂L/∂a': '8', b: '16', '∂L/∂b': '1' });
		const top = await stepIn();
		expect(top.name).toBe('step 1 · loss = 11.24');
	});

	it('stepOut finishes the step; stepBack inside the pass goes back a statement, then to the top', async () => {
		await launchToEntry(client, { program: locals, ...sgd });
		await stepIn();
		expect((await stepIn()).line).toBe(5);
		await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
		expect((await topFrame(client)).line).toBe(4);
		await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
		expect((await topFrame(client)).name).toBe('step 0 · loss = 17');
		await stepIn();
		await stopAfter(client, () => client.stepOutRequest({ threadId: 1 }));
		expect((await topFrame(client)).name).toBe('step 1 · loss = 11.24');
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
	});

	it('stops first on the formula of a Markdown block, not on its $$ line', async () => {
		await launchToEntry(client, { program: fixture('note.md'), ...sgd, start: [5] });
		const frame = await topFrame(client);
		expect([frame.line, frame.name]).toEqual([6, 'step 0 · loss = 2']);
	});

	it('steps through a math loss as its one equation', async () => {
		await launchToEntry(client, { program: fixture('loss.txt'), ...sgd, start: [5] });
		expect((await stepIn()).line).toBe(1);
		expect(await scopeValues(client, 'Locals')).toEqual({ y: '17' });
		await stopAfter(client, () => client.stepOutRequest({ threadId: 1 }));
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.2' });
	});
});

describe('breakpoints', () => {
	/** Launches with breakpoints set during the configuration sequence; returns the bound breakpoints. */
	async function launchWith(program: string, breakpoints: DebugProtocol.SourceBreakpoint[], args = {}): Promise<DebugProtocol.Breakpoint[]> {
		const [bound] = await Promise.all([
			client.waitForEvent('initialized').then(async () => {
				const response = await client.setBreakpointsRequest({ source: { path: program }, breakpoints });
				await client.configurationDoneRequest();
				return response.body.breakpoints;
			}),
			client.launch({ program, ...sgd, ...args }),
			client.waitForEvent('stopped'),
		]);
		return bound;
	}

	it('continue runs to a conditional breakpoint: loss < 1.01 first holds at step 17', async () => {
		const [bp] = await launchWith(quadratic, [{ line: 3, condition: 'loss < 1.01' }]);
		expect(bp).toMatchObject({ verified: true, line: 3 });
		const event = await stopAfter(client, () => client.continueRequest({ threadId: 1 }));
		expect(event.body.reason).toBe('breakpoint');
		expect(event.body.hitBreakpointIds).toEqual([bp!.id]);
		const lossScope = await scopeValues(client, 'Loss & step');
		expect(lossScope['step']).toBe('17');
		expect(lossScope['loss']).toBe('1.00811');
		const copied = await client.evaluateRequest({ expression: 'loss', context: 'clipboard' });
		expect(Number(copied.body.result)).toBeCloseTo(16 * 0.64 ** 17 + 1, 12);
		await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
		expect((await scopeValues(client, 'Loss & step'))['step']).toBe('16');
	});

	it('hit conditions count the hits', async () => {
		await launchWith(quadratic, [{ line: 2, hitCondition: '3' }]);
		await stopAfter(client, () => client.continueRequest({ threadId: 1 }));
		expect((await scopeValues(client, 'Loss & step'))['step']).toBe('3');
	});

	it('logpoints print to the Debug Console without stopping', async () => {
		await launchWith(quadratic, [{ line: 3, logMessage: 'step {step}: loss = {loss}' }], { maxSteps: 2 });
		const output = client.assertOutput('console', 'step 1: loss = 11.24\nstep 2: loss = 7.5536\n');
		const event = await stopAfter(client, () => client.continueRequest({ threadId: 1 }));
		await output;
		expect(event.body.description).toBe('Stopped after the step limit (2)');
	});

	it('answers lines outside the loss, other files and bad conditions as unverified, with the reason', async () => {
		const bound = await launchWith(locals, [{ line: 11 }, { line: 5, condition: 'zz < 1' }, { line: 4, condition: 'loss <' }, { line: 4 }]);
		expect(bound.map((b) => b.verified)).toEqual([false, false, false, true]);
		expect(bound[0]!.message).toBe("line 11 is outside the loss function 'loss' (lines 3–7)");
		expect(bound[1]!.message).toMatch(/unknown name 'zz'/);
		expect(bound[2]!.message).toMatch(/column/);
		const other = await client.setBreakpointsRequest({ source: { path: quadratic }, breakpoints: [{ line: 3 }] });
		expect(other.body.breakpoints[0]).toMatchObject({ verified: false, message: "Downhill breakpoints go on the lines of 'loss' in locals.ts" });
	});
});

describe('variables and the Debug Console', () => {
	it('setVariable on lr applies from the next step', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		const { body } = await client.scopesRequest({ frameId: 1 });
		const lossScope = body.scopes.find((s) => s.name === 'Loss & step')!;
		const set = await client.setVariableRequest({ variablesReference: lossScope.variablesReference, name: 'lr', value: '0.5' });
		expect(set.body.value).toBe('0.5');
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '1' });
		expect((await scopeValues(client, 'Loss & step'))['loss']).toBe('1');
	});

	it('after step back, a new lr shows in every view and drives the next step', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
		const { body } = await client.scopesRequest({ frameId: 1 });
		const lossScope = body.scopes.find((s) => s.name === 'Loss & step')!;
		const set = await client.setVariableRequest({ variablesReference: lossScope.variablesReference, name: 'lr', value: '0.05' });
		expect(set.body.value).toBe('0.05');
		expect((await scopeValues(client, 'Loss & step'))['lr']).toBe('0.05');
		expect((await scopeValues(client, 'Hyper-parameters'))['lr']).toBe('0.05');
		expect((await client.evaluateRequest({ expression: 'lr', context: 'watch' })).body.result).toBe('0.05');
		expect((await client.evaluateRequest({ expression: 'lr = 0.05', context: 'repl' })).body.result).toBe('0.05');
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		// From x₁ = 4.2 (gradient 6.4) with lr 0.05: x₂ = 4.2 − 0.32 = 3.88.
		expect(Number((await scopeValues(client, 'Parameters'))['x'])).toBeCloseTo(3.88, 12);
	});

	it('shows numbers as the panel does (6 significant digits), every digit on hover and copy', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		let x = 5;
		for (let k = 0; k < 5; k++) {
			x -= 0.1 * 2 * (x - 1);
			await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		}
		// ∂L/∂x at x₅ = 1 + 4·0.8⁵ is 8·0.8⁵ = 2.62144, which float64 updates reach as 2.6214399999999998.
		const full = String(2 * (x - 1));
		expect(full).not.toBe('2.62144');
		expect((await scopeValues(client, 'Gradient'))['x']).toBe('2.62144');
		expect((await client.evaluateRequest({ expression: 'grad.x', context: 'repl' })).body.result).toBe('2.62144');
		expect((await client.evaluateRequest({ expression: 'grad.x', context: 'watch' })).body.result).toBe('2.62144');
		expect((await client.evaluateRequest({ expression: 'grad.x', context: 'clipboard' })).body.result).toBe(full);
		expect((await client.evaluateRequest({ expression: 'grad.x', context: 'hover' })).body.result).toBe(full);
	});

	it('setVariable on a parameter moves the point; read-only variables refuse', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		const { body } = await client.scopesRequest({ frameId: 1 });
		const ref = (name: string) => body.scopes.find((s) => s.name === name)!.variablesReference;
		const set = await client.setVariableRequest({ variablesReference: ref('Parameters'), name: 'x', value: '2 + 1' });
		expect(set.body.value).toBe('3');
		expect((await scopeValues(client, 'Loss & step'))['loss']).toBe('5');
		const refused = await failureOf(client.setVariableRequest({ variablesReference: ref('Gradient'), name: 'x', value: '0' }));
		expect(refused).toMatch(/read-only/);
	});

	it('evaluates expressions over the session names; lr = 0.01 assigns in the Debug Console', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		expect((await client.evaluateRequest({ expression: 'grad.x * lr', context: 'watch' })).body.result).toBe('0.8');
		expect((await client.evaluateRequest({ expression: 'x', context: 'hover' })).body.result).toBe('5');
		expect((await client.evaluateRequest({ expression: 'lr = 0.01', context: 'repl' })).body.result).toBe('0.01');
		await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
		expect(await scopeValues(client, 'Parameters')).toEqual({ x: '4.92' });
		expect(await failureOf(client.evaluateRequest({ expression: 'lr = 1', context: 'watch' }))).toMatch(/only in the Debug Console/);
		expect(await failureOf(client.evaluateRequest({ expression: 'x +', context: 'repl' }))).toMatch(/column 4/);
		expect(await failureOf(client.evaluateRequest({ expression: 'zz * 2', context: 'repl' }))).toBe("unknown name 'zz' (column 1)");
	});
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
		// Variables show 6 significant digits; Copy Value (the clipboard context) gives every digit.
		const loss = Number((await client.evaluateRequest({ expression: 'loss', context: 'clipboard' })).body.result);
		const expected = xorLoss([[0.5, 1.5], [0.3, 0.6]]);
		expect(Math.abs(loss - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
		const again = (await scopeVariables(client, 'Parameters')).find((v) => v.name === 'W1')!;
		expect(again.value).toBe('2×2 [0.5, 1.5, 0.3, 0.6]');
	});
});

describe('launch failures the user can act on', () => {
	it.each([
		[{ program: quadratic, optimizer: 'adamm' }, /'optimizer' must be one of sgd, adagrad/],
		[{ program: quadratic, optimizer: 'sgd', lr: -1 }, /lr must be a finite number >= 0, got -1/],
		[{ program: quadratic, optimizer: 'adam', momentum: 0.9 }, /adam: unknown option 'momentum'/],
		[{ program: quadratic, schedule: 'step:gamma=2' }, /step_size/],
		[{ program: quadratic, start: [1, 2] }, /'start': the start point needs 1 values, got 2/],
		[{ program: quadratic, maxSteps: 0 }, /maxSteps must be an integer ≥ 1/],
		[{ program: fixture('missing.ts') }, /missing\.ts': the file does not exist/],
		[{ program: fixture('syntaxError.jsx') }, /syntaxError\.jsx:3:24: /],
		[{}, /'program' must name the file/],
	])('%j', async (args, message) => {
		expect(await failureOf(client.launch(args))).toMatch(message);
	});
});

describe('disconnect', () => {
	it('ends the session', async () => {
		await launchToEntry(client, { program: quadratic, ...sgd });
		await client.disconnectRequest({});
	});
});
