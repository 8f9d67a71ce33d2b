/**
 * Why the session stopped, in the display language: the engine's `describeStop` sentence (English, for the CLI and
 * the debug adapter) through `vscode.l10n`. The engine writes convergence and divergence as English sentences with
 * numbers in them; each known form is matched and rewritten with its numbers, and an unknown one is shown as the
 * engine wrote it. In English the result is exactly `describeStop`'s.
 */
import * as vscode from 'vscode';
import { describeStop, type StopReason } from '../engine/session/stopReason';

/** A short sentence for the status bar, the panel and command results. */
export function stopText(reason: StopReason): string {
	switch (reason.kind) {
		case 'entry':
			return vscode.l10n.t('At the start point');
		case 'step':
			return vscode.l10n.t('Stepped');
		case 'steps':
			return vscode.l10n.t('Stopped after the step limit ({0})', reason.limit);
		case 'breakpoint':
			return vscode.l10n.t('Breakpoint: {0}', reason.condition);
		case 'paused':
			return vscode.l10n.t('Paused');
		case 'historyStart':
			return vscode.l10n.t('At the start of history');
		case 'historyFull':
			return vscode.l10n.t('History limit reached: {0} records take {1} MiB; restart, or step back to go on from an earlier point', reason.records, reason.megabytes);
		case 'converged':
		case 'diverged':
			return engineSentence(reason.message) ?? describeStop(reason);
		default: {
			const never: never = reason;
			return never;
		}
	}
}

const number = String.raw`([-+\w.]+)`;
const suggestion = new RegExp(String.raw` Try a learning rate of ${number} or less\.$`);
const curvature = new RegExp(String.raw` η = ${number} is above 2/λ_max = ${number} at this point\.$`);

/** The engine's convergence or divergence sentence in the display language; undefined for an unknown form. */
function engineSentence(message: string): string | undefined {
	const suggested = suggestion.exec(message);
	const beforeSuggestion = suggested ? message.slice(0, suggested.index) : message;
	const above = curvature.exec(beforeSuggestion);
	const main = above ? beforeSuggestion.slice(0, above.index) : beforeSuggestion;
	const text = mainSentence(main);
	if (text === undefined) return undefined;
	const note = above ? ` ${vscode.l10n.t('η = {0} is above 2/λ_max = {1} at this point.', above[1]!, above[2]!)}` : '';
	return suggested ? `${text}${note} ${vscode.l10n.t('Try a learning rate of {0} or less.', suggested[1]!)}` : `${text}${note}`;
}

function mainSentence(message: string): string | undefined {
	let m = new RegExp(String.raw`^Diverged at step (\d+): the loss became ${number}\.$`).exec(message);
	if (m) return vscode.l10n.t('Diverged at step {0}: the loss became {1}.', m[1]!, m[2]!);
	m = new RegExp(String.raw`^Diverged at step (\d+): the gradient became ${number}\.$`).exec(message);
	if (m) return vscode.l10n.t('Diverged at step {0}: the gradient became {1}.', m[1]!, m[2]!);
	m = new RegExp(String.raw`^Diverged at step (\d+): the point became ${number}\.$`).exec(message);
	if (m) return vscode.l10n.t('Diverged at step {0}: the point became {1}.', m[1]!, m[2]!);
	m = /^Diverged: the loss grew for (\d+) steps in a row \(since step (\d+)\)\.$/.exec(message);
	if (m) return vscode.l10n.t('Diverged: the loss grew for {0} steps in a row (since step {1}).', m[1]!, m[2]!);
	m = new RegExp(String.raw`^Converged: ‖∇L‖ = ${number} ≤ ${number}$`).exec(message);
	if (m) return vscode.l10n.t('Converged: ‖∇L‖ = {0} ≤ {1}', m[1]!, m[2]!);
	m = new RegExp(String.raw`^Converged: the loss changed by less than ${number} \(relative\)$`).exec(message);
	if (m) return vscode.l10n.t('Converged: the loss changed by less than {0} (relative)', m[1]!);
	return undefined;
}
