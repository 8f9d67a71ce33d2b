/**
 * What each exploration request does, given its loss: the same functions answer in the engine's worker (the loss
 * compiled from the request's source) and in-process for a session with no worker (its own loss).
 */
import type { Loss } from '../../engine/index';
import { batchNoiseFor } from './batchNoiseRequest';
import { bruteForceFor } from './bruteForceRequest';
import type { ExploreMethod, ExploreMethods } from './exploreProtocol';
import { graphAtPoint } from './graphAtPoint';
import { landscapeFor } from './landscapeRequest';
import { lineSearchFor } from './lineSearchRequest';
import { SlicedRuns } from './slicedRuns';

export type ExploreHandlers = { [M in ExploreMethod]: (loss: Loss, params: ExploreMethods[M]['params']) => ExploreMethods[M]['result'] };

/** A set of handlers with its own sliced runs (one worker's, or one in-process host's). */
export function exploreHandlers(): ExploreHandlers {
	const runs = new SlicedRuns();
	return {
		landscape: landscapeFor,
		bruteForce: bruteForceFor,
		batchNoise: batchNoiseFor,
		lineSearch: lineSearchFor,
		graph: (loss, { at }) => graphAtPoint(loss, at),
		basinsSlice: (loss, params) => runs.basins(loss, params),
		sweepSlice: (loss, params) => runs.sweep(loss, params),
		restartsSlice: (loss, params) => runs.restarts(loss, params),
	};
}
