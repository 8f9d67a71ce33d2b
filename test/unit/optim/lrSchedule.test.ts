/**
 * Learning-rate schedules against the closed forms of PyTorch's StepLR, ExponentialLR, CosineAnnealingLR and LinearLR
 * (https://pytorch.org/docs/stable/optim.html), and the CLI text form: round trips and errors. The schedules step
 * recursively as PyTorch's `scheduler.step()` does, which differs from the closed form in the last bits (1e-14
 * relative here); scheduleTrajectories.test.ts holds them to PyTorch's own rates.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
	formatSchedule,
	learningRateAt,
	parseSchedule,
	type ScheduleSpec,
	ScheduleSyntaxError,
} from '../../../src/engine/optim/lrSchedule';

const steps = Array.from({ length: 60 }, (_, t) => t);

/** `actual` within 1e-14 relative of `expected`. */
function expectNear(actual: number, expected: number, label?: string): void {
	expect(Math.abs(actual - expected), label).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
}

describe('learningRateAt', () => {
	it('constant', () => {
		for (const t of steps) {
			expect(learningRateAt({ kind: 'constant' }, 0.1, t)).toBe(0.1);
		}
	});

	it('step: lr * gamma^floor(t / step_size), gamma 0.1 by default', () => {
		for (const t of steps) {
			expectNear(learningRateAt({ kind: 'step', step_size: 7, gamma: 0.5 }, 0.2, t), 0.2 * 0.5 ** Math.floor(t / 7));
			expectNear(learningRateAt({ kind: 'step', step_size: 30 }, 1, t), 0.1 ** Math.floor(t / 30));
		}
		// PyTorch's StepLR example: lr = 0.05 for epochs 0-29, 0.005 for 30-59.
		expect(learningRateAt({ kind: 'step', step_size: 30 }, 0.05, 29)).toBe(0.05);
		expect(learningRateAt({ kind: 'step', step_size: 30 }, 0.05, 30)).toBeCloseTo(0.005, 17);
	});

	it('exponential: lr * gamma^t', () => {
		for (const t of steps) {
			expectNear(learningRateAt({ kind: 'exponential', gamma: 0.9 }, 0.3, t), 0.3 * 0.9 ** t);
		}
	});

	it('cosine: eta_min + (lr - eta_min)(1 + cos(pi t / T_max)) / 2', () => {
		const spec: ScheduleSpec = { kind: 'cosine', T_max: 20, eta_min: 0.001 };
		for (const t of steps) {
			const expected = 0.001 + ((0.1 - 0.001) * (1 + Math.cos((Math.PI * t) / 20))) / 2;
			expectNear(learningRateAt(spec, 0.1, t), expected);
		}
		expect(learningRateAt(spec, 0.1, 0)).toBe(0.1);
		expectNear(learningRateAt(spec, 0.1, 20), 0.001);
		expectNear(learningRateAt(spec, 0.1, 10), (0.1 + 0.001) / 2);
		expect(learningRateAt({ kind: 'cosine', T_max: 4 }, 1, 4)).toBeCloseTo(0, 16);
	});

	it('warmup: LinearLR from start_factor (1/3 by default) to 1 over `steps`, then flat', () => {
		const spec: ScheduleSpec = { kind: 'warmup', steps: 4, start_factor: 0.5 };
		// PyTorch's LinearLR example (start_factor=0.5, total_iters=4, lr=0.05): 0.025, 0.03125, 0.0375, 0.04375, 0.05.
		const documented = [0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05, 0.05];
		[0, 1, 2, 3, 4, 5, 50].forEach((t, i) => {
			expect(learningRateAt(spec, 0.05, t), `t=${t}`).toBeCloseTo(documented[i]!, 16);
		});
		for (const t of steps) {
			const expected = 0.3 * (1 / 3 + ((1 - 1 / 3) * Math.min(10, t)) / 10);
			expectNear(learningRateAt({ kind: 'warmup', steps: 10 }, 0.3, t), expected);
		}
	});

	it('rejects negative and fractional steps', () => {
		expect(() => learningRateAt({ kind: 'constant' }, 0.1, -1)).toThrow(RangeError);
		expect(() => learningRateAt({ kind: 'constant' }, 0.1, 1.5)).toThrow(RangeError);
	});
});

