/**
 * Turning many end points into a few minima: greedy clustering by distance, then labels (global = the best loss
 * found, local = the others). Shared by random restarts and basin maps.
 */
import type { StopReason } from './stopReason';

export interface FoundMinimum {
	readonly x: readonly number[];
	readonly loss: number;
	/** How many starts ended here. */
	readonly count: number;
	readonly kind: 'global' | 'local';
}

export interface Cluster {
	x: readonly number[];
	loss: number;
	count: number;
}

/** A point joins the first cluster within `radius` (the lower loss represents it); diverged runs are left out. */
export function clusterEnds(
	ends: readonly { readonly end: readonly number[]; readonly loss: number; readonly stop: StopReason }[],
	radius: number,
): Cluster[] {
	const clusters: Cluster[] = [];
	for (const e of ends) {
		if (e.stop.kind === 'diverged' || !Number.isFinite(e.loss)) continue;
		const home = clusters.find((c) => distance(c.x, e.end) <= radius);
		if (!home) clusters.push({ x: e.end, loss: e.loss, count: 1 });
		else {
			home.count++;
			if (e.loss < home.loss) Object.assign(home, { x: e.end, loss: e.loss });
		}
	}
	return clusters;
}

/** Sorts clusters by loss and labels those within 1e-9 (relative) of the best as global. */
export function labelMinima(clusters: readonly Cluster[]): FoundMinimum[] {
	const bestLoss = Math.min(...clusters.map((c) => c.loss));
	const tie = 1e-9 * Math.max(1, Math.abs(bestLoss));
	return [...clusters]
		.sort((a, b) => a.loss - b.loss)
		.map((c) => ({ x: c.x, loss: c.loss, count: c.count, kind: c.loss <= bestLoss + tie ? 'global' : 'local' }));
}

/** Index of the minimum closest to `x`, or -1 when there are none. */
export function nearestMinimum(minima: readonly FoundMinimum[], x: readonly number[]): number {
	let best = -1;
	let bestDistance = Infinity;
	minima.forEach((m, i) => {
		const d = distance(m.x, x);
		if (d < bestDistance) [best, bestDistance] = [i, d];
	});
	return best;
}

export function distance(a: readonly number[], b: readonly number[]): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
	return Math.sqrt(s);
}
