/**
 * `downhill.checkGradient`: autodiff against central differences. With `{ uri, name }` (the CodeLens) it checks that
 * loss at its start point; otherwise the active session at its current point, or the loss in the active editor at
 * its start. Shows the worst relative error in a notification and every parameter in the Downhill output channel.
 */
import * as vscode from 'vscode';
import { formatNumber, type GradientCheck, type LossShape, relativeError, type SourcePosition } from '../../engine/index';
import { commandBudgetMs } from '../worker/budgets';
import type { CommandContext } from './commandContext';

export interface GradientCheckArguments {
	readonly uri?: string;
	readonly name?: string;
	/** Where the loss is defined, for blocks that share a name (CodeLens passes it). */
	readonly at?: SourcePosition;
}

export async function checkGradientCommand(
	context: CommandContext,
	args: GradientCheckArguments = {},
): Promise<GradientCheck | undefined> {
	const target = await targetOf(context, args);
	if (!target) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Open a loss or start a session to check its gradient.'));
		return undefined;
	}
	const { check } = target;
	report(context.log, target.loss, check, target.where);
	const worst = target.loss.params[check.worstParam] ?? '—';
	const summary = vscode.l10n.t(
		'Gradient check of {0} {1}: worst relative error {2} (at {3}).',
		target.loss.name,
		target.where,
		formatNumber(check.worstError),
		worst,
	);
	if (check.ok)
		void vscode.window.showInformationMessage(`${summary} ${vscode.l10n.t('Autodiff and finite differences agree.')}`);
	else
		void vscode.window.showWarningMessage(
			`${summary} ${vscode.l10n.t('They disagree: details in the Downhill output.')}`,
		);
	context.log.show(true);
	return check;
}

async function targetOf(
	context: CommandContext,
	args: GradientCheckArguments,
): Promise<{ loss: LossShape; check: GradientCheck; where: string } | undefined> {
	const atStart = vscode.l10n.t('at the start point');
	if (args.uri !== undefined) {
		const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
		return { ...(await checkInWorker(context, document, args.name, args.at)), where: atStart };
	}
	const controller = context.sessions.active;
	if (controller) {
		const { x, step } = controller.session.snapshot();
		return { loss: controller.loss, check: controller.loss.checkGradient(x), where: vscode.l10n.t('at step {0}', step) };
	}
	const document = vscode.window.activeTextEditor?.document;
	if (!document) return undefined;
	return { ...(await checkInWorker(context, document, args.name)), where: atStart };
}

/** The check at the start point, in the engine's worker (the file may be large or slow; the host stays free). */
async function checkInWorker(
	context: CommandContext,
	document: vscode.TextDocument,
	name: string | undefined,
	at?: SourcePosition,
): Promise<{ loss: LossShape; check: GradientCheck }> {
	context.documents.analyse(document);
	const text = context.documents.textOf(document);
	if (!text) throw new Error(vscode.l10n.t('Downhill does not read {0} files', document.languageId));
	return context.documents.engine.request('evaluate', { document: text, name, at }, { budgetMs: commandBudgetMs });
}

/** One table in the output channel: parameter, value, autodiff, numeric, relative error. */
function report(log: vscode.LogOutputChannel, loss: LossShape, check: GradientCheck, where: string): void {
	const heading = vscode.l10n.t(
		'Gradient check of {0} {1}: L = {2}, worst relative error {3}',
		loss.name,
		where,
		formatNumber(check.value),
		formatNumber(check.worstError),
	);
	log.info(check.ok ? heading : `${heading} — ${vscode.l10n.t('DISAGREES')}`);
	const rows = loss.params.map((name, i) => [
		name,
		formatNumber(check.at[i]!),
		formatNumber(check.autodiff[i]!),
		formatNumber(check.numeric[i]!),
		formatNumber(relativeError(check.autodiff[i]!, check.numeric[i]!)),
	]);
	const header = [
		vscode.l10n.t('parameter'),
		vscode.l10n.t('value'),
		vscode.l10n.t('autodiff'),
		vscode.l10n.t('numeric'),
		vscode.l10n.t('relative error'),
	];
	const widths = header.map((h, c) => Math.max(columns(h), ...rows.map((row) => columns(row[c]!))));
	const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - columns(cell)));
	for (const row of [header, ...rows]) log.info(`  ${row.map((cell, c) => pad(cell, widths[c]!)).join('  ')}`);
}

/** Columns `text` takes in a monospaced font: Hangul and other East Asian wide characters take two. */
function columns(text: string): number {
	let width = 0;
	for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
	return width;
}
