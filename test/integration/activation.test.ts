// The first check in a real VS Code: the extension under development is installed and activates in the extension
// host. It also prints where it runs (code-server's Node extension host reports `server-distro`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'downhill.downhill';

suite('Activation', () => {
	test('the extension is present and activates', async () => {
		const extension = vscode.extensions.getExtension(extensionId);
		assert.ok(extension, `extension ${extensionId} is not loaded`);
		await extension.activate();
		assert.equal(extension.isActive, true);
		console.log(`appHost=${vscode.env.appHost} uiKind=${vscode.UIKind[vscode.env.uiKind]} vscode=${vscode.version} node=${process.versions.node}`);
	});
});
