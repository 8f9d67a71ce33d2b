/**
 * Launch failures as sentences a user can act on: a loss that does not parse points at `file:line:column`, a
 * missing file says which path was tried, a bad attribute names it. Shown in VS Code's error dialog
 * (`sendErrorResponse(…, { showUser: true })`).
 */
import { isLossSyntaxError } from '../../engine/index';
import type { DownhillLaunchArguments } from './launchArguments';
import { english, errorText, type Translate } from './translate';

/** The message for an error thrown while validating `args` or opening the loss, in the language of `t`. */
export function launchErrorMessage(error: unknown, args: DownhillLaunchArguments, t: Translate = english): string {
	const program = typeof args.program === 'string' ? args.program : '';
	if (isLossSyntaxError(error)) return `${program}:${error.line}:${error.column}: ${errorText(error, t)}`;
	const code = (error as { code?: unknown } | undefined)?.code;
	if (code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound (FileSystemError)') {
		return t("Cannot read '{0}': the file does not exist. Set 'program' to the file that defines the loss.", program);
	}
	if (error instanceof RangeError && /start point/.test(error.message)) return `'start': ${error.message}`;
	const message = errorText(error, t);
	return message.startsWith("'") ? message : t('Cannot start Downhill: {0}', message);
}
