/**
 * Answers the panel's `requestLineSearch` in the engine's worker: the loss along −∇L from the session's current
 * point, where the next update lands on that line, the line minimum and the verdict (`lineSlice.ts`; about 150
 * evaluations).
 */
import { lineSlice, type Loss } from '../../engine/index';
import type { LineSearchInfo } from '../../shared/messages';
import type { LineSearchParams } from './exploreProtocol';

export function lineSearchFor(loss: Loss, { at, gradient, next, learningRate, step, optimizer }: LineSearchParams): LineSearchInfo {
	const line = lineSlice(loss, at, gradient, next, learningRate);
	return {
		step,
		optimizer,
		learningRate,
		alphaMax: line.alphaMax,
		values: line.values,
		loss: line.loss,
		stepAlpha: line.stepAlpha,
		stepLineLoss: line.stepLineLoss,
		stepLoss: line.stepLoss,
		stepAngle: line.stepAngle,
		...(line.minimum ? { minimum: line.minimum } : {}),
		ratio: line.ratio,
		verdict: line.verdict,
	};
}
