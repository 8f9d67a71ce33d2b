// A small driver for UI tests against a real VS Code: code-server in headless Debian Chromium, driven with
// playwright-core, with this repository loaded as the development extension. One code-server and one browser serve
// a whole run (scripts/runUiTests.mjs calls closeWorkbench() at the end); each openWorkbench() gets a fresh browser
// context, so tests do not share browser storage. Timing quirks handled here are listed in
// ../shared/vscode-harness.md ("Pitfalls found").
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = join(repoRoot, 'test-results');

/** The run's one code-server and one browser, started on first use (promises, so parallel callers share them). */
const shared = {
	/** @type {ReturnType<typeof startCodeServer> | undefined} */ server: undefined,
	/** @type {ReturnType<typeof launchChromium> | undefined} */ browser: undefined,
};
/** Contexts opened since the last closePages(), so the runner can close what a test left open. */
const openContexts = new Set();

function sharedServer() {
	shared.server ??= startCodeServer({ workspace: join(repoRoot, 'examples'), logFile: join(resultsDir, 'e2e-code-server.log') });
	return shared.server;
}

function sharedBrowser() {
	shared.browser ??= launchChromium();
	return shared.browser;
}

/**
 * Opens the workbench on `folder` with the extension under development loaded, waits until it has rendered, and
 * optionally opens `file` (a path relative to `folder`) with Quick Open.
 * @param {{ folder?: string, file?: string, extensionDevelopmentPath?: string, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench({ folder = 'examples', file, extensionDevelopmentPath = repoRoot, viewport = { width: 1400, height: 900 } } = {}) {
	const server = await sharedServer();
	const { browser } = await sharedBrowser();
	const context = await browser.newContext({ viewport });
	openContexts.add(context);
	const page = await context.newPage();
	// Clicks and reads wait for their element as long as the test may run, not Playwright's fixed 30 s.
	page.setDefaultTimeout(patient(30_000));
	const url = workbenchUrl({ port: server.port, folder: resolve(repoRoot, folder), extensionDevelopmentPath: resolve(repoRoot, extensionDevelopmentPath) });
	await page.goto(url);
	await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: patient(60_000) });
	await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: patient(60_000) });
	if (file) await openFile(page, file);
	return page;
}

/** Closes every page opened since the last call (the runner calls it after each test). */
export async function closePages() {
	await Promise.all([...openContexts].map((context) => context.close().catch(() => {})));
	openContexts.clear();
}

/** Stops the shared browser and code-server. */
export async function closeWorkbench() {
	await closePages();
	const { browser, server } = shared;
	shared.browser = undefined;
	shared.server = undefined;
	await (await browser?.catch(() => undefined))?.close();
	await (await server?.catch(() => undefined))?.stop();
}

/** Retries `attempt` until it returns a truthy value or `timeout` ms have passed; returns that value. */
async function retry(what, timeout, attempt) {
	const deadline = Date.now() + timeout;
	let lastError;
	while (Date.now() < deadline) {
		try {
			const result = await attempt();
			if (result) return result;
		} catch (error) {
			lastError = error;
		}
	}
	throw new Error(`${what}: gave up after ${timeout} ms${lastError ? `: ${lastError.message.split('\n')[0]}` : ''}`);
}

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens a quick input with `key` (F1 for the palette, Control+P for Quick Open), types `text` and waits for the row
 * whose label is exactly `rowText`, then picks it. Reopens on a miss: the list is a snapshot taken when it opens, and
 * the input can lose focus while the workbench is still starting.
 */
