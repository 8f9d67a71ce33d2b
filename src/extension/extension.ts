// Placeholder entry point of the VS Code layer, so the extension bundle (dist/extension.js) exists for the
// integration and UI harness. The real composition root (commands, panel, debug adapter) replaces this file.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
	// Nothing to wire up yet.
}

export function deactivate(): void {
	// Nothing to dispose yet.
}
