/**
 * Mini-batch sampling as a pure function of (seed, step): the batch used by update k can be recomputed at any time,
 * so step-back and replay need no saved generator state. Without replacement, each epoch is a fresh permutation of
 * the samples (reshuffled per epoch, as `torch.utils.data.DataLoader(shuffle=True)` does); with replacement, each
 * index is drawn independently.
 */
import { combineSeeds, seededRandom } from './random';

export interface BatchPlan {
	readonly batchSize: number;
	readonly sampleCount: number;
	readonly seed: number;
	readonly withReplacement: boolean;
}

/** The sample indices used by update `step` (0-based). */
export function batchForStep(plan: BatchPlan, step: number, into?: Int32Array): Int32Array {
	const size = Math.min(plan.batchSize, plan.sampleCount);
	const batch = into && into.length === size ? into : new Int32Array(size);
	if (plan.withReplacement) {
		const random = seededRandom(combineSeeds(plan.seed, step, 1));
		for (let i = 0; i < size; i++) batch[i] = Math.floor(random() * plan.sampleCount);
		return batch;
	}
	const perEpoch = Math.floor(plan.sampleCount / size);
	const epoch = Math.floor(step / perEpoch);
	const offset = (step % perEpoch) * size;
	const order = permutation(plan.sampleCount, combineSeeds(plan.seed, epoch, 2));
	for (let i = 0; i < size; i++) batch[i] = order[offset + i]!;
	return batch;
}

const permutationCache = new Map<string, Int32Array>();

/** Fisher–Yates shuffle of 0..n-1 under `seed` (Knuth, TAOCP vol. 2, Algorithm 3.4.2P). */
function permutation(n: number, seed: number): Int32Array {
	const key = `${n}:${seed}`;
	const cached = permutationCache.get(key);
	if (cached) return cached;
	const order = Int32Array.from({ length: n }, (_, i) => i);
	const random = seededRandom(seed);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const t = order[i]!;
		order[i] = order[j]!;
		order[j] = t;
	}
	if (permutationCache.size > 8) permutationCache.clear();
	permutationCache.set(key, order);
	return order;
}
