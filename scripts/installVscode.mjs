#!/usr/bin/env node
// Installs a real VS Code for the end-to-end tests on a machine that reaches only the npm registry and Debian's
// packages: code-server 4.100.3 (VS Code 1.100.3) from npm into `.vscode-test/code-server`, following
// ../shared/vscode-harness.md. code-server's own postinstall downloads ripgrep and native prebuilds from GitHub,
// which fails offline, so this script does what that postinstall does minus the downloads: Debian's ripgrep is
// linked in, and every native addon is built from source against the local Node headers.
//
// Idempotent: a marker file records a completed install, and a rerun with the same code-server and Node ABI
// returns at once. `--force` reruns every step. Needs the Debian packages ripgrep and libkrb5-dev (and a C++ toolchain).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const markerFile = join(installDir, '.install-complete.json');
const systemRipgrep = '/usr/bin/rg';

/** What a completed install was built for; a different Node ABI means the native addons must be rebuilt. */
const wanted = { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, platform: process.platform, arch: process.arch };

class InstallError extends Error {}

function log(message) {
	console.log(`[installVscode] ${message}`);
}

/**
 * The environment for child npm processes. Variables that a parent `npm run` sets for its own project (prefix,
 * package fields, lifecycle) are dropped so the child works on the folder it is started in. Native addons are built
 * from source (`build_from_source`), so no prebuilt binary is fetched; `yes` lets node-pty's `npx node-gyp` run
 * without a TTY.
 */
function npmEnv() {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$)/.test(key)) delete env[key];
		if (/^npm_config_(local_prefix|global_prefix|prefix|call|user_agent|node_gyp|npm_version|argv)$/.test(key)) delete env[key];
	}
	delete env.INIT_CWD;
	// node-gyp downloads Node's headers unless it is told where they are; Debian/NodeSource Node ships them.
	const nodePrefix = dirname(dirname(process.execPath));
	if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodePrefix;
	return {
		...env,
		npm_config_yes: 'true',
		npm_config_build_from_source: 'true',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		npm_config_progress: 'false',
	};
}

