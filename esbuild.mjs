// One build script for every bundle: the extension host (Node, and the browser's web worker host), the engine library,
// the CLI, the standalone debug adapter, and the webview (browser). `--watch` rebuilds on change; `--production`
// minifies without source maps.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
	{ entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
	{ entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js', platform: 'node', format: 'cjs' },
	{ entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
	{ entryPoints: ['src/extension/debug/debugAdapterMain.ts'], outfile: 'dist/debugAdapter.js', platform: 'node', format: 'cjs', external: ['vscode'] },
	// The engine's worker: a worker_threads thread on the desktop, a Web Worker in the browser build.
	{ entryPoints: ['src/worker/nodeWorkerMain.ts'], outfile: 'dist/engineWorker.js', platform: 'node', format: 'cjs' },
	{ entryPoints: ['src/worker/webWorkerMain.ts'], outfile: 'dist/web/engineWorker.js', platform: 'browser', format: 'iife' },
	{ entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
	// The extension for VS Code's web worker extension host (package.json "browser"): no Node built-ins may reach it
	// (esbuild fails on one), except the two @vscode/debugadapter names: `events` (the npm package) and `url` (a file).
	// The engine's worker starts as a Web Worker there (webEngineTransport.ts in place of nodeEngineTransport.ts), and
	// data files' symbolic links are not followed (web/realPath.ts in place of losses/realPath.ts).
	{
		entryPoints: ['src/extension/web/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'],
		alias: { url: './src/extension/web/url.ts' }, define: { 'process.env.NODE_ENV': '"production"' },
		plugins: [
			replaceFile(/[\\/]worker[\\/]nodeEngineTransport$/, 'src/extension/web/webEngineTransport.ts'),
			replaceFile(/(^|[\\/])realPath$/, 'src/extension/web/realPath.ts'),
		],
	},
].filter((b) => existsSync(b.entryPoints[0]));

/** An esbuild plugin that resolves imports matching `filter` to the file `replacement` instead. */
function replaceFile(filter, replacement) {
	return {
		name: `replace ${replacement}`,
		setup(build) {
			build.onResolve({ filter }, () => ({ path: path.resolve(replacement) }));
		},
	};
}

/** Every `.ts` file (not `.d.ts`) under `dir`, recursively. */
const tsFilesUnder = (dir) =>
	existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => `${dir}/${f}`) : [];

// Integration tests run inside the extension host (scripts/runExtensionTests.mjs): `vscode` is the host's module and
// mocha is required from the repository's node_modules at run time.
const integrationTests = tsFilesUnder('test/integration');
if (integrationTests.length > 0) {
	bundles.push({ entryPoints: integrationTests, outdir: 'dist/test/integration', outbase: 'test/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] });
}

const common = {
	bundle: true,
	target: 'es2022',
	sourcemap: production ? false : 'linked',
	minify: production,
	logLevel: 'warning',
	legalComments: production ? 'none' : 'inline',
};

if (watch) {
	for (const b of bundles) await (await esbuild.context({ ...common, ...b })).watch();
	console.log(`watching ${bundles.length} bundles`);
} else {
	await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
}
