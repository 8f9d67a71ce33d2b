// The browser build (package.json "browser", dist/web/extension.js) in VS Code's web worker extension host, the host
// vscode.dev and github.dev run extensions in. Two parts:
//
// 1. The engine's fallback where generated code is forbidden: the engine bundled for the browser runs in a Chromium
//    web worker served with a content security policy without 'unsafe-eval'. `new Function` must throw an EvalError
//    (what compileLoss's tryCompile catches), and the loss must still compile, interpreted, with the right value and
//    gradient; the same worker without that policy runs generated code (so the policy is what makes the difference).
// 2. The extension itself: a copy of the working tree whose package.json has no "main", so only the browser entry can
//    run, packaged with `npm run package` (under 2 MB, packaging.mjs), installed with code-server's --install-extension and loaded from there.
//    code-server then runs it in the browser's web worker extension host (its Node host needs "main"). Open
//    quadratic.ts, wait for the CodeLens `L(start) = 17` and the hover over `loss` (L 17, ∇L 8; both computed in the
//    engine's Web Worker), "Downhill: Start", click Step, read step 1 and loss 11.24; then "Developer: Show Running
//    Extensions" must list Downhill as "web worker" (the workbench's own label for that host; an extension in the
//    Node host is labelled with the remote's address instead). Then the inline debug adapter in a fresh window: F5
//    with no launch.json, F10 twice, x = 3.56 in Variables, Shift+F5. Screenshots in test-results/: web-hover.png,
//    web-extension.png (the panel), web-running-extensions.png, web-debugger.png.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';
import { copyTree, packageTree } from './packaging.mjs';
import { until } from './workbench.mjs';

/** What the worker of part 1 runs: the engine as bundled for the browser, on the study note's loss. */
function workerSource(repoRoot) {
	return `
import { compileLoss } from ${JSON.stringify(join(repoRoot, 'src', 'engine', 'compileLoss.ts'))};
let thrown = 'nothing';
try {
	new Function('return 1');
} catch (error) {
	thrown = error?.constructor?.name + ': ' + error?.message;
}
const loss = compileLoss('function loss(x = 5) {\\n\\treturn (x - 1) ** 2 + 1;\\n}\\n', { language: 'typescript' });
const gradient = new Float64Array(1);
const value = loss.valueAndGradient([5], gradient);
postMessage({ thrown, evalError: thrown.startsWith('EvalError'), compiled: loss.compiled, value, gradient: gradient[0] });
`;
}

