/**
 * Which of a file's losses get CodeLens, so that ordinary numeric helpers in ordinary projects are left alone
 * (`clamp`, `lerp`, `distance`). Formulas (Markdown, LaTeX, `.math`) are the point of their files: every loss found
 * there gets lenses. In code, a function gets them when it is named like a loss (`loss`, `cost`, `objective`, `L`, `J`,
 * `mse`, `nll`, `energy`), or the user started it before, or nothing in the file is named like a loss and the file is
 * about Downhill (it says "downhill") or holds one candidate only. The start command works on any function anyway.
 */
import type { LossSite } from '../../engine/index';
import { isLossLikeName } from '../losses/reportedErrors';

/** What decides besides the names. */
export interface LensContext {
	/** A file of formulas: Markdown, LaTeX or `.math`. */
	readonly formulas: boolean;
	/** The file's text says "downhill" (any case), as in a comment `# try this in Downhill`. */
	readonly mentionsDownhill: boolean;
	/** Names of the file's losses the user started a session on. */
	readonly requested: ReadonlySet<string>;
}

/** The sites that get lenses, in their order in the file. */
export function lensSites(sites: readonly LossSite[], context: LensContext): LossSite[] {
	const chosen = sites.filter((site) => isLossLikeName(site.name) || context.requested.has(site.name));
	if (chosen.length > 0) return chosen;
	return context.formulas || context.mentionsDownhill || sites.length === 1 ? [...sites] : [];
}

/** True when `text` says "downhill", in any case. */
export function mentionsDownhill(text: string): boolean {
	return /downhill/i.test(text);
}
