// The README's start command end to end: `npm start` (scripts/start.mjs, here in its browser mode since the desktop
// `code` is not on these machines) builds Downhill, starts VS Code for the browser on examples/ and prints the
// address; opening that address shows an Extension Development Host with Downhill active: the CodeLens above the
// loss in examples/quadratic.ts. The process is stopped with SIGTERM, as Ctrl+C would.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { freePort, launchChromium } from '../../scripts/codeServer.mjs';

/** Resolves with the first http:// address the process prints. */
function addressFrom(child, timeout = 180_000) {
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`npm start printed no address in ${timeout / 1000} s:\n${output.slice(-2000)}`)), timeout);
		const onData = (chunk) => {
			output += chunk;
			const match = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-2000)}`)));
	});
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const port = await freePort();
	const child = spawn('npm', ['start'], {
		cwd: ctx.repoRoot,
		env: { ...process.env, DOWNHILL_BROWSER: '1', DOWNHILL_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const { browser, close } = await launchChromium();
	try {
		const url = await addressFrom(child);
		ctx.log(`npm start printed ${url.slice(0, 60)}…`);
		const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
		await page.goto(url);
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
		assert.match(await page.title(), /\[Extension Development Host\]/);
		await ctx.openFile(page, 'quadratic.ts');
		const lens = page.locator('.codelens-decoration', { hasText: 'Step through' }).first();
		await lens.waitFor({ state: 'visible', timeout: 60_000 });
		ctx.log(`CodeLens: ${await lens.innerText()}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'npm-start')}`);
	} finally {
		await close();
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}