/** Part 1: the engine in a web worker with and without a policy that forbids generated code. */
async function checkInterpreterFallback(ctx, browser, work) {
	const esbuild = await import('esbuild');
	const entry = join(work, 'engineWorker.ts');
	writeFileSync(entry, workerSource(ctx.repoRoot));
	const built = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning' });
	const workerJs = built.outputFiles[0].text;
	const noEval = "default-src 'none'; script-src 'self'; worker-src 'self'";
	const server = createServer((request, response) => {
		const url = new URL(request.url, 'http://localhost');
		const csp = url.searchParams.get('csp') === '1' ? { 'content-security-policy': noEval } : {};
		if (url.pathname === '/worker.js') {
			response.writeHead(200, { 'content-type': 'text/javascript', ...csp }).end(workerJs);
		} else if (url.pathname === '/page.js') {
			const script = `new Worker('/worker.js${url.search}').onmessage = (event) => { self.workerResult = event.data; };`;
			response.writeHead(200, { 'content-type': 'text/javascript', ...csp }).end(script);
		} else if (url.pathname === '/') {
			response.writeHead(200, { 'content-type': 'text/html', ...csp }).end(`<!doctype html><script src="/page.js${url.search}"></script>`);
		} else {
			response.writeHead(404).end();
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const context = await browser.newContext();
	try {
		const results = {};
		for (const csp of ['1', '0']) {
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${server.address().port}/?csp=${csp}`);
			await page.waitForFunction(() => self.workerResult !== undefined, undefined, { timeout: 30_000 });
			results[csp] = await page.evaluate(() => self.workerResult);
			ctx.log(`engine in a web worker, ${csp === '1' ? "CSP without 'unsafe-eval'" : 'no CSP'}: ${JSON.stringify(results[csp])}`);
		}
		const forbidden = results['1'];
		assert.ok(forbidden.evalError, `new Function under the CSP threw ${forbidden.thrown}, not an EvalError (tryCompile catches only EvalError)`);
		assert.equal(forbidden.compiled, false, 'the loss was not interpreted under the CSP');
		assert.deepEqual([forbidden.value, forbidden.gradient], [17, 8], 'the interpreted loss at x = 5');
		const allowed = results['0'];
		assert.equal(allowed.thrown, 'nothing', `new Function threw ${allowed.thrown} without a CSP`);
		assert.equal(allowed.compiled, true, 'the loss was not compiled without a CSP');
		assert.deepEqual([allowed.value, allowed.gradient], [17, 8], 'the compiled loss at x = 5');
	} finally {
		await context.close();
		await new Promise((resolve) => server.close(resolve));
	}
}

/** A copy of the working tree without "main", packaged; returns the .vsix path. */
async function packBrowserOnly(ctx, work) {
	const tree = copyTree(ctx.repoRoot, work);
	const manifestPath = join(tree, 'package.json');
	const text = readFileSync(manifestPath, 'utf8');
	const manifest = JSON.parse(text);
	assert.equal(manifest.browser, './dist/web/extension.js', 'package.json has no "browser" entry');
	delete manifest.main;
	writeFileSync(manifestPath, `${JSON.stringify(manifest, null, '\t')}\n`);
	const vsix = join(work, 'downhill-web.vsix');
	const seconds = await packageTree(tree, vsix);
	ctx.log(`npm run package (no "main"): ${seconds.toFixed(1)} s, ${readFileSync(vsix).length} bytes`);
	return { vsix, manifest };
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const work = mkdtempSync(join(tmpdir(), 'downhill-web-'));
	const chromium = await launchChromium();
	let server;
	let page;
	try {
		await checkInterpreterFallback(ctx, chromium.browser, work);

		const { vsix, manifest } = await packBrowserOnly(ctx, work);
		const extensionsDir = join(work, 'extensions');
		await installExtension({ vsix, extensionsDir });
		const id = `${manifest.publisher}.${manifest.name}`;
		const folder = readdirSync(extensionsDir).find((name) => name.startsWith(`${id}-`));
		assert.ok(folder, `no ${id}-* folder in ${extensionsDir} after the install`);
		const installed = JSON.parse(readFileSync(join(extensionsDir, folder, 'package.json'), 'utf8'));
		assert.equal(installed.main, undefined, 'the installed extension still has "main"');
		const bundlePath = join(extensionsDir, folder, 'dist', 'web', 'extension.js');
		assert.ok(existsSync(bundlePath), 'dist/web/extension.js is not in the package');
		// A web worker has no `require` but the host's `vscode`: everything else must be inside the bundle.
		const required = new Set([...readFileSync(bundlePath, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
		assert.deepEqual([...required], ['vscode'], `dist/web/extension.js requires ${[...required].join(', ')} at run time`);

		const workspace = join(work, 'workspace');
		mkdirSync(workspace);
		copyFileSync(join(ctx.repoRoot, 'examples', 'quadratic.ts'), join(workspace, 'quadratic.ts'));
		server = await startCodeServer({ workspace, extensionsDir, logFile: join(ctx.resultsDir, 'web-code-server.log') });
		const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await context.newPage();
		const workerErrors = [];
		page.on('console', (message) => {
			if (message.type() === 'error' && /downhill/i.test(message.text())) workerErrors.push(message.text());
		});
		await page.goto(workbenchUrl({ port: server.port, folder: workspace }));
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
		await ctx.openFile(page, 'quadratic.ts');
		// The CodeLens value comes from the engine's Web Worker, started by the web worker extension host.
		const lenses = page.locator('.monaco-editor .codelens-decoration').first();
		const lensText = await until('L(start) = 17 in the CodeLens', () => lenses.innerText(), (text) => /L\(start\) = 17/.test(text), 60_000);
		ctx.log(`CodeLens from the engine's Web Worker: ${lensText.replace(/\s+/g, ' ')}`);
		// The hover's value and gradients, also from the Web Worker: on `loss` (line 2, column 17), at x = 5.
		await page.locator('.monaco-editor .view-lines').first().click();
		await page.keyboard.press('Control+G');
		await page.keyboard.type('2:18');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+K');
		await page.keyboard.press('Control+I');
		const hover = page.locator('.monaco-hover', { hasText: 'at the start point' }).first();
		const hoverText = await until('the hover at the start point', () => hover.innerText(), (text) => /∇L\s*\(8\)/.test(text), 60_000);
		ctx.log(`hover from the engine's Web Worker: ${hoverText.replace(/\s+/g, ' ')}`);
		assert.match(hoverText, /\bL\s*17\b/, 'the hover shows L = 17 at x = 5');
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'web-hover')}`);
		await page.keyboard.press('Escape');
		await ctx.runCommand(page, 'Downhill: Start', { timeout: 60_000 });
		const frame = await ctx.webviewFrame(page);
		const stat = (label) =>
			frame.locator('dl.stats > div').filter({ has: frame.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
		await until('the panel at step 0', () => stat('Step').innerText(), (text) => text === '0');
		await frame.getByRole('button', { name: 'Step', exact: true }).click();
		await until('the panel at step 1', () => stat('Step').innerText(), (text) => text === '1');
		const loss = Number((await stat('Loss').innerText()).replace('−', '-'));
		ctx.log(`the browser build, after one step: loss ${loss}`);
		assert.ok(Math.abs(loss - 11.24) < 1e-9, `loss ${loss} after one step, expected 11.24`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'web-extension')}`);

		// Which extension host runs it, as the workbench itself reports it.
		await ctx.runCommand(page, 'Developer: Show Running Extensions');
		const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: manifest.displayName });
		const rowText = await until('Downhill in Running Extensions', () => row.first().innerText(), (text) => /web worker/.test(text), 30_000);
		ctx.log(`Running Extensions: ${rowText.replace(/\s+/g, ' ')}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'web-running-extensions')}`);
		assert.deepEqual(workerErrors, [], 'errors in the browser console');
		await context.close();

		// The inline debug adapter in the same host, in a fresh window: F5 without launch.json, F10 twice, x = 3.56.
		const debugContext = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await debugContext.newPage();
		await page.goto(workbenchUrl({ port: server.port, folder: workspace }));
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
		await ctx.openFile(page, 'quadratic.ts');
		await page.locator('.monaco-editor .view-lines').first().click();
		await page.keyboard.press('F5');
		const suggested = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Downhill (gradient descent)' }).first();
		await suggested.waitFor({ state: 'visible', timeout: 30_000 });
		await suggested.click();
		await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
		const variables = page.locator('.debug-variables');
		await until('the Parameters scope', () => variables.innerText(), (t) => /Parameters/.test(t), 30_000);
		for (const step of [1, 2]) {
			await page.keyboard.press('F10');
			await until(`step ${step} in the call stack`, () => page.locator('.debug-call-stack').innerText(), (t) => new RegExp(`step ${step}\\b`).test(t));
		}
		const shown = await until('x = 3.56 in Variables', () => variables.innerText(), (t) => /x\s*[:=]?\s*3\.56/.test(t));
		ctx.log(`debugger in the web worker host, Variables: ${shown.replace(/\s+/g, ' ').slice(0, 120)}`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'web-debugger')}`);
		await page.keyboard.press('Shift+F5');
		await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
	} catch (error) {
		if (page) await ctx.screenshot(page, 'web-failure').catch(() => undefined);
		throw error;
	} finally {
		await chromium.close();
		await server?.stop();
	}
}
