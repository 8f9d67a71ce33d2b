// Localization in a real VS Code: the manifest's %keys% come out in the display language, `vscode.l10n.t` reads the
// bundle of that language (none for English), and the extension's own messages (a stop reason, the panel's table)
// follow it. Written for either language: the suite normally runs in English; with a Korean display language (a
// language pack for `ko` installed and `--locale ko`) the same assertions expect the Korean texts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { panelLocale, panelStrings } from '../../src/extension/panel/panelStrings';
import { englishStrings } from '../../src/shared/panelStrings';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, exampleUri, extensionId, waitFor } from './helpers';

const korean = vscode.env.language.toLowerCase().split('-')[0] === 'ko';

/** A manifest string as VS Code hands it out: translated titles come as `{ value, original }`. */
type Localized = string | { readonly value: string; readonly original: string };
const text = (value: Localized | undefined): string | undefined => (typeof value === 'object' ? value.value : value);

async function readJson(extension: vscode.Extension<unknown>, file: string): Promise<Record<string, string>> {
	const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file));
	return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
}

suite('Localization', () => {
	test(`command titles and settings are in the display language (${vscode.env.language})`, async () => {
		const extension = vscode.extensions.getExtension(extensionId)!;
		const nls = await readJson(extension, korean ? 'package.nls.ko.json' : 'package.nls.json');
		const manifest = extension.packageJSON as {
			contributes: { commands: { command: string; title: Localized }[]; configuration: { properties: Record<string, { markdownDescription?: Localized }> } };
		};
		const step = manifest.contributes.commands.find((command) => command.command === 'downhill.step');
		assert.equal(text(step?.title), nls['command.step']);
		assert.equal(text(manifest.contributes.configuration.properties['downhill.learningRate']?.markdownDescription), nls['config.learningRate']);
		const untranslated = manifest.contributes.commands.filter((command) => /^%.*%$/.test(text(command.title) ?? ''));
		assert.deepEqual(untranslated, []);
	});

	test('vscode.l10n reads the bundle of the display language', async () => {
		await downhill();
		if (korean) {
			assert.ok(vscode.l10n.bundle, 'a Korean bundle is loaded');
			assert.equal(vscode.l10n.t('Show'), '표시');
		} else {
			assert.equal(vscode.l10n.t('Show'), 'Show');
			assert.equal(vscode.l10n.t('step {0}', 3), 'step 3');
		}
	});

	test('the stop reason and the panel table follow the display language', async () => {
		await downhill();
		const summary = (await vscode.commands.executeCommand<SessionSummary>('downhill.start', {
			uri: exampleUri('quadratic.ts').toString(),
			openPanel: false,
		}))!;
		assert.equal(summary.stop.message, korean ? '시작점에 있음' : 'At the start point');
		assert.equal(panelLocale(vscode.env.language), korean ? 'ko' : 'en');
		const table = panelStrings(vscode.env.language);
		assert.equal(table['control.step'], korean ? '한 단계' : englishStrings['control.step']);
	});

	test("a broken loss's diagnostic is in the display language, the engine's nested phrases too", async () => {
		await downhill();
		// `sum` of a number: the engine's "{0} is {1}, not an array" with {1} = "a number", itself translated.
		const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'def loss(w=1.0):\n    return sum(w)\n' });
		await vscode.window.showTextDocument(document);
		const [diagnostic] = await waitFor('a diagnostic', () => {
			const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'downhill');
			return found.length > 0 && found;
		});
		assert.equal(diagnostic!.message, korean ? "'w'은(는) 숫자이며 배열이 아닙니다" : "'w' is a number, not an array");
		assert.equal(vscode.l10n.t('{0} is {1}, not an array', "'w'", vscode.l10n.t('a number')), diagnostic!.message);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('the debugger names its thread, frame and scopes in the display language', async function () {
		this.timeout(60_000); // starting a debug session took over 20 s on a loaded 2-core machine
		await downhill();
		const folder = vscode.workspace.workspaceFolders![0]!;
		const program = exampleUri('quadratic.ts').fsPath;
		const config = { type: 'downhill', request: 'launch', name: 'l10n', program, optimizer: 'sgd', lr: 0.1 };
		assert.equal(await vscode.debug.startDebugging(folder, config), true);
		try {
			const session = await waitFor('the debug session', () => vscode.debug.activeDebugSession, 10_000);
			let frame: { id: number; name: string } | undefined;
			// A request the adapter cannot answer yet is retried; one that never answers fails this test, not the run.
			const within = <T>(request: Thenable<T>) => Promise.race([Promise.resolve(request), new Promise<undefined>((resolve) => setTimeout(resolve, 2000))]);
			for (let tries = 0; !frame && tries < 100; tries++) {
				const trace = await within(session.customRequest('stackTrace', { threadId: 1 })).catch(() => undefined);
				frame = trace?.stackFrames?.[0];
				if (!frame) await new Promise((resolve) => setTimeout(resolve, 100));
			}
			assert.ok(frame, 'the session stops on entry');
			const { scopes } = await session.customRequest('scopes', { frameId: frame.id });
			const names = (scopes as { name: string }[]).map((scope) => scope.name);
			const { threads } = await session.customRequest('threads');
			if (korean) {
				assert.equal(frame.name, '0단계 · 손실 = 17');
				assert.deepEqual(names, ['매개변수', '기울기', '손실과 단계', '하이퍼파라미터', '옵티마이저 상태']);
				assert.equal(threads[0].name, '옵티마이저');
			} else {
				assert.equal(frame.name, 'step 0 · loss = 17');
				assert.deepEqual(names, ['Parameters', 'Gradient', 'Loss & step', 'Hyper-parameters', 'Optimizer state']);
				assert.equal(threads[0].name, 'Optimizer');
			}
		} finally {
			if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging(vscode.debug.activeDebugSession);
		}
	});
});
