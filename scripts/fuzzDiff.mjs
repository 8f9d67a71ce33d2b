#!/usr/bin/env node
// `npm run fuzz:diff -- --seconds N`: bundles the differential fuzzer (test/diff/fuzzDiff.ts) with esbuild and runs
// it with the given arguments (see that file).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'node_modules', '.cache', 'downhill-fuzz-diff');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `fuzzDiff-${process.pid}.cjs`);
await build({
	entryPoints: [join(repoRoot, 'test', 'diff', 'fuzzDiff.ts')],
	bundle: true,
	platform: 'node',
	format: 'cjs',
	external: ['esbuild'],
	outfile,
	logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
process.exit(run.status ?? 1);
