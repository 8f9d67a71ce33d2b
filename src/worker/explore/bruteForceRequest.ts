/**
 * Answers the panel's `requestBruteForce` in the engine's worker: a grid search of the view through the current point
 * (k or k² loss evaluations, at most 250,000), with what gradient descent has spent to reach its current step for
 * comparison, and kⁿ for all parameters as a power of ten.
 */
import { bruteForceCombinations, gridSearch, type Loss } from '../../engine/index';
import type { BruteForceInfo } from '../../shared/messages';
import type { BruteForceParams } from './exploreProtocol';

/** The study note's example: 500,000 weights of 1000 values each. */
export const noteExample = { k: 1000, n: 500_000 } as const;

/** The brute-force comparison, or null when the axes name no parameter of the loss. */
export function bruteForceFor(loss: Loss, { at, step, loss: descentLoss, request }: BruteForceParams): BruteForceInfo | null {
	const d = loss.params.length;
	const [ax, ay] = request.axes;
	if (ax < 0 || ax >= d || ay >= d || ay === ax) return null;
	const { range, k } = request;
	const result = gridSearch(loss, { at, axes: [ax, ay], ...range, k });
	return {
		axes: [ax, ay],
		k,
		evaluations: result.evaluations,
		best: Array.from(result.best),
		bestLoss: result.bestLoss,
		descentEvaluations: step + 1,
		descentLoss,
		log10AllParameters: bruteForceCombinations(k, d),
		log10NoteExample: bruteForceCombinations(noteExample.k, noteExample.n),
	};
}
