/**
 * How long the engine's worker may work on what Downhill does by itself (no command asked for it), and how large a
 * file it analyses unasked. One place, so README's Limits section and the code agree.
 */

/** Listing a document's losses. */
export const listBudgetMs = 3000;
/** `L(start)` of one loss for its CodeLens. */
export const startValueBudgetMs = 2000;
/** A hover's value and gradients. */
export const hoverBudgetMs = 2000;
/** A command the user ran on a loss (a gradient check): longer, the user is waiting for it. */
export const commandBudgetMs = 30000;
/** How long the CodeLens waits for `L(start)` before it shows the lens as pending and fills it in later. */
export const startValueGraceMs = 250;
/** Documents longer than this (in UTF-16 code units, about 1 MB) are not analysed until a command is run on them. */
export const analysedLengthLimit = 1_000_000;
/** One of the panel's explorations (a map, a line search, one slice of a basin map or a sweep). */
export const panelBudgetMs = 10000;
