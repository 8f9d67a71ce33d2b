// `npm run test:vscode`: the same integration suite (dist/test/integration) under @vscode/test-electron, for
// machines that can download VS Code. On offline machines use `npm run test:integration`, which runs the suite in
// code-server instead (scripts/runExtensionTests.mjs).
import { runTests } from '@vscode/test-electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
try {
	const code = await runTests({
		version: '1.100.3',
		extensionDevelopmentPath: root,
		extensionTestsPath: join(root, 'dist', 'test', 'integration', 'index.js'),
		launchArgs: [join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
	});
	process.exit(code);
} catch (error) {
	console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
