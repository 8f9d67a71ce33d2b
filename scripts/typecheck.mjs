// Type-checks each layer with its own tsconfig, so a layer sees only the types it may use: the engine and
// src/shared see no Node and no DOM types, the webview no Node types, only the extension sees `vscode`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const projects = ['src/engine', 'src/shared', 'src/worker', 'src/cli', 'src/extension', 'src/webview', 'test'].filter(
	(dir) => existsSync(`${dir}/tsconfig.json`) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts')),
);
let failed = 0;
for (const project of projects) {
	try {
		execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
	} catch {
		failed++;
	}
}
if (failed > 0) {
	console.error(`typecheck: ${failed} of ${projects.length} projects failed`);
	process.exit(1);
}
console.log(`typecheck: ${projects.length} projects ok`);
