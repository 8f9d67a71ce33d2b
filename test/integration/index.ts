// The integration suite's entry point, in the form @vscode/test-electron expects: the extension host loads this
// module (the `extensionTestsPath`) and awaits `run()`. Here scripts/runExtensionTests.mjs starts it in code-server's
// Node extension host; on a machine that can download VS Code, test-electron's runTests() can start it unchanged.
// Mocha uses the TDD interface (`suite`/`test`), like the VS Code samples. esbuild compiles each
// `test/integration/**/*.ts` to `dist/test/integration/**/*.js` with `mocha` left external, so mocha is required
// from the repository's node_modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// The extension host forwards console output as plain joined text, so printf-style arguments (which mocha's
// reporters use: `console.log('%d passing', n)`) would arrive unformatted; format them here.
Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(format(...data));

/** Runs every `*.test.js` file beside this module (recursively); rejects if any test failed. */
export async function run(): Promise<void> {
	process.setSourceMapsEnabled(true); // stack traces point at test/integration/*.ts
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
	const testsRoot = __dirname;
	const files = (fs.readdirSync(testsRoot, { recursive: true }) as string[]).filter((file) => file.endsWith('.test.js')).sort();
	for (const file of files) mocha.addFile(path.resolve(testsRoot, file));
	if (files.length === 0) throw new Error(`no *.test.js files under ${testsRoot}`);

	const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve, reject) => {
		try {
			const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
		} catch (error) {
			reject(error);
		}
	});
	// The closing line CI logs are read for (scripts/runExtensionTests.mjs also records it in test-results/).
	console.log(`${passed} passed, ${failed} failed`);
	if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
