/**
 * The engine's worker in the browser build: a Web Worker running `dist/web/engineWorker.js`, started by the web
 * extension host (itself a worker). esbuild.mjs puts this file in place of `../worker/nodeEngineTransport.ts` in
 * `dist/web/extension.js`. The script is read through `workspace.fs` and started from a `blob:` URL: VS Code's web
 * host refuses `new Worker` on an extension's `vscode-remote:` URL (code-server, remote hosts), and a blob keeps the
 * host's origin everywhere. After lsp-web-extension-sample's client, which starts its server as a Web Worker too.
 */
import * as vscode from 'vscode';
import type { FromWorkerMessage, ToWorkerMessage } from '../../worker/engineProtocol';
import type { StartEngineTransport } from '../worker/engineClient';

/** The parts of the browser's `Worker`, `Blob` and `URL` this file uses (the extension layer has no DOM types). */
interface BrowserWorker {
	postMessage(message: ToWorkerMessage): void;
	terminate(): void;
	addEventListener(type: 'message', listener: (event: { data: FromWorkerMessage }) => void): void;
	addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}
declare const Worker: new (url: string) => BrowserWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/** Starts Web Workers from the extension's `dist/web/engineWorker.js`. */
export function engineTransport(extensionUri: vscode.Uri): StartEngineTransport {
	const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'engineWorker.js');
	let blobUrl: Promise<string> | undefined;
	return (onMessage, onExit) => {
		blobUrl ??= Promise.resolve(vscode.workspace.fs.readFile(script)).then((bytes) =>
			URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })),
		);
		const waiting: ToWorkerMessage[] = [];
		let worker: BrowserWorker | undefined;
		let ended = false;
		blobUrl.then(
			(url) => {
				if (ended) return;
				worker = new Worker(url);
				worker.addEventListener('message', (event) => onMessage(event.data));
				worker.addEventListener('error', (event) => onExit(event.message ?? 'the engine worker failed'));
				for (const message of waiting.splice(0)) worker.postMessage(message);
			},
			(error: unknown) => onExit(error instanceof Error ? error.message : String(error)),
		);
		return {
			post: (message) => (worker ? worker.postMessage(message) : waiting.push(message)),
			terminate: () => {
				ended = true;
				worker?.terminate();
			},
		};
	};
}
