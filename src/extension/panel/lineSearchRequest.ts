/**
 * Answers the panel's `requestLineSearch`: the loss along −∇L from the session's current point, where the next
 * update lands on that line, the line minimum and the verdict (`lineSlice.ts`; about 150 evaluations, so it runs at
 * once).
 */
import { lineSlice } from '../../engine/landscape/lineSlice';
import type { LineSearchInfo } from '../../shared/messages';
import type { SessionController } from '../session/sessionController';

export function lineSearchFor(controller: SessionController): LineSearchInfo {
	const session = controller.session;
	const snapshot = session.snapshot();
	const line = lineSlice(controller.loss, snapshot.x, snapshot.gradient, session.peekNext(), snapshot.learningRate);
	return {
		step: snapshot.step,
		optimizer: snapshot.optimizer.name,
		learningRate: snapshot.learningRate,
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