describe('parseSchedule', () => {
	it.each([
		['constant', { kind: 'constant' }],
		['step:step_size=30,gamma=0.5', { kind: 'step', step_size: 30, gamma: 0.5 }],
		['step:step_size=30', { kind: 'step', step_size: 30 }],
		['exponential:gamma=0.9', { kind: 'exponential', gamma: 0.9 }],
		['cosine:T_max=100,eta_min=0', { kind: 'cosine', T_max: 100, eta_min: 0 }],
		['cosine:T_max=100', { kind: 'cosine', T_max: 100 }],
		['warmup:steps=10', { kind: 'warmup', steps: 10 }],
		['warmup:steps=10,start_factor=0.25', { kind: 'warmup', steps: 10, start_factor: 0.25 }],
		[' step : gamma = 1e-1 , step_size = 5 ', { kind: 'step', step_size: 5, gamma: 0.1 }],
		['exponential:gamma=.5', { kind: 'exponential', gamma: 0.5 }],
	] as const)('%s', (text, spec) => {
		expect(parseSchedule(text)).toEqual(spec);
	});

	it.each([
		['', /unknown schedule ''/],
		['lambda:steps=3', /unknown schedule 'lambda'.*expected one of constant, step, multistep, constantlr, linear, warmup/],
		['linear:steps=3', /unknown parameter 'steps' for schedule 'linear'.*it takes start_factor, end_factor, total_iters/],
		['step', /schedule 'step' needs step_size \(a positive integer\), as in 'step:step_size=30,gamma=0.5'/],
		['step:gamma=0.5', /needs step_size/],
		['step:step_size=0', /step_size must be a positive integer, got '0'/],
		['step:step_size=2.5', /step_size must be a positive integer/],
		['step:step_size=10,gamma=-1', /gamma must be >= 0, got '-1'/],
		['step:step_size=10,step_size=20', /'step_size' is given twice/],
		['step:step_size=10,lr=1', /unknown parameter 'lr' for schedule 'step'.*it takes step_size, gamma/],
		['exponential:gamma=', /gamma must be >= 0, got ''/],
		['exponential:gamma=abc', /gamma must be >= 0, got 'abc'/],
		['exponential:gamma=0x10', /got '0x10'/],
		['exponential:gamma=1e999', /got '1e999'/],
		['exponential:gamma', /gamma must be >= 0, got ''/],
		['cosine:eta_min=0', /needs T_max/],
		['warmup:steps=5,start_factor=0', /start_factor must be in \(0, 1\]/],
		['warmup:steps=5,start_factor=1.5', /start_factor must be in \(0, 1\]/],
		['constant:gamma=1', /it takes no parameters/],
		['step:step_size=3,,gamma=1', /unknown parameter ''/],
	])('%j is rejected', (text, message) => {
		let error: unknown;
		try {
			parseSchedule(text);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ScheduleSyntaxError);
		expect((error as Error).name).toBe('ScheduleSyntaxError');
		expect((error as Error).message).toMatch(message);
	});
});

describe('formatSchedule', () => {
	it('writes the CLI form', () => {
		expect(formatSchedule({ kind: 'constant' })).toBe('constant');
		expect(formatSchedule({ kind: 'step', step_size: 30, gamma: 0.5 })).toBe('step:step_size=30,gamma=0.5');
		expect(formatSchedule({ kind: 'cosine', T_max: 100 })).toBe('cosine:T_max=100');
		expect(formatSchedule({ kind: 'warmup', steps: 10, start_factor: 1 / 3 })).toBe(
			'warmup:steps=10,start_factor=0.3333333333333333',
		);
	});

	const positiveInteger = fc.integer({ min: 1, max: 1_000_000 });
	const nonNegative = fc.double({ min: 0, max: 1e6, noNaN: true });
	const factor = fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true });
	const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
		fc.option(arbitrary, { nil: undefined });
	const withoutUndefined = (spec: Record<string, unknown>): ScheduleSpec =>
		Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as ScheduleSpec;

	const specs: fc.Arbitrary<ScheduleSpec> = fc.oneof(
		fc.constant<ScheduleSpec>({ kind: 'constant' }),
		fc
			.record({ step_size: positiveInteger, gamma: optional(nonNegative) })
			.map((r) => withoutUndefined({ kind: 'step', ...r })),
		nonNegative.map((gamma): ScheduleSpec => ({ kind: 'exponential', gamma })),
		fc
			.record({ T_max: positiveInteger, eta_min: optional(nonNegative) })
			.map((r) => withoutUndefined({ kind: 'cosine', ...r })),
		fc
			.record({ steps: positiveInteger, start_factor: optional(factor) })
			.map((r) => withoutUndefined({ kind: 'warmup', ...r })),
	);

	it('round-trips through parseSchedule, exactly', () => {
		fc.assert(
			fc.property(specs, (spec) => {
				expect(parseSchedule(formatSchedule(spec))).toEqual(spec);
			}),
		);
	});

	it('parseSchedule output formats back to a text that parses to the same spec', () => {
		fc.assert(
			fc.property(specs, (spec) => {
				const text = formatSchedule(spec);
				expect(formatSchedule(parseSchedule(text))).toBe(text);
			}),
		);
	});
});