function run(title, command, args, cwd) {
	log(`${title}: (cd ${cwd} && ${command} ${args.join(' ')})`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: npmEnv() });
	if (result.error) throw new InstallError(`${title}: could not start ${command}: ${result.error.message}`);
	if (result.status !== 0) throw new InstallError(`${title}: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
	log(`${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Creates (or replaces) a symlink at `path` pointing to `target`, like code-server's postinstall `symlink()`. */
function symlink(target, path) {
	if (isSymlinkTo(path, target)) return;
	rmSync(path, { recursive: true, force: true });
	mkdirSync(dirname(path), { recursive: true });
	symlinkSync(target, path);
	log(`symlink ${path} -> ${target}`);
}

function isSymlinkTo(path, target) {
	try {
		return lstatSync(path).isSymbolicLink() && readlinkSync(path) === target;
	} catch {
		return false;
	}
}

function checkPrerequisites() {
	const problems = [];
	const major = Number(process.versions.node.split('.')[0]);
	if (major !== 20) problems.push(`code-server ${CODE_SERVER_VERSION} needs Node 20 (engines.node: 20); this is Node ${process.versions.node}.`);
	if (!existsSync(systemRipgrep)) problems.push(`${systemRipgrep} is missing: apt-get install -y ripgrep (the npm @vscode/ripgrep download cannot work offline).`);
	if (!existsSync('/usr/include/gssapi/gssapi.h')) problems.push('gssapi/gssapi.h is missing (kerberos addon): apt-get install -y libkrb5-dev.');
	if (!existsSync(join(dirname(dirname(process.execPath)), 'include', 'node', 'node.h')) && !process.env.npm_config_nodedir) {
		problems.push(`Node's headers are not beside ${process.execPath} (include/node/node.h); node-gyp would download them. Set npm_config_nodedir.`);
	}
	for (const tool of ['make', 'g++', 'python3']) {
		if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) problems.push(`${tool} is missing (native addons are built from source).`);
	}
	if (problems.length > 0) throw new InstallError(`prerequisites missing:\n  - ${problems.join('\n  - ')}`);
}

function alreadyInstalled() {
	if (!existsSync(markerFile) || !existsSync(codeServerEntry)) return false;
	try {
		const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
		return Object.entries(wanted).every(([key, value]) => marker[key] === value);
	} catch {
		return false;
	}
}

function install() {
	checkPrerequisites();
	rmSync(markerFile, { force: true });
	mkdirSync(installDir, { recursive: true });
	// A package.json of its own, so npm installs here instead of walking up to the repository's package.json.
	const hostPackage = join(installDir, 'package.json');
	if (!existsSync(hostPackage)) {
		writeFileSync(hostPackage, JSON.stringify({ name: 'downhill-vscode-test', private: true, description: 'code-server for the e2e tests; see scripts/installVscode.mjs' }, null, '\t') + '\n');
	}

	// 1/6 code-server itself, without its postinstall (it would download, and as root it wants --unsafe-perm).
	run('1/6 code-server', 'npm', ['install', '--ignore-scripts', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], installDir);
	const codeServerDir = join(installDir, 'node_modules', 'code-server');
	const vscodeDir = join(codeServerDir, 'lib', 'vscode');

	// 2/6 VS Code's own dependencies, scripts off; then Debian's ripgrep where @vscode/ripgrep's postinstall looks, so
	// it sees bin/ and skips its GitHub download.
	run('2/6 lib/vscode dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
	symlink(systemRipgrep, join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));

	// 3/6 The native addons (node-pty's postinstall runs `npx node-gyp`), then what code-server's postinstall.sh does
	// next: node_modules.asar and the bin/ scripts.
	run('3/6 lib/vscode native addons', 'npm', ['rebuild'], vscodeDir);
	symlink('node_modules', join(vscodeDir, 'node_modules.asar'));
	symlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
	symlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

	// 4/6 The built-in extensions' shared dependencies (TypeScript for the TS/JS language features).
	run('4/6 built-in extensions', 'npm', ['install', '--omit=dev'], join(vscodeDir, 'extensions'));

	// 5/6 argon2 (password hashing, loaded at start even with --auth none): its prebuilt download fails offline.
	run('5/6 argon2', 'npm', ['rebuild', 'argon2'], installDir);

	// 6/6 Smoke test: every native addon loads in this Node, and the server answers --version (XDG folders redirected:
	// it writes a config and logs there).
	const addons = { [vscodeDir]: ['node-pty', '@vscode/spdlog', '@parcel/watcher', 'kerberos', 'native-watchdog'], [installDir]: ['argon2'] };
	for (const [dir, modules] of Object.entries(addons)) {
		const load = spawnSync(process.execPath, ['-e', `for (const m of ${JSON.stringify(modules)}) require(m)`], { cwd: dir, encoding: 'utf8' });
		if (load.status !== 0) throw new InstallError(`6/6 smoke test: a native addon of ${modules.join(', ')} does not load:\n${load.stderr}`);
	}
	const scratch = mkdtempSync(join(tmpdir(), 'downhill-cs-smoke-'));
	const xdg = { XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
	const version = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', env: { ...process.env, ...xdg } });
	rmSync(scratch, { recursive: true, force: true });
	const versionLine = (version.stdout ?? '').split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
	if (version.status !== 0 || !versionLine) {
		throw new InstallError(`6/6 smoke test: code-server --version failed:\n${version.stdout}${version.stderr}`);
	}
	log(`6/6 smoke test: native addons load; code-server --version -> ${versionLine}`);

	writeFileSync(markerFile, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, '\t') + '\n');
}

function main() {
	const force = process.argv.includes('--force');
	if (!force && alreadyInstalled()) {
		log(`code-server ${CODE_SERVER_VERSION} already installed in ${installDir} (marker ${markerFile}; --force reruns every step)`);
		return;
	}
	const started = Date.now();
	log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir}`);
	try {
		install();
	} catch (error) {
		const message = error instanceof InstallError ? error.message : error?.stack ?? String(error);
		console.error(`[installVscode] FAILED: ${message}`);
		console.error('[installVscode] See ../shared/vscode-harness.md for the recipe; rerun after fixing (completed steps are fast).');
		process.exit(1);
	}
	log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
