// The library session (OptimizationSession) checks what it is given as the CLI and the extension do: a start point
// of finite numbers, a schedule with its parameters in range.
import { describe, expect, it } from 'vitest';
import type { ScheduleSpec } from '../../../src/engine/optim/lrSchedule';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { quadratic, rosenbrock } from './sessionFixtures';

describe('OptimizationSession inputs', () => {
	it.each([
		[['1', 2], /value 1 is "1"/],
		[[Number.NaN, 2], /value 1 is NaN/],
		[[0, Number.POSITIVE_INFINITY], /value 2 is Infinity/],
		[[0], /needs 2 values, got 1/],
	])('refuses the start %j', (start, message) => {
		expect(() => new OptimizationSession(rosenbrock(), {}, start as number[])).toThrow(message);
		expect(() => new OptimizationSession(rosenbrock()).restart(start as number[])).toThrow(message);
	});

	it.each([
		[{ kind: 'step', step_size: 0 }, /step_size must be a positive integer/],
		[{ kind: 'step', step_size: 2.5 }, /step_size must be a positive integer/],
		[{ kind: 'exponential', gamma: -1 }, /gamma must be >= 0/],
		[{ kind: 'exponential' }, /needs gamma/],
		[{ kind: 'cosine', T_max: 10, bogus: 1 }, /unknown parameter 'bogus'/],
		[{ kind: 'sometimes' }, /unknown schedule "sometimes"/],
	])('refuses the schedule %j', (schedule, message) => {
		expect(() => new OptimizationSession(quadratic(), { schedule: schedule as unknown as ScheduleSpec })).toThrow(message);
		expect(() => new OptimizationSession(quadratic()).updateSettings({ schedule: schedule as unknown as ScheduleSpec })).toThrow(message);
	});

	it('takes valid ones: StepLR halves the rate every 2 updates', () => {
		const s = new OptimizationSession(quadratic(), { optimizerOptions: { lr: 0.1 }, schedule: { kind: 'step', step_size: 2, gamma: 0.5 } }, [3]);
		s.step(4);
		expect(Array.from({ length: 5 }, (_, k) => s.history.learningRate(k))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
	});
});
