/**
 * Wires the Downhill debugger into VS Code: an inline debug adapter (the adapter runs in the extension host and
 * takes its controller from the `SessionManager`, so the debugger, the panel, hovers and CodeLens drive one
 * session), the configuration providers for F5 without launch.json, and inline values. Everything registered here
 * is owned by `context.subscriptions`. After mock-debug's activateMockDebug.ts with `runMode = 'inline'`.
 */
import * as vscode from 'vscode';
import type { GraphModel } from '../../shared/graphModel';
import { lossLanguageOf } from '../losses/lossLanguage';
import type { SessionController } from '../session/sessionController';
import type { SessionManager } from '../session/sessionManager';
import { stopText } from '../stopText';
import { debugType, DownhillConfigurationProvider, dynamicConfigurations } from './debugConfigurations';
import { DownhillInlineValues } from './debugInlineValues';
import { DownhillDebugSession, type ControllerProvider } from './downhillDebugSession';
import type { DownhillLaunch } from './launchArguments';
import { basename, hasUriScheme, isAbsolutePath, normalizePath } from './pathText';

/** Languages whose files can define a loss, for inline values. */
const languages = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'markdown', 'plaintext', 'latex', 'downhill-math'];

/** Where the step-into walk's computation graph goes (the panel's Graph view). */
export type PassGraphListener = (controller: SessionController, graph: GraphModel | undefined) => void;

export function activateDebug(context: vscode.ExtensionContext, sessions: SessionManager, onPassGraph: PassGraphListener): void {
	const factory: vscode.DebugAdapterDescriptorFactory = {
		createDebugAdapterDescriptor: (session) =>
			new vscode.DebugAdapterInlineImplementation(
				new DownhillDebugSession({ provideController: controllerProvider(sessions, session), text: { t: vscode.l10n.t, stop: stopText }, onPassGraph }),
			),
	};
	context.subscriptions.push(
		vscode.debug.registerDebugAdapterDescriptorFactory(debugType, factory),
		vscode.debug.registerDebugConfigurationProvider(debugType, new DownhillConfigurationProvider()),
		vscode.debug.registerDebugConfigurationProvider(debugType, dynamicConfigurations, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
		vscode.languages.registerInlineValuesProvider(languages.map((language) => ({ language })), new DownhillInlineValues(sessions)),
	);
}

/** Opens the launch's document and starts (or restarts) the shared session on its loss. */
function controllerProvider(sessions: SessionManager, session: vscode.DebugSession): ControllerProvider {
	return async (launch: DownhillLaunch) => {
		const uri = programUri(launch.program, session.workspaceFolder);
		if (uri.scheme === 'file') await vscode.workspace.fs.stat(uri); // a missing file fails with code 'FileNotFound'
		const document = await vscode.workspace.openTextDocument(uri);
		if (!lossLanguageOf(document)) {
			throw new Error(vscode.l10n.t("Downhill does not read {0} files ('{1}')", document.languageId, basename(uri.path)));
		}
		return sessions.start(document, { name: launch.functionName, settings: launch.settings, start: launch.start });
	};
}

/** `program` as a URI: a URI string as is (untitled editors), a path relative to the workspace folder resolved. */
function programUri(program: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri {
	if (hasUriScheme(program)) return vscode.Uri.parse(program);
	if (isAbsolutePath(program) || !folder) return vscode.Uri.file(normalizePath(program)); // no folder: there is no base to resolve against
	return vscode.Uri.joinPath(folder.uri, program);
}
