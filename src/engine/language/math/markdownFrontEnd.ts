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
 * A block that defines a function with a signature (`\sigma(z) = \frac{1}{1 + e^{-z}}`) makes it callable in the
 * later blocks (`mathDefinitions.ts`).
 *
 * `lower` takes the block under `options.at` when there is one (a CodeLens's block, the cursor's), which tells apart
 * blocks that share a name; a block that failed throws its error there, never another block's loss. Otherwise it
 * picks by name among the computable blocks (the first when several share it; the failed block when only that one
 * has the name), else follows `pickLoss`: in a note, a failed block is prose, not a candidate.
 */
import type { LossGraph } from '../../graph/node';
import { chooseLoss } from '../chooseLoss';
import { pickLoss } from '../frontEnd';
import type { FoundLoss, FrontEnd, LowerOptions, LoweredLoss } from '../frontEnd';
import { LineIndex } from './lineIndex';
import { analyzeBlock, foundLoss } from './mathBlock';
import { findMathBlocks } from './markdownMath';
import type { MathDefinition } from './mathDefinitions';

interface Candidate {
	readonly found: FoundLoss;
	readonly graph?: LossGraph;
}

function candidates(source: string, lines: LineIndex): Candidate[] {
	const out: Candidate[] = [];
	const definitions = new Map<string, MathDefinition>();
	for (const block of findMathBlocks(source)) {
		const result = analyzeBlock(lines, block, 'latex', definitions);
		if (result.definition) definitions.set(result.definition.name, result.definition);
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
		const all = candidates(source, lines).map((c) => {
			const { name, span } = c.found.kind === 'loss' ? c.found.site : c.found;
			return { name, span, ...c };
		});
		const computable = all.filter((c) => c.found.kind === 'loss');
		const under = options.at && chooseLoss(all, { name: options.name, at: options.at });
		const failed = options.name !== undefined && !computable.some((c) => c.name === options.name)
			? all.find((c) => c.name === options.name)
			: undefined;
		const chosen = under ?? failed ?? (computable.length === 0 ? all[0] : undefined)
			?? pickLoss(computable, { name: options.name }, lines.span(0, source.length));
		if (chosen.found.kind === 'error') throw chosen.found.error;
		return { graph: chosen.graph!, site: chosen.found.site };
	},
};
