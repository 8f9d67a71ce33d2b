// `npm start`: builds Downhill and opens a real VS Code with it loaded on examples/. With the desktop `code` on PATH,
// an Extension Development Host window; otherwise the browser-based VS Code of the end-to-end tests (code-server,
// installed from npm by scripts/installVscode.mjs), whose local address is printed. Ctrl+C stops it.
// `--check` (used by the end-to-end tests) exits once the workbench answers, printing the address.
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const examples = join(root, 'examples');
const check = process.argv.includes('--check');
const port = Number(process.env.DOWNHILL_PORT ?? 8080);

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });

if (!check && !process.env.DOWNHILL_BROWSER && hasDesktopCode()) {
	console.log('Opening VS Code (desktop) with Downhill as a development extension on examples/ …');
	spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true }).unref();
} else {
	execFileSync(process.execPath, [join(root, 'scripts', 'installVscode.mjs')], { cwd: root, stdio: 'inherit' });
	const { startCodeServer, workbenchUrl } = await import('./codeServer.mjs');
	const server = await startCodeServer({ port: check ? undefined : port, workspace: examples });
	const url = workbenchUrl({ port: server.port, folder: examples, extensionDevelopmentPath: root });
	console.log(`\nDownhill is running in VS Code for the browser. Open:\n\n  ${url}\n`);
	if (check) {
		const response = await fetch(url);
		console.log(`workbench answered ${response.status}`);
		await server.stop();
		process.exit(response.ok ? 0 : 1);
	}
	console.log('Press Ctrl+C to stop.');
	const stop = async () => {
		await server.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

function hasDesktopCode() {
	try {
		execFileSync('code', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}
