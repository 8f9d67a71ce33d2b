/**
 * The changes a user makes to a live session (learning rate, optimizer, start point), shared by the palette
 * commands, the panel's controls and CodeLens so each is validated and applied the same way. They go through the
 * `SessionController`, like every other action on a session, and throw with a message meant for the user.
 */
import * as vscode from 'vscode';
import { isOptimizerName, optimizerNames, type OptionValue } from '../../engine/index';
import { optimizerOptionsFor } from '../settings';
import type { SessionController } from './sessionController';

/** The base learning rate (`lr`) of the session's optimizer. */
export function learningRateOf(controller: SessionController): number {
	return controller.session.currentOptimizer.options.lr as number;
}

/**
 * Sets `lr`, keeping the other hyper-parameters; applies from the next update. After a divergence (the session at
 * its end), it first goes back to the last point before the trouble (`recoveryPoint`), and says so, so the new rate
 * is tried from there and not from the blown-up point.
 */
export function setLearningRate(controller: SessionController, learningRate: number): void {
	if (!Number.isFinite(learningRate) || learningRate < 0) {
		throw new RangeError(vscode.l10n.t('The learning rate must be a finite number ≥ 0, not {0}.', learningRate));
	}
	const recovery = controller.session.recoveryPoint();
	if (recovery !== undefined) controller.goTo(recovery);
	const optimizerOptions = { ...controller.session.settings.optimizerOptions, lr: learningRate };
	controller.updateSettings({ optimizerOptions });
	if (recovery !== undefined) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Back to step {0}, before the divergence: the next steps use lr = {1}.', recovery, learningRate),
		);
	}
}

/**
 * Switches the optimizer. Without `options`, the hyper-parameters come from the `downhill.*` settings (those the
 * optimizer accepts) and the current learning rate carries over.
 */
export function setOptimizer(
	controller: SessionController,
	name: string,
	options?: Readonly<Record<string, OptionValue>>,
): void {
	if (!isOptimizerName(name))
		throw new RangeError(
			vscode.l10n.t("Unknown optimizer '{0}'; expected one of {1}.", name, optimizerNames.join(', ')),
		);
	const optimizerOptions = options ?? optimizerOptionsFor(name, undefined, [], learningRateOf(controller));
	controller.updateSettings({ optimizer: name, optimizerOptions });
}

/** Restarts from `x`. */
export function setStartPoint(controller: SessionController, x: readonly number[]): void {
	const d = controller.loss.params.length;
	if (x.length !== d || !x.every(Number.isFinite)) {
		throw new RangeError(
			d === 1
				? vscode.l10n.t('The start point needs 1 finite number ({0}).', controller.loss.params.join(', '))
				: vscode.l10n.t('The start point needs {0} finite numbers ({1}).', d, controller.loss.params.join(', ')),
		);
	}
	controller.restart(x);
}
