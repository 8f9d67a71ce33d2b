/**
 * Every scheduler against PyTorch itself (test/fixtures/torch/scheduleTrajectories.py, torch 1.13, float64): per
 * update the learning rate and the cycled momentum or beta1 (OneCycleLR, CyclicLR) PyTorch's param group held, and
 * the point after 100 updates of SGD, RMSprop or Adam on a quadratic, Rosenbrock and a loss over data, to 1e-10
 * relative. The schedule of each case is parsed from the text the script wrote, so the CLI grammar is exercised too.
 * ReduceLROnPlateau is fed the loss each update started from, as the script's loop does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parseSchedule, scheduleKinds } from '../../../src/engine/optim/lrSchedule';
import type { OptimizerName, OptionValue } from '../../../src/engine/optim/optimizer';
import { createOptimizer } from '../../../src/engine/optim/optimizers';
import { ScheduledOptimizer } from '../../../src/engine/optim/scheduledOptimizer';
import { maxRelativeDifference } from './harness';
import { torchLosses, type TorchLossName } from './torchLosses';

interface ScheduleCase {
	readonly optimizer: OptimizerName;
	readonly options: Record<string, OptionValue>;
	readonly schedule: string;
	readonly function: TorchLossName;
	readonly rates: number[];
	readonly momenta: (number | null)[];
	readonly points: number[][];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/torch/scheduleTrajectories.json'), 'utf8')) as {
	data: { x: number[]; y: number[] };
	cases: ScheduleCase[];
};
const losses = torchLosses(fixture.data);

function run(c: ScheduleCase) {
	const fn = losses[c.function];
	const scheduled = new ScheduledOptimizer(createOptimizer(c.optimizer, c.options), parseSchedule(c.schedule));
	const params = Float64Array.from(c.points[0]!);
	const state = scheduled.optimizer.init(2);
	const recorded: number[] = [];
	const lossAt = (j: number): number => recorded[j]!;
	const points = [Array.from(params)];
	const rates: number[] = [];
	const momenta: number[] = [];
	for (let k = 0; k < c.rates.length; k++) {
		const { value, gradient } = fn(params[0]!, params[1]!);
		recorded.push(value);
		const lr = scheduled.learningRate(k, lossAt);
		rates.push(lr);
		const m = scheduled.momentum(k, lossAt);
		if (m !== undefined) momenta.push(m);
		scheduled.optimizerAt(k, lossAt).step(state, params, Float64Array.from(gradient), lr);
		points.push(Array.from(params));
	}
	return { points, rates, momenta, cycles: scheduled.cyclesMomentum };
}

describe('schedulers against PyTorch (100 updates, float64)', () => {
	it('covers every scheduler kind, with momentum cycling on SGD, RMSprop and Adam', () => {
		const kinds = new Set(fixture.cases.map((c) => parseSchedule(c.schedule).kind));
		expect([...kinds].sort()).toEqual(scheduleKinds.filter((k) => k !== 'constant').sort());
		const cycled = fixture.cases.filter((c) => /^(onecycle|cyclic)/.test(c.schedule) && !c.schedule.includes('cycle_momentum=false'));
		expect(new Set(cycled.map((c) => c.optimizer))).toEqual(new Set(['sgd', 'rmsprop', 'adam']));
		expect(fixture.cases.every((c) => c.rates.length === 100 && c.points.length === 101)).toBe(true);
	});

	it.each(fixture.cases.map((c) => [`${c.optimizer} ${JSON.stringify(c.options)} ${c.schedule} on ${c.function}`, c] as const))('%s', (name, c) => {
		const { points, rates, momenta, cycles } = run(c);
		expect(maxRelativeDifference([rates], [c.rates], `${name}: rates`)).toBeLessThanOrEqual(1e-10);
		if (cycles) {
			expect(maxRelativeDifference([momenta], [c.momenta as number[]], `${name}: momenta`)).toBeLessThanOrEqual(1e-10);
			expect(new Set(c.momenta).size, `${name}: PyTorch cycled the momentum`).toBeGreaterThan(10);
		}
		expect(maxRelativeDifference(points, c.points, name)).toBeLessThanOrEqual(1e-10);
	});
});
