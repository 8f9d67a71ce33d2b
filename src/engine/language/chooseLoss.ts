/**
 * Which loss of a file the user means, one rule for every front end and every entry point (Start, F5, CodeLens,
 * hover, the CLI): the one whose definition holds the cursor, else the one called `loss`, else the only one. Failed
 * candidates take part like the others, so a broken `loss` is reported, never silently replaced by a helper that
 * compiles. A name narrows the choice to the losses of that name; a position then tells apart blocks that share it
 * (two Markdown formulas both called `f`).
 */
import type { SourceSpan } from '../errors';

/** A 1-based line and column in the source. */
export interface SourcePosition {
	readonly line: number;
	readonly column: number;
}

/** What the user asked for: a name, a position (the cursor, or a CodeLens's block), both or neither. */
export interface LossRequest {
	readonly name?: string;
	readonly at?: SourcePosition;
}

/** True when `span` holds `at` (its end column exclusive). */
export function spanContains(span: SourceSpan, at: SourcePosition): boolean {
	const afterStart = at.line > span.line || (at.line === span.line && at.column >= span.column);
	const beforeEnd = at.line < span.endLine || (at.line === span.endLine && at.column <= span.endColumn);
	return afterStart && beforeEnd;
}

/**
 * The candidate `request` means, or undefined when the rule leaves a choice to the user (several candidates, none
 * under the cursor, none called `loss`) or a requested name matches nothing.
 */
export function chooseLoss<T extends { readonly name: string; readonly span: SourceSpan }>(
	candidates: readonly T[],
	request: LossRequest,
): T | undefined {
	const named = request.name === undefined ? candidates : candidates.filter((c) => c.name === request.name);
	const at = request.at;
	const under = at && innermost(named.filter((c) => spanContains(c.span, at)));
	if (under) return under;
	if (request.name !== undefined) return named[0];
	return named.find((c) => c.name === 'loss') ?? (named.length === 1 ? named[0] : undefined);
}

/** The candidate with the smallest span (a nested function, an inline formula inside a display block). */
function innermost<T extends { readonly span: SourceSpan }>(candidates: readonly T[]): T | undefined {
	const size = (s: SourceSpan) => (s.endLine - s.line) * 1e6 + (s.endColumn - s.column);
	return candidates.reduce<T | undefined>((best, c) => (best && size(best.span) <= size(c.span) ? best : c), undefined);
}
