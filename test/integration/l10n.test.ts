// Localization in a real VS Code: the manifest's %keys% come out in the display language, `vscode.l10n.t` reads the
// bundle of that language (none for English), and the extension's own messages (a stop reason, the panel's table)
// follow it. Written for either language: the suite normally runs in English; with a Korean display language (a
// language pack for `ko` installed and `--locale ko`) the same assertions expect the Korean texts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { panelLocale, panelStrings } from '../../src/extension/panel/panelStrings';
import { englishStrings } from '../../src/protocol/panelStrings';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, exampleUri, extensionId } from './helpers';

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
});
