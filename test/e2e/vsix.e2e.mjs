// The packaged extension, as a user gets it: `npm run package` (vsce, after the `vscode:prepublish` production build)
// in a copy of the working tree, so the repository's own dist/ (the development build the other tests load) is left
// alone. Then the .vsix itself: under 2 MB, only the files .vscodeignore allows (no sources, tests, source maps or
// node_modules), minified bundles that carry their runtime dependencies, every file package.json and the walkthrough
// point at. Last, installed with code-server's --install-extension into an empty extensions folder and run from there
// (not as a development extension): open quadratic.ts, "Downhill: Start" from the palette, click Step in the panel,
// read step 1 and loss 11.24 (SGD with lr 0.1 on (x − 1)² + 1 from x = 5: x = 4.2). Screenshot:
// test-results/vsix-installed.png.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { installExtension, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/codeServer.mjs';
import { until } from './workbench.mjs';
import { copyTree, maxVsixBytes, packageTree } from './packaging.mjs';

/** What may be in the package, relative to its `extension/` folder (vsce renames README, LICENSE and CHANGELOG). */
const allowed = [
	/^package\.json$/,
	/^package\.nls(\.[\w-]+)?\.json$/,
	/^readme\.md$/,
	/^LICENSE\.txt$/,
	/^changelog\.md$/,
	/^media\/.+$/,
	/^dist\/(extension|webview|debugAdapter|engineWorker|web\/extension|web\/engineWorker)\.js$/,
	/^l10n\/[^/]+\.json$/,
	/^examples\/(data\/)?[^/]+$/,
];
const required = [
	'package.json', 'package.nls.json', 'readme.md', 'LICENSE.txt', 'changelog.md', 'media/icon.png', 'media/panel.css',
	'dist/extension.js', 'dist/webview.js', 'dist/debugAdapter.js', 'dist/engineWorker.js', 'dist/web/engineWorker.js', 'examples/study-note.md', 'examples/quadratic.ts',
];
/** Runtime dependencies esbuild must have bundled: a `require` of one would fail in a package without node_modules. */
const bundledDependencies = ['@babel/parser', '@lezer/python', '@lezer/common', '@vscode/debugadapter', '@vscode/debugprotocol', 'chart.js', 'd3-contour'];

/**
 * The entries of a zip file from its central directory: name, sizes, and a `read()` that inflates the data.
 * (No `unzip` needed on the machine; a .vsix is a plain zip with stored or deflated entries.)
 */
