/** A VS Code cancellation token as the `AbortSignal` the engine's client takes. */
import type * as vscode from 'vscode';

export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
	const controller = new AbortController();
	if (token.isCancellationRequested) controller.abort();
	else token.onCancellationRequested(() => controller.abort());
	return controller.signal;
}
