/**
 * Answers the panel's `requestBruteForce`: a grid search of the view through the current point (k or k² loss
 * evaluations, at most 250,000, a few milliseconds for a small loss, so it runs at once), with what gradient descent
 * has spent to reach its current step for comparison, and kⁿ for all parameters as a power of ten.
 */
import { bruteForceCombinations, gridSearch } from '../../engine/landscape/bruteForce';
import type { BruteForceInfo, RequestBruteForceMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';

/** The study note's example: 500,000 weights of 1000 values each. */
export const noteExample = { k: 1000, n: 500_000 } as const;

/** The brute-force comparison, or undefined when the axes name no parameter of the loss. */
export function bruteForceFor(controller: SessionController, request: RequestBruteForceMessage): BruteForceInfo | undefined {
	const d = controller.loss.params.length;
	const [ax, ay] = request.axes;
	if (ax < 0 || ax >= d || ay >= d || ay === ax) return undefined;
	const snapshot = controller.session.snapshot();
	const { range, k } = request;
	const result = gridSearch(controller.loss, { at: snapshot.x, axes: [ax, ay], ...range, k });
	return {
		axes: [ax, ay],
		k,
		evaluations: result.evaluations,
		best: Array.from(result.best),
		bestLoss: result.bestLoss,
		descentEvaluations: snapshot.step + 1,
		descentLoss: snapshot.loss,
		log10AllParameters: bruteForceCombinations(k, d),
		log10NoteExample: bruteForceCombinations(noteExample.k, noteExample.n),
	};
}
