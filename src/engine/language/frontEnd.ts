/**
 * The contract every language front end fulfils: list the losses a source defines (cheaply, for CodeLens and the
 * `list` command) and lower one of them to a `LossGraph`. `compileLoss.ts` picks the front end by language.
 */
import { LossSyntaxError, type SourceSpan } from '../errors';
import type { LossGraph } from '../graph/node';
import { msg } from '../message';
import { chooseLoss, type LossRequest } from './chooseLoss';
import type { DataFiles, DataReference } from './data/dataFiles';

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

export interface LowerOptions extends LossRequest {
	/** Sizes of array parameters: a length (`w: 3`) or a shape (`W: [2, 3]`); it overrides the default's shape. */
	readonly sizes?: Readonly<Record<string, number | readonly number[]>>;
	/** The data files the source reads, as the host read them (`dataReferences` lists which). */
	readonly files?: DataFiles;
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
	list(source: string, files?: DataFiles): FoundLoss[];
	/** Lowers the chosen loss; throws `LossSyntaxError` for anything outside the supported subset. */
	lower(source: string, options: LowerOptions): LoweredLoss;
	/** A notebook cell's text as this language reads it (IPython's `%magic` and `!shell` lines blanked, say). */
	cellText?(text: string): string;
	/** The error that makes `source` unreadable as a whole (a syntax error), if any: a notebook leaves such a cell out. */
	syntaxError?(source: string): LossSyntaxError | undefined;
	/** The names `source` defines at its top level, each with the 1-based line of its first definition. */
	definedNames?(source: string): ReadonlyMap<string, number>;
	/** The data files `source` names in data-loading calls, with each path string's span; throws like `list`. */
	dataReferences?(source: string): DataReference[];
}

/**
 * The candidate `request` means (`chooseLoss.ts`: under the cursor, else named, else `loss`, else the only one), or
 * an error at `whole` saying why there is none.
 */
export function pickLoss<T extends { readonly name: string; readonly span: SourceSpan }>(
	candidates: readonly T[],
	request: LossRequest,
	whole: SourceSpan,
): T {
	const chosen = chooseLoss(candidates, request);
	if (chosen) return chosen;
	const name = request.name;
	if (name !== undefined) {
		const known = candidates.map((c) => c.name).join(', ');
		throw new LossSyntaxError(known ? msg`no loss named '${name}' (found: ${known})` : msg`no loss named '${name}' (found: none)`, whole);
	}
	if (candidates.length === 0) throw new LossSyntaxError(msg`no loss function found`, whole);
	throw new LossSyntaxError(
		msg`several functions (${candidates.map((c) => c.name).join(', ')}); name one (none is called 'loss')`,
		whole,
	);
}
