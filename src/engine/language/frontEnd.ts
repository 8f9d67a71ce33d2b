/**
 * The contract every language front end fulfils: list the losses a source defines (cheaply, for CodeLens and the
 * `list` command) and lower one of them to a `LossGraph`. `compileLoss.ts` picks the front end by language.
 */
import { LossSyntaxError, type SourceSpan } from '../errors';
import type { LossGraph } from '../graph/node';
import { msg } from '../message';

export type LanguageId = 'javascript' | 'typescript' | 'python' | 'math' | 'markdown' | 'latex';

export const languageIds: readonly LanguageId[] = ['javascript', 'typescript', 'python', 'math', 'markdown', 'latex'];

/** Where a loss is defined and what it takes. */
export interface LossSite {
	readonly name: string;
	readonly language: LanguageId;
	/** Parameter names as declared (a vector parameter `w` appears once). */
	readonly params: readonly string[];
	/** The whole definition: function, lambda, equation or math block. */
	readonly span: SourceSpan;
	/** The loss's name where it is declared (the function name, the equation's left side). */
	readonly nameSpan: SourceSpan;
}

export type FoundLoss =
	| { readonly kind: 'loss'; readonly site: LossSite }
	| { readonly kind: 'error'; readonly name: string; readonly span: SourceSpan; readonly error: LossSyntaxError };

export interface LowerOptions {
	/** Which loss; otherwise the one called `loss`, else the only one. */
	readonly name?: string;
	/** Sizes of array parameters: a length (`w: 3`) or a shape (`W: [2, 3]`); it overrides the default's shape. */
	readonly sizes?: Readonly<Record<string, number | readonly number[]>>;
}

/** The size `options.sizes` gives the array parameter `name` (own keys only: a parameter may be called `constructor`). */
export function givenSize(sizes: LowerOptions['sizes'], name: string): number | readonly number[] | undefined {
	return sizes && Object.hasOwn(sizes, name) ? sizes[name] : undefined;
}

export interface LoweredLoss {
	readonly graph: LossGraph;
	readonly site: LossSite;
}

export interface FrontEnd {
	/** Every loss in `source`, and every candidate that failed with its error. Throws only for unparsable source. */
	list(source: string): FoundLoss[];
	/** Lowers the chosen loss; throws `LossSyntaxError` for anything outside the supported subset. */
	lower(source: string, options: LowerOptions): LoweredLoss;
}

/**
 * The rule for choosing among several candidates: the named one, else one called `loss`, else the only one.
 * `candidates` are names with the span to blame when the choice fails.
 */
export function pickLoss<T extends { readonly name: string }>(candidates: readonly T[], name: string | undefined, whole: SourceSpan): T {
	if (name !== undefined) {
		const named = candidates.find((c) => c.name === name);
		if (named) return named;
		const known = candidates.map((c) => c.name).join(', ');
		throw new LossSyntaxError(known ? msg`no loss named '${name}' (found: ${known})` : msg`no loss named '${name}' (found: none)`, whole);
	}
	const loss = candidates.find((c) => c.name === 'loss');
	if (loss) return loss;
	if (candidates.length === 1) return candidates[0]!;
	if (candidates.length === 0) throw new LossSyntaxError(msg`no loss function found`, whole);
	throw new LossSyntaxError(
		msg`several functions (${candidates.map((c) => c.name).join(', ')}); name one (none is called 'loss')`,
		whole,
	);
}
