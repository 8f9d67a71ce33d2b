// The "Roll downhill with Downhill" walkthrough (Get Started): it is contributed with its five steps, every button
// in it runs a command that exists, its media files are in the extension, `downhill.openExample` opens the study note
// with the formula selected, and the story the steps tell holds (start at x = 0 with loss 2, a step to x = 0.2, a
// divergence at learning rate 1.1).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionSummary } from '../../src/extension/commands/commandContext';
import { downhill, extensionId, waitFor } from './helpers';

interface WalkthroughStep {
	readonly id: string;
	readonly title: string;
	readonly description: string;
	readonly media: { readonly markdown?: string; readonly image?: string };
	readonly completionEvents?: readonly string[];
}

interface Walkthrough {
	readonly id: string;
	readonly title: string;
	readonly steps: readonly WalkthroughStep[];
}

/** The command each step's button runs, in order. */
const stepCommands = ['downhill.openExample', 'downhill.start', 'downhill.step', 'downhill.setLearningRate', 'workbench.action.debug.start'];

function extension(): vscode.Extension<unknown> {
	const found = vscode.extensions.getExtension(extensionId);
	assert.ok(found, `extension ${extensionId} is not loaded`);
	return found;
}

async function readText(uri: vscode.Uri): Promise<string> {
	return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** `%key%` placeholders resolved with package.nls.json (VS Code may or may not have done it in packageJSON). */
async function localizer(): Promise<(text: string) => string> {
	const nls = JSON.parse(await readText(vscode.Uri.joinPath(extension().extensionUri, 'package.nls.json'))) as Record<string, string>;
	return (text) => {
		const key = /^%(.+)%$/.exec(text)?.[1];
		return key === undefined ? text : (nls[key] ?? text);
	};
}

async function walkthrough(): Promise<Walkthrough> {
	const walkthroughs = (extension().packageJSON as { contributes: { walkthroughs?: Walkthrough[] } }).contributes.walkthroughs;
	assert.equal(walkthroughs?.length, 1, 'one walkthrough');
	const t = await localizer();
	const w = walkthroughs![0]!;
	return {
		id: w.id,
		title: t(w.title),
		steps: w.steps.map((step) => ({ ...step, title: t(step.title), description: t(step.description) })),
	};
}

/** The `command:` links of a step description: command id and its JSON arguments. */
function commandLinks(description: string): { id: string; args: unknown[] }[] {
	return [...description.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)(?:\?([^)\s]+))?\)/g)].map(([, id, query]) => {
		const args: unknown = query === undefined ? [] : JSON.parse(decodeURIComponent(query));
		return { id: id!, args: Array.isArray(args) ? args : [args] };
	});
}

async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

suite('Walkthrough', () => {
	suiteSetup(downhill);

	test('"Roll downhill with Downhill" is contributed with its five steps, titled and described', async () => {
		const w = await walkthrough();
		assert.equal(w.title, 'Roll downhill with Downhill');
		assert.deepEqual(
			w.steps.map((step) => step.id),
			['openStudyNote', 'start', 'step', 'diverge', 'debug'],
		);
		for (const step of w.steps) {
			assert.ok(!/^%.*%$/.test(step.title) && step.title.length > 0, `step ${step.id} has a title`);
			assert.ok(!/^%.*%$/.test(step.description) && step.description.length > 40, `step ${step.id} has a description`);
		}
	});

	test('every button runs a command that exists, and every completion event names one', async () => {
		const w = await walkthrough();
		const commands = new Set(await vscode.commands.getCommands(false));
		const linked = w.steps.map((step) => commandLinks(step.description));
		assert.deepEqual(
			linked.map((links) => links.map((link) => link.id)),
			stepCommands.map((id) => [id]),
		);
		for (const id of stepCommands) assert.ok(commands.has(id), `command ${id} exists`);
		for (const step of w.steps) {
			for (const event of step.completionEvents ?? []) {
				const command = /^onCommand:(.+)$/.exec(event)?.[1];
				if (command) assert.ok(commands.has(command), `step ${step.id}: completion event ${event} names a command that exists`);
			}
		}
	});

	test('each step shows a markdown file of the extension, and the images it shows are there', async () => {
		const root = extension().extensionUri;
		for (const step of (await walkthrough()).steps) {
			const markdown = step.media.markdown;
			assert.ok(markdown, `step ${step.id} has markdown media`);
			const uri = vscode.Uri.joinPath(root, markdown);
			const text = await readText(uri);
			const images = [...text.matchAll(/!\[[^\]]+\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
			assert.ok(images.length > 0, `${markdown} shows an image (with alt text)`);
			for (const image of images) {
				assert.ok(await exists(vscode.Uri.joinPath(uri, '..', image)), `${markdown} shows ${image}, which exists`);
			}
		}
	});

	test('downhill.openExample opens the study note from the extension with the formula selected', async () => {
		const [link] = commandLinks((await walkthrough()).steps[0]!.description);
		assert.deepEqual(link!.args, ['study-note.md', { select: 'y = (x - 1)^2 + 1' }]);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		const opened = await vscode.commands.executeCommand<string | undefined>(link!.id, ...link!.args);
		const expected = vscode.Uri.joinPath(extension().extensionUri, 'examples', 'study-note.md');
		assert.equal(opened, expected.toString());
		const editor = await waitFor('the study note in the active editor', () =>
			vscode.window.activeTextEditor?.document.uri.toString() === expected.toString() ? vscode.window.activeTextEditor : undefined,
		);
		assert.equal(editor.document.getText(editor.selection), 'y = (x - 1)^2 + 1');
	});

	test('downhill.openExample refuses names outside examples/ and files that do not exist', async () => {
		const before = vscode.window.activeTextEditor?.document.uri.toString();
		assert.equal(await vscode.commands.executeCommand('downhill.openExample', '../package.json'), undefined);
		assert.equal(await vscode.commands.executeCommand('downhill.openExample', 'no-such-example.ts'), undefined);
		assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'nothing else was opened');
	});

	test('the steps tell a true story: x = 0 with loss 2, a step to x = 0.2, divergence at learning rate 1.1', async () => {
		const steps = (await walkthrough()).steps.map((step) => commandLinks(step.description)[0]!);
		await vscode.commands.executeCommand(steps[0]!.id, ...steps[0]!.args);
		await waitFor('the study note', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/examples/study-note.md'));
		const started = await vscode.commands.executeCommand<SessionSummary | undefined>('downhill.start', { openPanel: false });
		assert.deepEqual([started?.name, started?.params, started?.x, started?.loss], ['y', ['x'], [0], 2]);
		const stepped = await vscode.commands.executeCommand<SessionSummary | undefined>('downhill.step');
		assert.ok(Math.abs(stepped!.x[0]! - 0.2) < 1e-12, `one step with lr 0.1 goes to x = 0.2 (got ${stepped?.x[0]})`);
		await vscode.commands.executeCommand('downhill.setLearningRate', 1.1);
		await vscode.commands.executeCommand('downhill.restart');
		const run = await vscode.commands.executeCommand<SessionSummary | undefined>('downhill.continue');
		assert.equal(run?.stop.kind, 'diverged', `at lr 1.1 the run diverges (${run?.stop.message})`);
		assert.match(run!.stop.message, /0\.55 or less/);
	});
});
