/**
 * `downhill.exportTrajectory(target?)`: writes the active session's every record to a CSV or JSON file (chosen by
 * the extension). `target` (a URI or URI string) skips the save dialog.
 */
import * as vscode from 'vscode';
import { activeOrHint, type CommandContext } from './commandContext';
import { formatForPath, trajectoryCsv, trajectoryJson } from './trajectoryExport';

export async function exportTrajectoryCommand(
	context: CommandContext,
	target?: unknown,
): Promise<vscode.Uri | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	const uri =
		target instanceof vscode.Uri
			? target
			: typeof target === 'string'
				? vscode.Uri.parse(target)
				: await askTarget(controller.loss.name, controller.origin.uri);
	if (!uri) return undefined;
	const { history } = controller.session;
	const { params, name } = controller.loss;
	const text =
		formatForPath(uri.path) === 'json' ? trajectoryJson(history, params, name) : trajectoryCsv(history, params);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	context.log.info(vscode.l10n.t('Exported {0} records of {1} to {2}', history.length, name, uri.toString(true)));
	void vscode.window.showInformationMessage(
		vscode.l10n.t('Downhill: exported {0} steps to {1}.', history.length, vscode.workspace.asRelativePath(uri)),
	);
	return uri;
}

async function askTarget(lossName: string, documentUri: string): Promise<vscode.Uri | undefined> {
	const folder = vscode.Uri.joinPath(vscode.Uri.parse(documentUri), '..');
	return vscode.window.showSaveDialog({
		title: vscode.l10n.t('Downhill: Export Trajectory'),
		defaultUri: vscode.Uri.joinPath(folder, `${lossName}-trajectory.csv`),
		filters: { CSV: ['csv'], JSON: ['json'] },
	});
}