async function pickFromQuickInput(page, { key, text, rowText, what, timeout }) {
	const widget = page.locator('.quick-input-widget');
	const input = widget.locator('.quick-input-box input');
	await retry(what, timeout, async () => {
		if (await widget.isVisible()) await page.keyboard.press('Escape');
		await page.keyboard.press(key);
		await input.waitFor({ state: 'visible', timeout: 3000 });
		await input.fill(text, { timeout: 3000 });
		const exactLabel = page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(rowText)}\\s*$`) });
		const row = widget.locator('.monaco-list-row').filter({ has: exactLabel }).first();
		try {
			await row.waitFor({ state: 'visible', timeout: 3000 });
		} catch {
			await page.keyboard.press('Escape');
			return false;
		}
		await row.click({ timeout: 3000 });
		await widget.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
		return true;
	});
}

/**
 * Runs a command from the palette (F1) by its label, e.g. `runCommand(page, 'Downhill: Start')`.
 * @param {import('playwright-core').Page} page
 * @param {string} label the command's full palette label, `Category: Title`
 */
export async function runCommand(page, label, { timeout = 30_000 } = {}) {
	await pickFromQuickInput(page, { key: 'F1', text: `>${label}`, rowText: label, what: `runCommand(${JSON.stringify(label)})`, timeout: patient(timeout) });
}

/**
 * Opens `file` (relative to the workspace folder) with Quick Open (Ctrl+P) and waits for its editor tab.
 * @param {import('playwright-core').Page} page
 */
export async function openFile(page, file, { timeout = 30_000 } = {}) {
	const name = file.split('/').pop();
	await pickFromQuickInput(page, { key: 'Control+P', text: file, rowText: name, what: `openFile(${JSON.stringify(file)})`, timeout: patient(timeout) });
	await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: patient(timeout) });
}

/**
 * The content frame of the visible webview: `iframe.webview.ready` (VS Code's host frame) → `iframe#active-frame`
 * (the extension's HTML). Waits for it to appear.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<import('playwright-core').FrameLocator>}
 */
export async function webviewFrame(page, { timeout = 30_000 } = {}) {
	const host = page.locator('iframe.webview.ready:visible').first();
	await host.waitFor({ state: 'attached', timeout: patient(timeout) });
	const content = host.contentFrame().locator('iframe#active-frame:visible').first();
	await content.waitFor({ state: 'attached', timeout: patient(timeout) });
	return content.contentFrame();
}

/**
 * Saves a screenshot of the page as `test-results/<name>.png` and returns its path.
 * @param {import('playwright-core').Page} page
 */
export async function screenshot(page, name) {
	const path = join(resultsDir, name.endsWith('.png') ? name : `${name}.png`);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, await stillPicture(page));
	return path;
}

/**
 * A picture of the page once it has stopped changing (charts animate, grids arrive): two equal frames in a row. A
 * page that keeps moving (a run in progress) gets its latest frame after 5 s; the picture is not what a test checks.
 */
async function stillPicture(page) {
	let previous = await page.screenshot();
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		await new Promise((done) => setTimeout(done, 150));
		const next = await page.screenshot();
		if (next.equals(previous)) return next;
		previous = next;
	}
	return previous;
}

/** The workbench's window title, e.g. `quadratic.ts - examples [Extension Development Host] - code-server`. */
export async function windowTitle(page) {
	return page.title();
}

/** When the running test's time is up (the runner sets it); waits last until then, however loaded the machine. */
let testDeadline = 0;

/** Sets the running test's deadline (ms since the epoch). */
export function setTestDeadline(at) {
	testDeadline = at;
}

/** How long a wait may last: `timeout` ms, or longer when the running test has more time left. */
function patient(timeout) {
	return Math.max(timeout, testDeadline - Date.now());
}

/**
 * Polls `read` until `accept(value)` holds and returns that value; a read that throws counts as its message. Waits on
 * the state, not on a time: it gives up only when the running test's time is up (or after `timeout` ms, if later),
 * with the last value seen.
 */
export async function until(what, read, accept, timeout = 30_000) {
	const started = Date.now();
	const deadline = started + patient(timeout);
	let last;
	while (Date.now() < deadline) {
		last = await read().catch((error) => `(${error.message.split('\n')[0]})`);
		if (accept(last)) return last;
		await new Promise((done) => setTimeout(done, 20));
	}
	throw new Error(`${what}: still ${JSON.stringify(last)} after ${Date.now() - started} ms`);
}

/** Runs **Downhill: Start** on the open file; the panel's frame and a finder for its buttons by exact name. */
export async function startPanel(page) {
	await runCommand(page, 'Downhill: Start');
	const frame = await webviewFrame(page);
	return { frame, button: (name) => frame.getByRole('button', { name, exact: true }) };
}

/** Types `lr` (as written, e.g. '0.01') into the panel's learning rate and waits until the next update uses it. */
export async function setPanelLearningRate(frame, lr) {
	const rate = frame.getByRole('textbox', { name: 'Learning rate' });
	await rate.fill(lr);
	await rate.press('Enter');
	const shown = new RegExp(`${lr.replace('.', '\\.')} ×`);
	await until(`lr ${lr} in the update rule`, () => frame.locator('.update-rule').innerText(), (t) => shown.test(t));
}

/** The panel's editor group maximized: wide enough for the plot and the side column side by side. */
export async function maximizePanel(page) {
	await page.locator('.tab', { hasText: 'Downhill:' }).click();
	await runCommand(page, 'View: Toggle Maximize Editor Group');
	await page.waitForTimeout(500);
}
