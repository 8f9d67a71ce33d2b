/**
 * Helpers for the debug adapter tests: build the standalone adapter from source with esbuild's API (so the tests
 * never run a stale dist/), start it under `DebugClient` over stdio, and read the Variables view by scope name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);

/** Removes the folder `buildAdapter` made. */
export function removeAdapter(adapter: string): void {
	rmSync(path.dirname(adapter), { recursive: true, force: true });
}

/** Bundles src/extension/debug/debugAdapterMain.ts the way esbuild.mjs does, into a fresh temporary folder. */
export async function buildAdapter(): Promise<string> {
	const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'downhill-adapter-')), 'debugAdapter.js');
	await esbuild.build({
		entryPoints: [path.join(repoRoot, 'src/extension/debug/debugAdapterMain.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'es2022',
		external: ['vscode'],
		logLevel: 'warning',
	});
	return outfile;
}

export async function startClient(adapter: string): Promise<DebugClient> {
	const client = new DebugClient('node', adapter, 'downhill');
	client.defaultTimeout = 10_000;
	await client.start();
	return client;
}

/** Launches `program` and waits for the stop on entry; returns the launch response. */
export async function launchToEntry(client: DebugClient, args: Record<string, unknown>): Promise<void> {
	await Promise.all([client.configurationSequence(), client.launch(args), client.waitForEvent('stopped')]);
}

/** The variables of the scope called `scope`, as a name → value map. */
export async function scopeValues(client: DebugClient, scope: string): Promise<Record<string, string>> {
	const variables = await scopeVariables(client, scope);
	return Object.fromEntries(variables.map((v) => [v.name, v.value]));
}

export async function scopeVariables(client: DebugClient, scope: string): Promise<DebugProtocol.Variable[]> {
	const reference = await scopeReference(client, scope);
	return (await client.variablesRequest({ variablesReference: reference })).body.variables;
}

export async function scopeReference(client: DebugClient, scope: string): Promise<number> {
	const frames = (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames;
	const scopes = (await client.scopesRequest({ frameId: frames[0]!.id })).body.scopes;
	const found = scopes.find((s) => s.name === scope);
	if (!found) throw new Error(`no scope '${scope}' (have ${scopes.map((s) => s.name).join(', ')})`);
	return found.variablesReference;
}

/** The top frame: name and line. */
export async function topFrame(client: DebugClient): Promise<DebugProtocol.StackFrame> {
	return (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames[0]!;
}

/** Sends `request` and waits for the `stopped` event it causes; returns the event. */
export async function stopAfter(client: DebugClient, request: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
	const [event] = await Promise.all([client.waitForEvent('stopped'), request()]);
	return event as DebugProtocol.StoppedEvent;
}

/** The message of a failed request. */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	throw new Error('the request succeeded; expected it to fail');
}
