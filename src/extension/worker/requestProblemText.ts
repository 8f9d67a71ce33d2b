/**
 * The one sentence a view shows when the engine's worker gave no answer: the work ran past its budget, or the worker
 * stopped while doing it (it has been restarted by then).
 */
import * as vscode from 'vscode';
import type { EngineRequestError } from './engineClient';

/** `L(start) took longer than 2 s; not shown`, or that the engine stopped; `what` names the missing value. */
export function requestProblemText(what: string, error: EngineRequestError): string {
	if (error.reason === 'budget')
		return vscode.l10n.t('{0} took longer than {1} s; not shown', what, (error.budgetMs ?? 0) / 1000);
	return vscode.l10n.t('{0} not shown: the engine stopped ({1})', what, error.message);
}
