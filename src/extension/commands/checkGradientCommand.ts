/**
 * `downhill.checkGradient`: autodiff against central differences. With `{ uri, name }` (the CodeLens) it checks that
 * loss at its start point; otherwise the active session at its current point, or the loss in the active editor at
 * its start. Shows the worst relative error in a notification and every parameter in the Downhill output channel.
 */
import * as vscode from 'vscode';
import type { Loss } from '../../engine/compileLoss';
import { formatNumber } from '../../engine/expression/formatNumber';
import type { GradientCheck } from '../../engine/graph/gradientCheck';
import { relativeError } from '../../engine/graph/gradientCheck';
import type { CommandContext } from './commandContext';

export interface GradientCheckArguments {
	readonly uri?: string;
	readonly name?: string;
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
	const check = target.loss.checkGradient(target.x);
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
): Promise<{ loss: Loss; x: ArrayLike<number>; where: string } | undefined> {
	if (args.uri !== undefined) {
		const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
		const loss = context.documents.compile(document, args.name);
		return { loss, x: loss.start, where: vscode.l10n.t('at the start point') };
	}
	const controller = context.sessions.active;
	if (controller) {
		const { x, step } = controller.session.snapshot();
		return { loss: controller.loss, x, where: vscode.l10n.t('at step {0}', step) };
	}
	const document = vscode.window.activeTextEditor?.document;
	if (!document) return undefined;
	const loss = context.documents.compile(document, args.name);
	return { loss, x: loss.start, where: vscode.l10n.t('at the start point') };
}

/** One table in the output channel: parameter, value, autodiff, numeric, relative error. */
function report(log: vscode.LogOutputChannel, loss: Loss, check: GradientCheck, where: string): void {
	log.info(
		`Gradient check of ${loss.name} ${where}: L = ${formatNumber(check.value)}, ` +
			`worst relative error ${formatNumber(check.worstError)}${check.ok ? '' : ' — DISAGREES'}`,
	);
	const rows = loss.params.map((name, i) => [
		name,
		formatNumber(check.at[i]!),
		formatNumber(check.autodiff[i]!),
		formatNumber(check.numeric[i]!),
		formatNumber(relativeError(check.autodiff[i]!, check.numeric[i]!)),
	]);
	const header = ['parameter', 'value', 'autodiff', 'numeric', 'relative error'];
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
	for (const row of [header, ...rows]) log.info(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`);
}
