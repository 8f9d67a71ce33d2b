/**
 * The engine's worker on the desktop (`dist/engineWorker.js`): a `worker_threads` thread the extension host starts,
 * serving the engine over its `parentPort`.
 */
import { parentPort } from 'node:worker_threads';
import { engineHandlers } from './engineHandlers';
import type { ToWorkerMessage } from './engineProtocol';
import { serveEngine } from './serveEngine';

const port = parentPort!;
serveEngine(
	{
		post: (message) => port.postMessage(message),
		onMessage: (listener) => port.on('message', (message: ToWorkerMessage) => listener(message)),
		later: (task) => setImmediate(task),
	},
	engineHandlers(() => process.exit(1)),
);
