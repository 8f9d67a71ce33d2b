/**
 * `downhill.randomRestarts(n?)`: the study note's remedy for local minima. Runs `n` seeded starts of the active
 * session's loss and settings in the engine's worker, one slice per request (`SlicedJob`), under a cancellable
 * progress notification, then lists the distinct
 * minima found (global or local, how many starts ended in each) in the Downhill output channel and a notification
 * that offers to restart the session from a start that reached the best one; the open panel draws them on its map
 * (starts, lines to their ends, the minima with their labels and counts).
 */
import * as vscode from 'vscode';
import { defaultRestartBox, formatNumber, type RestartsResult } from '../../engine/index';
import type { RestartsSlice } from '../../worker/explore/exploreProtocol';
import { SlicedJob } from '../panel/slicedJob';
import type { SessionController } from '../session/sessionController';
import { abortSignalOf } from '../worker/abortSignalOf';
import { formatVector } from '../formatVector';
import { activeOrHint, type CommandContext } from './commandContext';
import { parseCount } from './parseInput';

const maxCount = 1000;

export async function randomRestartsCommand(
	context: CommandContext,
	countArgument?: unknown,
): Promise<RestartsResult | undefined> {
	const controller = activeOrHint(context);
	if (!controller) return undefined;
	const count =
		typeof countArgument === 'number' ? parseCount(String(countArgument), 1, maxCount).value : await askCount();
	if (count === undefined) return undefined;
	const { settings } = controller.session;
	const params = { settings, count, seed: settings.seed, box: defaultRestartBox(Array.from(controller.session.start)) };
	const title = vscode.l10n.t('Downhill: {0} random restarts of {1}', count, controller.loss.name);
	const result = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title, cancellable: true },
		async (progress, token) => {
			let reported = 0;
			const onProgress = (slice: RestartsSlice) => {
				progress.report({ increment: (slice.progress - reported) * 100, message: `${Math.round(slice.progress * count)} / ${count}` });
				reported = slice.progress;
			};
			return (await new SlicedJob('restartsSlice').start(controller, params, onProgress, abortSignalOf(token)))?.result;
		},
	);
	if (!result) return undefined;
	report(context.log, controller, result);
	context.showRestarts(controller, result);
	void offerBest(controller, result);
	return result;
}

async function askCount(): Promise<number | undefined> {
	const text = await vscode.window.showInputBox({
		title: vscode.l10n.t('Downhill: Random Restarts'),
		prompt: vscode.l10n.t('How many random starts?'),
		value: '20',
		validateInput: (input) => parseCount(input, 1, maxCount).error,
	});
	return text === undefined ? undefined : parseCount(text, 1, maxCount).value;
}

function report(log: vscode.LogOutputChannel, controller: SessionController, result: RestartsResult): void {
	const diverged = result.runs.filter((run) => run.minimum < 0).length;
	const box = `${formatVector(result.box.low, formatNumber, 16)} .. ${formatVector(result.box.high, formatNumber, 16)}`;
	log.info(
		vscode.l10n.t(
			'Random restarts of {0}: {1} starts in {2}, {3} distinct minima, {4} diverged',
			controller.loss.name,
			result.runs.length,
			box,
			result.minima.length,
			diverged,
		),
	);
	const kinds = { global: vscode.l10n.t('global'), local: vscode.l10n.t('local') };
	const kindWidth = Math.max(kinds.global.length, kinds.local.length);
	result.minima.forEach((minimum, i) => {
		const at = formatVector(minimum.x, formatNumber, 16);
		const loss = formatNumber(minimum.loss);
		const kind = kinds[minimum.kind].padEnd(kindWidth);
		log.info(`  #${i + 1} ${vscode.l10n.t('{0} L = {1} at {2}, reached by {3} start(s)', kind, loss, at, minimum.count)}`);
	});
	log.show(true);
}

/** The notification; "Restart There" restarts the session from a start that reached the best minimum. */
async function offerBest(controller: SessionController, result: RestartsResult): Promise<void> {
	const best = result.minima[result.best];
	if (!best) {
		void vscode.window.showWarningMessage(
			vscode.l10n.t('Downhill: every random start diverged. Try a smaller learning rate.'),
		);
		return;
	}
	const message = vscode.l10n.t(
		'Downhill: {0} starts found {1} distinct minima. Best: L = {2} at {3} (reached by {4}).',
		result.runs.length,
		result.minima.length,
		formatNumber(best.loss),
		formatVector(best.x, formatNumber),
		best.count,
	);
	const restart = vscode.l10n.t('Restart from a Start That Reached It');
	if ((await vscode.window.showInformationMessage(message, restart)) !== restart) return;
	const run = result.runs.find((r) => r.minimum === result.best);
	if (run) controller.restart(run.start);
}
