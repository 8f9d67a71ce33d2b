/**
 * The plain-math and LaTeX front ends: the whole source is one expression or equation, `(x-1)^2 + 1`,
 * `f(x, y) = (1-x)^2 + 100(y-x^2)^2`, `L(w, b) = \frac{1}{2}(w + b)^2`. LaTeX may come wrapped in `$...$`, `$$...$$`,
 * `\(...\)`, `\[...\]` or an `equation` environment, as copied from a `.tex` file or a Markdown note.
 *
 * `list` throws `LossSyntaxError` when the text does not parse and reports a parsed block that cannot be lowered
 * (an unknown name, a `\sum` with unknown bounds, no variables) as an error entry.
 */
import type { FoundLoss, FrontEnd, LanguageId, LowerOptions, LoweredLoss } from '../frontEnd';
import { pickLoss } from '../frontEnd';
import { LineIndex } from './lineIndex';
import { analyzeBlock, foundLoss, type BlockRange } from './mathBlock';
import type { MathMode } from './mathTokens';

/** The source without surrounding whitespace. */
function trimmedRange(source: string): BlockRange | undefined {
	const start = source.search(/\S/);
	if (start < 0) return undefined;
	const end = source.trimEnd().length;
	return { start, end, contentStart: start, contentEnd: end };
}

const wrappers: readonly (readonly [string, string])[] = [['$$', '$$'], ['\\[', '\\]'], ['\\(', '\\)'], ['$', '$']];

/** The source without whitespace and without one `$`, `$$`, `\(` or `\[` wrapper. */
function latexRange(source: string): BlockRange | undefined {
	const range = trimmedRange(source);
	if (!range) return undefined;
	const { start, end } = range;
	for (const [open, close] of wrappers) {
		const fits = end - start >= open.length + close.length;
		if (fits && source.startsWith(open, start) && source.endsWith(close, end)) {
			return { start, end, contentStart: start + open.length, contentEnd: end - close.length };
		}
	}
	return range;
}

function singleBlockFrontEnd(
	language: LanguageId,
	mode: MathMode,
	rangeOf: (source: string) => BlockRange | undefined,
): FrontEnd {
	const analyze = (source: string): FoundLoss | undefined => {
		const range = rangeOf(source);
		if (!range) return undefined;
		const lines = new LineIndex(source);
		const result = analyzeBlock(lines, range, mode);
		if (result.unparsable && result.error) throw result.error;
		return foundLoss(lines, range, result, language);
	};
	return {
		list(source: string): FoundLoss[] {
			const found = analyze(source);
			return found ? [found] : [];
		},
		lower(source: string, options: LowerOptions): LoweredLoss {
			const lines = new LineIndex(source);
			const range = rangeOf(source);
			const result = range && analyzeBlock(lines, range, mode);
			if (result?.error) throw result.error;
			const found = range && result ? foundLoss(lines, range, result, language) : undefined;
			if (found?.kind === 'error') throw found.error;
			const sites = found ? [found.site] : [];
			const site = pickLoss(sites, options, lines.span(0, source.length));
			return { graph: result!.graph!, site };
		},
	};
}

/** Plain math: `(x-1)^2 + 1`, `f(x, y) = x^2 + 3y^2`, `y = (x - 1)^2 + 1`. */
export const mathFrontEnd: FrontEnd = singleBlockFrontEnd('math', 'math', trimmedRange);

/** A LaTeX formula: `f(x) = \frac{1}{2}\left(x - 1\right)^{2}`, optionally wrapped in `$...$` or `\[...\]`. */
export const latexFrontEnd: FrontEnd = singleBlockFrontEnd('latex', 'latex', latexRange);
