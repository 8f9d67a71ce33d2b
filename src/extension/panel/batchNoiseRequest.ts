/**
 * Answers the panel's `requestBatchNoise`: at the session's current point, the full-batch gradient and the
 * gradients of `count` mini-batches drawn as the session would draw them (its batch size and seed; an eighth of the
 * samples when the session uses the full batch). Nothing for a loss that is not over data.
 */
import { batchNoise } from '../../engine/session/batchNoise';
import type { BatchNoiseInfo, RequestBatchNoiseMessage } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';

export function batchNoiseFor(controller: SessionController, request: RequestBatchNoiseMessage): BatchNoiseInfo | undefined {
	const sampleCount = controller.loss.sampleCount;
	if (sampleCount < 2) return undefined;
	const { batchSize: chosen, seed, withReplacement } = controller.session.settings;
	const batchSize = chosen > 0 && chosen < sampleCount ? chosen : Math.max(1, Math.floor(sampleCount / 8));
	const snapshot = controller.session.snapshot();
	const noise = batchNoise(controller.loss, snapshot.x, { batchSize, seed, withReplacement, count: request.count });
	return { step: snapshot.step, full: Array.from(noise.full), batches: noise.batches, batchSize: noise.batchSize, sampleCount };
}
