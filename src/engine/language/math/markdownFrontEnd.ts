/**
 * The Markdown front end: every math block of a note (found by `markdownMath.ts`) that defines a computable scalar
 * function of at least one variable is a loss, with spans in the Markdown file's lines and columns.
 *
 * Which blocks count:
 * - An equation (`\(y = (x - 1)^2 + 1\)`) is a loss named by its left side, or an error entry saying why it is not
 *   one (`w_{new} = w - \eta \cdot \nabla_w L` "uses \nabla: an update rule, not a loss"; `L = f(a, b, ...)` calls an
 *   unknown function). An equation without variables (`\(\eta = 0.1\)`) is a setting in prose and is skipped.
 * - A block without `=` is a loss named `f` when it computes a function of some variable (`$$ (x-1)^2 $$`);
 *   otherwise it is notation in prose (`\(w\)`, `\(\nabla_w L\)`, `$O(n)$` aside) and is skipped silently.
 *
 * `lower` picks by name among the computable blocks (the first one when several share a name, as `y` may be
 * defined twice), and otherwise follows `pickLoss`. Naming a block that exists only as an error throws its error.
 */
import type { LossGraph } from '../../graph/node';
import { pickLoss } from '../frontEnd';
import type { FoundLoss, FrontEnd, LossSite, LowerOptions, LoweredLoss } from '../frontEnd';
import { LineIndex } from './lineIndex';
import { analyzeBlock, foundLoss } from './mathBlock';
import { findMathBlocks } from './markdownMath';

interface Candidate {
	readonly found: FoundLoss;
	readonly graph?: LossGraph;
}

function candidates(source: string, lines: LineIndex): Candidate[] {
	const out: Candidate[] = [];
	for (const block of findMathBlocks(source)) {
		const result = analyzeBlock(lines, block, 'latex');
		const variables = result.graph?.params.length ?? 0;
		const prose = result.isEquation
			? !result.error && variables === 0
			: result.error || result.lone || variables === 0;
		if (prose) continue;
		out.push({ found: foundLoss(lines, block, result, 'markdown'), graph: result.graph });
	}
	return out;
}

export const markdownFrontEnd: FrontEnd = {
	list(source: string): FoundLoss[] {
		return candidates(source, new LineIndex(source)).map((c) => c.found);
	},

	lower(source: string, options: LowerOptions): LoweredLoss {
		const lines = new LineIndex(source);
		const all = candidates(source, lines);
		const losses: { name: string; site: LossSite; graph: LossGraph }[] = [];
		for (const { found, graph } of all) {
			if (found.kind === 'loss') losses.push({ name: found.site.name, site: found.site, graph: graph! });
		}
		const failed = all.flatMap((c) => (c.found.kind === 'error' ? [c.found] : []));
		const named = options.name;
		if (named !== undefined && !losses.some((l) => l.name === named)) {
			const failure = failed.find((f) => f.name === named);
			if (failure) throw failure.error;
		}
		if (losses.length === 0 && failed[0]) throw failed[0].error;
		const chosen = pickLoss(losses, named, lines.span(0, source.length));
		return { graph: chosen.graph, site: chosen.site };
	},
};
