/**
 * The current point of a session snapshot as plain JSON-ready numbers, shared by the commands' results
 * (`commandContext.ts`) and the point the panel gets (`panel/panelSnapshot.ts`).
 */
import type { SessionSnapshot } from '../../engine/index';

export interface PlainPoint {
	readonly step: number;
	readonly historyLength: number;
	readonly x: number[];
	readonly loss: number;
	readonly gradient: number[];
	readonly gradientNorm: number;
	readonly learningRate: number;
}

export function plainPoint(snapshot: SessionSnapshot): PlainPoint {
	return {
		step: snapshot.step,
		historyLength: snapshot.historyLength,
		x: Array.from(snapshot.x),
		loss: snapshot.loss,
		gradient: Array.from(snapshot.gradient),
		gradientNorm: snapshot.gradientNorm,
		learningRate: snapshot.learningRate,
	};
}
