/**
 * The standalone Downhill debug adapter over stdio, built to dist/debugAdapter.js: what `DebugClient` spawns in the
 * adapter tests, and what any DAP client outside VS Code can run. Its `ControllerProvider` reads the loss file with
 * Node's fs, picks the front end from the file extension, compiles the loss and creates a `SessionController` of
 * its own (inside VS Code the inline adapter shares the extension's controller instead; see activateDebug.ts).
 * After mock-debug's `debugAdapter.ts`, which also hand-rolls `DebugSession.run` to pass a constructor argument.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compileLoss, languageForPath, LossSyntaxError, msg, pointSpan } from '../../engine/index';
import { SessionController } from '../session/sessionController';
import { DownhillDebugSession, type ControllerProvider } from './downhillDebugSession';

/** Compiles the loss a launch names from disk and starts a session on it. */
const fileControllerProvider: ControllerProvider = async (launch) => {
	const fileName = path.resolve(launch.program);
	const source = await readFile(fileName, 'utf8');
	const language = languageForPath(fileName);
	if (!language) {
		const file = path.basename(fileName);
		throw new LossSyntaxError(msg`cannot tell the language of '${file}' from its extension (use .js, .ts, .py, .md or .txt)`, pointSpan(1, 1));
	}
	const loss = compileLoss(source, { language, name: launch.functionName });
	const origin = { uri: fileName, fileName, line: loss.site.nameSpan.line };
	return new SessionController(loss, origin, launch.settings, launch.start);
};

const session = new DownhillDebugSession({ provideController: fileControllerProvider });
process.on('SIGTERM', () => session.shutdown());
session.start(process.stdin, process.stdout);
