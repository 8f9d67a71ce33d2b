// `npm run bench`: bundles the benchmark with esbuild and runs it in one Node process, so every ratio compares
// things measured side by side on the same (shared, noisy) machine. Medians of repeated samples, never single runs.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

await esbuild.build({
	entryPoints: ['bench/engineBench.ts'],
	outfile: 'out/bench/engineBench.js',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'es2022',
	logLevel: 'warning',
});
execFileSync(process.execPath, ['out/bench/engineBench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
