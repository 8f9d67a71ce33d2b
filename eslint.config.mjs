// Lint, and the layer rule of DESIGN.md enforced per folder: webview -> shared <- extension -> engine -> shared,
// worker -> engine, cli -> engine; the extension and the CLI through the engine's entry, src/engine/index.ts.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'util', 'crypto'];
const restrict = (patterns, message, ...more) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...more] }],
});
// The extension (debug adapter included), the worker and the CLI reach the engine only through its public entry.
const engineEntry = {
	group: ['**/engine/**', '!**/engine/index'],
	message: 'src/extension, src/worker and src/cli import the engine only through src/engine/index.ts, its public entry (DESIGN.md).',
};

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'media/**', '**/fixtures/**'] },
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
			'no-eval': 'error',
			'no-implied-eval': 'error',
		},
	},
	{
		files: ['src/engine/**/*.ts'],
		rules: restrict(['vscode', '@vscode/*', ...nodeBuiltins, '**/extension/**', '**/cli/**', '**/webview/**', '**/worker/**'],
			'src/engine imports only itself and src/shared: no vscode, no Node APIs, no other layer (DESIGN.md).'),
	},
	{
		files: ['src/shared/**/*.ts'],
		rules: restrict(['vscode', '@vscode/*', ...nodeBuiltins, '**/engine/**', '**/extension/**', '**/cli/**', '**/webview/**'],
			'src/shared is runtime-neutral and imports nothing outside itself (DESIGN.md).'),
	},
	{
		files: ['src/webview/**/*.ts'],
		rules: restrict(['vscode', '@vscode/*', ...nodeBuiltins, '**/engine/**', '**/extension/**', '**/cli/**'],
			'src/webview may import only src/shared and browser libraries (DESIGN.md).'),
	},
	{
		files: ['src/worker/**/*.ts'],
		rules: restrict(['vscode', '@vscode/*', '**/extension/**', '**/webview/**', '**/cli/**'],
			'src/worker serves the engine to the host: it imports the engine and src/shared, never vscode or another layer (DESIGN.md).', engineEntry),
	},
	{
		files: ['src/cli/**/*.ts'],
		rules: restrict(['vscode', '@vscode/*', '**/extension/**', '**/webview/**'], 'src/cli imports only the engine (DESIGN.md).', engineEntry),
	},
	{
		files: ['src/extension/**/*.ts'],
		rules: restrict(['**/webview/**', '**/cli/**'], 'src/extension talks to the webview through src/shared only (DESIGN.md).', engineEntry),
	},
	{
		files: ['src/extension/debug/**/*.ts'],
		ignores: ['src/extension/debug/activateDebug.ts', 'src/extension/debug/debugConfigurations.ts', 'src/extension/debug/debugInlineValues.ts'],
		rules: restrict(['vscode', '**/webview/**', '**/cli/**'], 'The debug adapter must not import vscode, so it runs standalone (DESIGN.md).', engineEntry),
	},
	{
		// The UI tests' second extension is plain CommonJS: VS Code 1.100 loads an extension's main with require().
		files: ['test/e2e/probeExtension/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
