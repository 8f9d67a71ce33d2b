/**
 * Which failed loss candidates become diagnostics. A file full of ordinary code or prose must not light up red, so
 * an error is shown only where the user evidently meant a loss:
 *
 * - every candidate of a `.math` file (the whole file is loss definitions);
 * - elsewhere (JS/TS/Python functions, Markdown and LaTeX math blocks, plain text), candidates whose name reads as
 *   a loss: it contains `loss`, `cost` or `objective` (any case), or is `L`, `J`, `mse` or `nll`;
 * - any candidate the user has asked for by name (a session was started on it).
 *
 * Candidates the rule skips still fail loudly when the user starts them.
 */
import type { FoundLoss, LanguageId, LossSyntaxError } from '../../engine/index';

const lossLikeName = /loss|cost|objective|energy|^(l|j|mse|nll)$/i;

/** True when a candidate called `name` looks like a loss by its name alone. */
export function isLossLikeName(name: string): boolean {
	return lossLikeName.test(name);
}

/**
 * The errors to show for a document's candidates. `wholeFileIsLosses` is true for `.math` files; `requested` holds
 * the names the user started sessions on in this document.
 */
export function reportedErrors(
	found: readonly FoundLoss[],
	language: LanguageId,
	wholeFileIsLosses: boolean,
	requested: ReadonlySet<string> = new Set(),
): LossSyntaxError[] {
	const everything = wholeFileIsLosses && language === 'math';
	const errors: LossSyntaxError[] = [];
	for (const candidate of found) {
		if (candidate.kind !== 'error') continue;
		if (everything || isLossLikeName(candidate.name) || requested.has(candidate.name)) errors.push(candidate.error);
	}
	return errors;
}
