#!/usr/bin/env node
// Downhill in a real VS Code whose display language is Korean: code-server (scripts/codeServer.mjs) with `--locale ko`.
// No Korean language pack can be downloaded here, so this builds a stub one (a `ko` localization with no
// translations of VS Code itself: the workbench stays English, but VS Code resolves the display language to `ko`,
// so extensions get package.nls.ko.json and l10n/bundle.l10n.ko.json). Then it
//   1. runs test/integration/l10n.test.ts in that workbench (it expects the Korean texts when the language is `ko`),
//   2. takes screenshots: test-results/vscode-ko-palette.png (the palette) and vscode-ko-panel.png (a session on
//      examples/quadratic.ts after three steps: CodeLens, status bar, panel).
// Exit code 0 when the suite passed and the panel showed Korean. `npm run test:korean`, part of `npm test` (needs the
// build, code-server and Chromium: `npm run build && node scripts/installVscode.mjs` first). A Korean font (Debian: fonts-nanum) makes
// the screenshots readable; without one Hangul shows as boxes.
// Usage: node test/e2e/koreanWorkbench.mjs
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, defaultSettings, freePort, launchChromium, useRunTempDir, workbenchUrl } from '../../scripts/codeServer.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
useRunTempDir('downhill-ko-');
const { openFile, runCommand, webviewFrame } = await import('./workbench.mjs');
const say = (message) => console.log(`[koreanWorkbench] ${message}`);

/** The stub language pack as a .vsix (vsce, a devDependency), in `dir`. */
function stubLanguagePack(dir) {
	const pack = join(dir, 'ko-stub');
	mkdirSync(join(pack, 'translations'), { recursive: true });
	const manifest = {
		name: 'ko-stub', displayName: 'Korean (stub)', description: 'Makes ko a display language offline; translates nothing of VS Code.',
		publisher: 'downhill-test', version: '1.100.0', license: 'MIT', repository: { type: 'git', url: 'https://example.invalid/ko-stub' },
		engines: { vscode: '^1.100.0' }, categories: ['Language Packs'],
		contributes: { localizations: [{ languageId: 'ko', languageName: 'Korean', localizedLanguageName: '한국어', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
	};
	writeFileSync(join(pack, 'package.json'), JSON.stringify(manifest, null, '\t'));
	writeFileSync(join(pack, 'translations', 'main.i18n.json'), '{ "version": "1.0.0", "contents": {} }\n');
	writeFileSync(join(pack, 'README.md'), '# ko stub\n');
	writeFileSync(join(pack, 'LICENSE'), 'MIT\n');
	const vsix = join(dir, 'ko-stub.vsix');
	execFileSync(process.execPath, [join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix], { cwd: pack, stdio: 'ignore' });
	return vsix;
}

/** code-server with the stub pack installed and registered, started with `--locale ko`. */
async function startKoreanCodeServer(root) {
	for (const dir of ['udd/User', 'exts']) mkdirSync(join(root, dir), { recursive: true });
	writeFileSync(join(root, 'config.yaml'), 'auth: none\ncert: false\n');
	writeFileSync(join(root, 'udd', 'User', 'settings.json'), JSON.stringify(defaultSettings, null, '\t'));
	const env = { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config') };
	const common = ['--config', join(root, 'config.yaml'), '--user-data-dir', join(root, 'udd'), '--extensions-dir', join(root, 'exts')];
	execFileSync(process.execPath, [codeServerEntry, ...common, '--install-extension', stubLanguagePack(root)], { env, stdio: 'ignore' });
	// The desktop app records installed language packs in languagepacks.json; the server only reads it.
	const translations = join(root, 'exts', 'downhill-test.ko-stub-1.100.0', 'translations', 'main.i18n.json');
	const packs = { ko: { hash: 'stub', extensions: [{ extensionIdentifier: { id: 'downhill-test.ko-stub' }, version: '1.100.0' }], translations: { vscode: translations }, label: '한국어' } };
	writeFileSync(join(root, 'udd', 'languagepacks.json'), JSON.stringify(packs));
	const port = await freePort();
	const args = [codeServerEntry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--locale', 'ko', '--disable-telemetry',
		'--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', join(repo, 'examples')];
	const child = spawn(process.execPath, args, { env, detached: true, stdio: 'ignore' });
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// gone already
		}
	};
	process.once('exit', stop);
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { port, stop };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	stop();
	throw new Error('code-server did not start');
}

/** Runs the l10n integration suite alone (a copy of the suite's entry point beside the compiled test). */
async function runSuite(browser, port) {
	const suite = join(repo, 'dist', 'test', 'l10n-ko');
	rmSync(suite, { recursive: true, force: true });
	mkdirSync(suite, { recursive: true });
	for (const file of ['index.js', 'l10n.test.js']) cpSync(join(repo, 'dist', 'test', 'integration', file), join(suite, file));
	try {
		const page = await (await browser.newContext()).newPage();
		let exit;
		const exited = new Promise((r) => (exit = r));
		await page.exposeFunction('codeAutomationExit', (code) => exit(code));
		await page.exposeFunction('codeAutomationLog', (_type, args) => {
			const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
			const counts = /^(\d+) passed, (\d+) failed$/m.exec(line);
			if (counts) suiteCounts = { passed: Number(counts[1]), failed: Number(counts[2]) };
			console.log(line);
		});
		await page.goto(workbenchUrl({ port, folder: join(repo, 'examples'), extensionDevelopmentPath: repo, extensionTestsPath: join(suite, 'index.js') }));
		const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 120_000))]);
		await page.context().close();
		return code;
	} finally {
		rmSync(suite, { recursive: true, force: true });
	}
}

