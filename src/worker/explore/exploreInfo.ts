/**
 * The engine's exploration results in the protocol's shapes: random restarts (starts, ends, minima) and basin maps
 * (labels per cell, minima). Pure conversions; the panel draws what these return.
 */
import type { BasinMap, FoundMinimum, RestartsResult } from '../../engine/index';
import type { BasinsInfo, MinimumInfo, RestartsInfo } from '../../shared/messages';

export function minimumInfo(minimum: FoundMinimum): MinimumInfo {
	return { x: [...minimum.x], loss: minimum.loss, count: minimum.count, kind: minimum.kind };
}

/** Restarts as the panel draws them: `d` numbers per start and per end. */
export function restartsInfo(result: RestartsResult, d: number): RestartsInfo {
	const starts = new Float64Array(result.runs.length * d);
	const ends = new Float64Array(result.runs.length * d);
	result.runs.forEach((run, k) => {
		starts.set(run.start, k * d);
		ends.set(run.end, k * d);
	});
	return { starts, ends, runMinimum: result.runs.map((run) => run.minimum), minima: result.minima.map(minimumInfo) };
}

/** A (partial) basin map, `progress` of its cells computed. */
export function basinsInfo(map: BasinMap, progress: number): BasinsInfo {
	const { xMin, xMax, yMin, yMax, nx, ny } = map.request;
	return { range: { xMin, xMax, yMin, yMax }, nx, ny, labels: map.labels, minima: map.minima.map(minimumInfo), progress };
}
