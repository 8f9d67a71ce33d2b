/**
 * Ownership of disposables for the VS Code layer: long-lived classes extend `Disposable` and `_register` every
 * listener, emitter and registration they create, so disposing the owner releases everything it made. The same
 * pattern as microsoft/vscode-hexeditor's `src/dispose.ts`.
 */
import type * as vscode from 'vscode';

/** Disposes every item, last registered first, and empties the array. */
export function disposeAll(disposables: vscode.Disposable[]): void {
	while (disposables.length > 0) disposables.pop()?.dispose();
}

export abstract class Disposable {
	private disposedValue = false;
	private readonly disposables: vscode.Disposable[] = [];

	/** True once `dispose` has run. */
	protected get isDisposed(): boolean {
		return this.disposedValue;
	}

	dispose(): void {
		if (this.disposedValue) return;
		this.disposedValue = true;
		disposeAll(this.disposables);
	}

	/** Takes ownership of `value`: it is disposed with this object (at once, if this object is already disposed). */
	protected _register<T extends vscode.Disposable>(value: T): T {
		if (this.disposedValue) value.dispose();
		else this.disposables.push(value);
		return value;
	}
}
