/**
 * The one message a user sees when the engine's worker failed during a continue: the worker was restarted and the
 * run resumed from the last snapshot, or the run stopped at a step and why.
 */
import * as vscode from 'vscode';
import type { SessionProblem } from './sessionWorkerLink';

export function sessionProblemText(problem: SessionProblem): string {
	const { step, detail } = problem;
	if (problem.kind === 'resumed')
		return vscode.l10n.t("Downhill's engine stopped during continue ({0}); it was restarted and the run resumed from step {1}.", detail, step);
	switch (problem.cause) {
		case 'budget':
			return vscode.l10n.t('Continue stopped at step {0}: one slice of updates {1}.', step, detail);
		case 'crashed':
			return vscode.l10n.t("Continue stopped at step {0}: Downhill's engine stopped there twice ({1}).", step, detail);
		case 'error':
			return vscode.l10n.t('Continue stopped at step {0}: the loss could not be evaluated ({1}). The session is kept at that step.', step, detail);
	}
}

/** Shows the message: a warning when the run went on, an error when it stopped. */
export function reportSessionProblem(problem: SessionProblem): void {
	const text = sessionProblemText(problem);
	if (problem.kind === 'resumed') void vscode.window.showWarningMessage(text);
	else void vscode.window.showErrorMessage(text);
}