async function screenshots(browser, port) {
	const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
	await page.goto(workbenchUrl({ port, folder: join(repo, 'examples'), extensionDevelopmentPath: repo }));
	await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
	await openFile(page, 'quadratic.ts');
	await page.waitForTimeout(1500);
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget .quick-input-box input').fill('>Downhill');
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(repo, 'test-results', 'vscode-ko-palette.png') });
	await page.keyboard.press('Escape');
	await runCommand(page, 'Downhill: 시작');
	const frame = await webviewFrame(page);
	await frame.locator('button.primary').waitFor({ state: 'visible', timeout: 30_000 });
	for (let i = 0; i < 3; i++) await runCommand(page, 'Downhill: 한 단계 진행');
	await page.waitForTimeout(1500);
	await page.screenshot({ path: join(repo, 'test-results', 'vscode-ko-panel.png') });
	const seen = { toggle: await frame.locator('button.primary').textContent(), lang: await frame.locator('html').getAttribute('lang') };
	await page.context().close();
	return seen;
}

/** The l10n suite's own `N passed, N failed`, as its entry point logs it. */
let suiteCounts;

const root = mkdtempSync(join(tmpdir(), 'code-server-'));
mkdirSync(join(repo, 'test-results'), { recursive: true });
const server = await startKoreanCodeServer(root);
const { browser, close } = await launchChromium();
let failed = false;
let panelKorean = false;
try {
	const code = await runSuite(browser, server.port);
	say(`l10n suite in Korean: exit code ${code}`);
	failed ||= code !== 0;
	const seen = await screenshots(browser, server.port);
	say(`panel: toggle "${seen.toggle}", lang "${seen.lang}"; screenshots test-results/vscode-ko-palette.png, vscode-ko-panel.png`);
	panelKorean = seen.toggle === '계속' && seen.lang === 'ko';
	failed ||= !panelKorean;
} catch (error) {
	say(`failed: ${error.stack ?? error}`);
	failed = true;
} finally {
	await close();
	server.stop();
}
// For `npm test` (scripts/summarize.mjs): the suite's tests, plus the panel check as one more; a suite that never
// reported counts as one failure.
const passed = (suiteCounts?.passed ?? 0) + (panelKorean ? 1 : 0);
const failures = (suiteCounts?.failed ?? 1) + (panelKorean ? 0 : 1);
writeFileSync(join(repo, 'test-results', 'korean.count'), `${passed} passed, ${failures} failed\n`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failed ? 1 : 0);
