// `npm run bench`: bundles the benchmark with esbuild and runs it in one Node process, so every ratio compares
// things measured side by side on the same (shared, noisy) machine. Medians of repeated samples, never single runs.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

// engineBench: the engine in-process; workerBench: the engine's worker (dist/engineWorker.js, from `npm run build`)
// and Markdown scanning at two sizes.
for (const name of ['engineBench', 'workerBench']) {
	await esbuild.build({
		entryPoints: [`bench/${name}.ts`],
		outfile: `out/bench/${name}.js`,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'es2022',
		logLevel: 'warning',
		// The panel's update messages word stop reasons through vscode.l10n; outside VS Code, in English.
		alias: { vscode: './bench/vscodeL10n.ts' },
	});
	execFileSync(process.execPath, [`out/bench/${name}.js`, ...process.argv.slice(2)], { stdio: 'inherit' });
}
