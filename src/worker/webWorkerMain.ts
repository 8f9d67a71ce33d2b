/**
 * The engine's worker in the browser build (`dist/web/engineWorker.js`): a Web Worker the web extension host starts,
 * serving the engine over its global `postMessage`. Where the page's content security policy forbids generated code,
 * the engine falls back to its interpreter by itself.
 */
import { engineHandlers } from './engineHandlers';
import type { FromWorkerMessage, ToWorkerMessage } from './engineProtocol';
import { serveEngine } from './serveEngine';

/** The parts of a dedicated worker's global scope this file uses (the worker layer has no DOM types). */
interface WorkerScope {
	postMessage(message: FromWorkerMessage): void;
	addEventListener(type: 'message', listener: (event: { data: ToWorkerMessage }) => void): void;
	close(): void;
}

const scope = globalThis as unknown as WorkerScope;
serveEngine(
	{
		post: (message) => scope.postMessage(message),
		onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
		later: (task) => setTimeout(task, 0),
	},
	engineHandlers(() => scope.close()),
);
