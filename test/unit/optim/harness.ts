/**
 * Drives the implementation the way the session will (one `Float64Array` of parameters, a fresh gradient array per
 * step, `lr` from outside) and compares trajectories with failure messages that name the case.
 */

import { expect } from 'vitest';

import type { OptionValue } from '../../../src/engine/optim/optimizer';
import { createOptimizer } from '../../../src/engine/optim/optimizers';
import type { ReferenceOptions } from './reference';
import type { TestFunction } from './testFunctions';

/** The implementation's trajectory, start included, for the same inputs as `referenceTrajectory`. */
export function implementationTrajectory(
	options: ReferenceOptions,
	fn: TestFunction,
	steps: number,
	lrAt: (t: number) => number = () => options.lr,
): number[][] {
	const { name, ...rest } = options;
	const optimizer = createOptimizer(name, rest as Record<string, OptionValue>);
	const params = Float64Array.from(fn.start);
	const state = optimizer.init(params.length);
	const points = [Array.from(params)];
	for (let t = 0; t < steps; t++) {
		const gradient = Float64Array.from(fn.gradient(params[0]!, params[1]!));
		optimizer.step(state, params, gradient, lrAt(t));
		points.push(Array.from(params));
	}
	return points;
}

/** Largest relative difference over all finite coordinate pairs; non-finite values must match exactly. */
export function maxRelativeDifference(actual: number[][], expected: number[][], label: string): number {
	expect(actual.length, label).toBe(expected.length);
	let worst = 0;
	actual.forEach((point, t) => {
		point.forEach((a, i) => {
			const e = expected[t]![i]!;
			if (!Number.isFinite(a) || !Number.isFinite(e)) {
				expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${label}: step ${t}, x${i}: ${a} vs ${e}`).toBe(
					true,
				);
				return;
			}
			const scale = Math.max(Math.abs(a), Math.abs(e));
			worst = Math.max(worst, scale === 0 ? 0 : Math.abs(a - e) / scale);
		});
	});
	return worst;
}

/** True once any coordinate is non-finite or has grown beyond `limit`. */
export function diverged(points: number[][], limit = 1e6): boolean {
	return points.some((point) => point.some((x) => !Number.isFinite(x) || Math.abs(x) > limit));
}
