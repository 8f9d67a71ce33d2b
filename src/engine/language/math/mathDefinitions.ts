/**
 * Functions a Markdown note defines for its later blocks: a block `\sigma(z) = \frac{1}{1 + e^{-z}}` (a name with a
 * signature) makes `\sigma(w x + b)` in any later block a call, inlined with its arguments for the parameters. Only
 * earlier blocks are visible, so definitions cannot recurse; the Markdown front end collects them block by block.
 */
import type { Expr } from './mathAst';

/** A function defined by an earlier block: its parameters and the right side of its equation. */
export interface MathDefinition {
	readonly name: string;
	readonly params: readonly string[];
	readonly body: Expr;
}

/** The definitions visible to a block, by name. */
export type MathDefinitions = ReadonlyMap<string, MathDefinition>;

export const noDefinitions: MathDefinitions = new Map();