function zipEntries(zip) {
	let end = -1;
	for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
		if (zip.readUInt32LE(i) === 0x06054b50) {
			end = i;
			break;
		}
	}
	assert.ok(end >= 0, 'no end-of-central-directory record: not a zip file');
	const count = zip.readUInt16LE(end + 10);
	let at = zip.readUInt32LE(end + 16);
	const entries = [];
	for (let n = 0; n < count; n++) {
		assert.equal(zip.readUInt32LE(at), 0x02014b50, `central directory entry ${n} is malformed`);
		const method = zip.readUInt16LE(at + 10);
		const compressedSize = zip.readUInt32LE(at + 20);
		const size = zip.readUInt32LE(at + 24);
		const nameLength = zip.readUInt16LE(at + 28);
		const extraLength = zip.readUInt16LE(at + 30);
		const commentLength = zip.readUInt16LE(at + 32);
		const localHeader = zip.readUInt32LE(at + 42);
		const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
		const read = () => {
			const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
			const data = zip.subarray(start, start + compressedSize);
			return method === 0 ? Buffer.from(data) : inflateRawSync(data);
		};
		entries.push({ name, size, compressedSize, read });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** `npm run package` in a copy of the working tree; returns the .vsix path. */
async function pack(ctx, work) {
	const tree = copyTree(ctx.repoRoot, work);
	// What a developer's tree holds besides sources: none of it may reach the package.
	for (const [folder, file] of [['dist', 'extension.js.map'], ['out', 'stale.js'], ['test-results', 'shot.png'], ['.vscode-test', 'marker.txt']]) {
		mkdirSync(join(tree, folder), { recursive: true });
		writeFileSync(join(tree, folder, file), 'not for the package\n');
	}
	const vsix = join(work, 'downhill.vsix');
	ctx.log(`npm run package: ${(await packageTree(tree, vsix)).toFixed(1)} s`);
	return { vsix, tree };
}

function checkContents(ctx, vsix) {
	const zip = readFileSync(vsix);
	const entries = zipEntries(zip);
	ctx.log(`${vsix}: ${zip.length} bytes (${(zip.length / 1024).toFixed(0)} KiB), ${entries.length} entries`);
	for (const entry of entries) ctx.log(`  ${String(entry.size).padStart(8)}  ${entry.name}`);
	assert.ok(zip.length < maxVsixBytes, `the .vsix is ${zip.length} bytes, more than 2 MB`);

	const files = new Map();
	for (const entry of entries) {
		if (entry.name === 'extension.vsixmanifest' || entry.name === '[Content_Types].xml') continue;
		assert.ok(entry.name.startsWith('extension/'), `unexpected entry ${entry.name}`);
		files.set(entry.name.slice('extension/'.length), entry);
	}
	const names = [...files.keys()];
	for (const name of names) {
		assert.ok(allowed.some((pattern) => pattern.test(name)), `${name} is not on the package's allow-list`);
		assert.ok(!/\.map$/.test(name), `source map ${name} in the package`);
		assert.ok(!/(^|\/)(node_modules|src|test|tests|test-results|out|\.vscode-test)\//.test(name), `${name}: sources, tests or installs in the package`);
		if (!name.startsWith('examples/')) assert.ok(!/\.(ts|mts|cts)$/.test(name), `TypeScript source ${name} in the package`);
	}
	for (const name of required) assert.ok(files.has(name), `${name} is missing from the package`);

	// The manifest's references resolve inside the package.
	const manifest = JSON.parse(files.get('package.json').read().toString('utf8'));
	assert.ok(files.has(manifest.main.replace(/^\.\//, '')), `main ${manifest.main} is not in the package`);
	if (manifest.browser) assert.ok(files.has(manifest.browser.replace(/^\.\//, '')), `browser ${manifest.browser} is not in the package`);
	assert.ok(files.has(manifest.icon), `icon ${manifest.icon} is not in the package`);
	const png = files.get(manifest.icon).read();
	assert.equal(png.toString('latin1', 1, 4), 'PNG');
	assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128×128');
	for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
		for (const step of walkthrough.steps) {
			for (const media of [step.media.markdown, step.media.image, step.media.svg].filter((m) => typeof m === 'string')) {
				assert.ok(files.has(media), `walkthrough step ${step.id}: ${media} is not in the package`);
				if (!media.endsWith('.md')) continue;
				const folder = media.slice(0, media.lastIndexOf('/') + 1);
				for (const [, image] of files.get(media).read().toString('utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
					const path = `${folder}${image}`;
					assert.ok(files.has(path), `${media} shows ${image}, which is not in the package`);
					assert.ok(files.get(path).size <= 200 * 1024, `${path} is over 200 KB`);
				}
			}
		}
	}

	// Production bundles: minified, no source map references, runtime dependencies inside.
	for (const bundle of ['dist/extension.js', 'dist/webview.js', 'dist/debugAdapter.js']) {
		const text = files.get(bundle).read().toString('utf8');
		assert.ok(!text.includes('sourceMappingURL'), `${bundle} refers to a source map`);
		const lines = text.split('\n').length;
		assert.ok(text.length / lines > 500, `${bundle} does not look minified (${lines} lines for ${text.length} characters)`);
		for (const dependency of bundledDependencies) {
			assert.ok(!text.includes(`require("${dependency}`), `${bundle} requires ${dependency} at run time instead of bundling it`);
		}
	}
	return manifest;
}

/** @param {import('./workbench.mjs') & { log: (message: string) => void }} ctx */
export async function run(ctx) {
	const work = mkdtempSync(join(tmpdir(), 'downhill-vsix-'));
	const { vsix } = await pack(ctx, work);
	const manifest = checkContents(ctx, vsix);

	const extensionsDir = join(work, 'extensions');
	const installed = await installExtension({ vsix, extensionsDir });
	ctx.log(`--install-extension: ${installed.trim().split('\n').pop()}`);
	const id = `${manifest.publisher}.${manifest.name}`;
	const folder = readdirSync(extensionsDir).find((name) => name.startsWith(`${id}-`));
	assert.ok(folder, `no ${id}-* folder in ${extensionsDir} after the install: ${readdirSync(extensionsDir).join(', ')}`);
	assert.equal(JSON.parse(readFileSync(join(extensionsDir, folder, 'package.json'), 'utf8')).version, manifest.version);
	assert.ok(!existsSync(join(extensionsDir, folder, 'src')), 'the installed extension has no sources');

	// A workspace of its own: the installed extension never touches the repository's examples.
	const workspace = join(work, 'workspace');
	mkdirSync(workspace);
	copyFileSync(join(ctx.repoRoot, 'examples', 'quadratic.ts'), join(workspace, 'quadratic.ts'));
	const server = await startCodeServer({ workspace, extensionsDir, logFile: join(ctx.resultsDir, 'vsix-code-server.log') });
	const chromium = await launchChromium().catch(async (error) => {
		await server.stop();
		throw error;
	});
	let page;
	try {
		const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await context.newPage();
		await page.goto(workbenchUrl({ port: server.port, folder: workspace }));
		await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
		const title = await page.title();
		assert.ok(!title.includes('Extension Development Host'), `the window runs a development extension: ${title}`);
		await ctx.openFile(page, 'quadratic.ts');
		await ctx.runCommand(page, 'Downhill: Start');
		const frame = await ctx.webviewFrame(page);
		const stat = (label) =>
			frame.locator('dl.stats > div').filter({ has: frame.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
		await until('the panel at step 0', () => stat('Step').innerText(), (text) => text === '0');
		await frame.getByRole('button', { name: 'Step', exact: true }).click();
		await until('the panel at step 1', () => stat('Step').innerText(), (text) => text === '1');
		const loss = Number((await stat('Loss').innerText()).replace('−', '-'));
		ctx.log(`the installed extension, after one step: loss ${loss}`);
		assert.ok(Math.abs(loss - 11.24) < 1e-9, `loss ${loss} after one step, expected 11.24`);
		ctx.log(`screenshot: ${await ctx.screenshot(page, 'vsix-installed')}`);
		const log = readFileSync(server.logFile, 'utf8');
		assert.ok(!/Loading development extension/.test(log), 'code-server loaded a development extension');
	} catch (error) {
		if (page) await ctx.screenshot(page, 'vsix-failure').catch(() => undefined);
		throw error;
	} finally {
		await chromium.close();
		await server.stop();
	}
}
