// `downhill.panelLayout` as settings.ts resolves it: 'auto' by default, the two fixed layouts as set, and anything
// else back to 'auto'; the panel gets it in its settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../src/extension/settings';
import { downhill } from './helpers';

suite('Panel layout setting', () => {
	const config = () => vscode.workspace.getConfiguration('downhill');
	const set = (value: unknown) => config().update('panelLayout', value, vscode.ConfigurationTarget.Global);

	suiteSetup(() => downhill());
	teardown(() => set(undefined));

	test('defaults to auto', () => {
		assert.equal(readSettings().view.layout, 'auto');
	});

	test('stacked and sideBySide are read as set, anything else is auto', async () => {
		for (const layout of ['stacked', 'sideBySide']) {
			await set(layout);
			assert.equal(readSettings().view.layout, layout);
		}
		await set('wide');
		assert.equal(readSettings().view.layout, 'auto');
	});
});
