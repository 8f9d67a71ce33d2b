#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, transparent corners) with headless Debian Chromium through
// playwright-core, the same browser the UI tests use. Run it after editing the SVG and commit both files.
//
//   node scripts/renderIcon.mjs [--size 128] [--out media/icon.png]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, useRunTempDir } from './codeServer.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
useRunTempDir('downhill-icon-');
const { values: options } = parseArgs({
	options: {
		size: { type: 'string', default: '128' },
		svg: { type: 'string', default: 'media/icon.svg' },
		out: { type: 'string', default: 'media/icon.png' },
	},
});
const size = Number(options.size);
const svg = readFileSync(join(repoRoot, options.svg), 'utf8');
const out = resolve(repoRoot, options.out);

const { browser, close } = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
	const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
		<img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`);
	await page.locator('img').evaluate((img) => img.decode());
	await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
	console.log(`wrote ${out} (${size}×${size})`);
} finally {
	await close();
}
