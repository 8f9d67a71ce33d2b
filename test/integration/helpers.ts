// Shared helpers of the integration suite (compiled into each test file by esbuild): the extension's API, example
// documents of the workspace (the runner opens examples/), and polling for state VS Code updates asynchronously.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DownhillApi } from '../../src/extension/extension';

export const extensionId = 'downhill.downhill';

/** Activates the extension and returns its API. */
export async function downhill(): Promise<DownhillApi> {
	const extension = vscode.extensions.getExtension<DownhillApi>(extensionId);
	assert.ok(extension, `extension ${extensionId} is not loaded`);
	return extension.activate();
}

/** The URI of `file` in the examples workspace folder. */
export function exampleUri(file: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the integration suite needs the examples folder open');
	return vscode.Uri.joinPath(folder.uri, file);
}

/** Opens `file` of the examples in an editor. */
export async function openExample(file: string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(exampleUri(file));
	return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeout` ms naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeout = 5000): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Asserts `actual` is within `tolerance` (relative to max(1, |expected|)) of `expected`. */
export function assertClose(actual: number, expected: number, what: string, tolerance = 1e-12): void {
	const error = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
	assert.ok(error <= tolerance, `${what}: expected ${expected}, got ${actual}`);
}

/** The plain text of a hover's contents. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
	return hovers
		.flatMap((hover) => hover.contents)
		.map((content) => (typeof content === 'string' ? content : content.value))
		.join('\n');
}
