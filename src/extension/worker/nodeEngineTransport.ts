/**
 * The engine's worker on the desktop: a `worker_threads` thread running `dist/engineWorker.js`. The web build
 * replaces this file with `../web/webEngineTransport.ts` (esbuild.mjs), which starts a Web Worker instead.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { FromWorkerMessage } from '../../worker/engineProtocol';
import type { StartEngineTransport } from './engineClient';

/**
 * The worker's heap limit: a source that would take gigabytes to parse ends the worker (a crash the client restarts)
 * instead of the extension host's process, which the thread shares.
 */
const workerHeapMb = 1024;

/** Starts workers from the extension's `dist/engineWorker.js`. */
export function engineTransport(extensionUri: vscode.Uri): StartEngineTransport {
	return nodeEngineTransport(path.join(extensionUri.fsPath, 'dist', 'engineWorker.js'));
}

/** Starts workers from the bundle at `scriptPath`. */
export function nodeEngineTransport(scriptPath: string): StartEngineTransport {
	return (onMessage, onExit) => {
		const worker = new Worker(scriptPath, { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
		let ended = false;
		const end = (reason: string) => {
			if (ended) return;
			ended = true;
			onExit(reason);
		};
		worker.on('message', (message: FromWorkerMessage) => onMessage(message));
		worker.on('error', (error) => end(error.message));
		worker.on('exit', (code) => end(`the worker exited with code ${code}`));
		return {
			post: (message) => worker.postMessage(message),
			terminate: () => {
				ended = true;
				void worker.terminate();
			},
		};
	};
}
