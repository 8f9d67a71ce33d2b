/**
 * Answers the panel's `requestBatchNoise` in the engine's worker: at the session's current point, the full-batch
 * gradient and the gradients of `count` mini-batches drawn as the session would draw them (its batch size and seed;
 * an eighth of the samples when the session uses the full batch). Nothing for a loss that is not over data.
 */
import { batchNoise, type Loss } from '../../engine/index';
import type { BatchNoiseInfo } from '../../shared/messages';
import type { BatchNoiseParams } from './exploreProtocol';

export function batchNoiseFor(loss: Loss, params: BatchNoiseParams): BatchNoiseInfo | null {
	const sampleCount = loss.sampleCount;
	if (sampleCount < 2) return null;
	const { batchSize: chosen, seed, withReplacement, count } = params;
	const batchSize = chosen > 0 && chosen < sampleCount ? chosen : Math.max(1, Math.floor(sampleCount / 8));
	const noise = batchNoise(loss, params.at, { batchSize, seed, withReplacement, count });
	return { step: params.step, full: Array.from(noise.full), batches: noise.batches, batchSize: noise.batchSize, sampleCount };
}
