/**
 * The webview's trajectory store keeps the learning rate of each update the host sends (the loss chart draws it on
 * its right axis under a schedule), NaN where a trajectory carries none (compared runs, older hosts), through
 * growth and a rewrite after a step back.
 */
import { describe, expect, it } from 'vitest';
import { TrajectoryStore } from '../../../src/webview/trajectoryStore';

const records = (losses: number[], rates?: number[]) => ({
	points: new Float64Array(losses.length),
	losses: Float64Array.from(losses),
	gradientNorms: new Float64Array(losses.length),
	...(rates ? { learningRates: Float64Array.from(rates) } : {}),
});

describe('TrajectoryStore learning rates', () => {
	it('keeps the rates sent, NaN where none were, across growth and a rewrite', () => {
		const store = new TrajectoryStore(1, 2);
		store.append(records([5, 4, 3], [0.1, 0.2, 0.3]));
		store.append(records([2]));
		expect(Array.from(store.learningRates.subarray(0, 4))).toEqual([0.1, 0.2, 0.3, NaN]);
		store.replaceFrom(1, records([4.5, 4.4], [0.05, 0.025]));
		expect(store.count).toBe(3);
		expect(Array.from(store.learningRates.subarray(0, 3))).toEqual([0.1, 0.05, 0.025]);
	});
});
