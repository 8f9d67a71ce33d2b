/**
 * Mini-batch noise at a point (the study note's next topic, SGD with mini-batches): the full-batch gradient and the
 * gradients of `count` seeded mini-batches, the same batches the session's updates 0, 1, 2, … would draw
 * (`batchForStep`). Their spread around the full gradient is the noise SGD steps with.
 */
import type { Loss } from '../compileLoss';
import { batchForStep } from './miniBatch';

export interface BatchNoise {
	readonly full: Float64Array;
	/** `count` gradients of `params.length` numbers each. */
	readonly batches: Float64Array;
	readonly batchSize: number;
}

/** Full and mini-batch gradients of `loss` at `x` (batches of `batchSize` of its `sampleCount` samples). */
export function batchNoise(loss: Loss, x: ArrayLike<number>, plan: { batchSize: number; seed: number; withReplacement: boolean; count: number }): BatchNoise {
	const d = loss.params.length;
	const full = new Float64Array(d);
	loss.valueAndGradient(x, full);
	const sampleCount = loss.sampleCount;
	const batchSize = Math.max(1, Math.min(plan.batchSize, sampleCount));
	const batches = new Float64Array(plan.count * d);
	const gradient = new Float64Array(d);
	for (let k = 0; k < plan.count && sampleCount > 0; k++) {
		const batch = batchForStep({ batchSize, sampleCount, seed: plan.seed, withReplacement: plan.withReplacement }, k);
		loss.valueAndGradient(x, gradient, batch);
		batches.set(gradient, k * d);
	}
	return { full, batches, batchSize };
}
