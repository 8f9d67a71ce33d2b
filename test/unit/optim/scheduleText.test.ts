/**
 * The schedule grammar of `--schedule`, the setting and launch.json for the schedulers beyond step, exponential,
 * cosine and warm-up: lists, nested schedules, PyTorch's class names, and each check PyTorch's constructors make,
 * with the message the user sees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkSchedule, formatSchedule, parseSchedule, ScheduleSyntaxError, type ScheduleSpec } from '../../../src/engine/optim/lrSchedule';
import { createOptimizer } from '../../../src/engine/optim/optimizers';
import { ScheduledOptimizer } from '../../../src/engine/optim/scheduledOptimizer';

function errorOf(action: () => unknown): Error {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(ScheduleSyntaxError);
		return error as Error;
	}
	throw new Error('expected a ScheduleSyntaxError');
}

describe('parseSchedule, the schedulers of torch.optim.lr_scheduler', () => {
	it.each([
		['multistep:milestones=[30,80],gamma=0.5', { kind: 'multistep', milestones: [30, 80], gamma: 0.5 }],
		['MultiStepLR: milestones = [ 3 , 3 ]', { kind: 'multistep', milestones: [3, 3] }],
		['constantlr:factor=0.5,total_iters=4', { kind: 'constantlr', factor: 0.5, total_iters: 4 }],
		['ConstantLR', { kind: 'constantlr' }],
		['linear:start_factor=0.1,end_factor=0,total_iters=9', { kind: 'linear', start_factor: 0.1, end_factor: 0, total_iters: 9 }],
		['polynomial:power=0.5', { kind: 'polynomial', power: 0.5 }],
		['CosineAnnealingWarmRestarts:T_0=10,T_mult=2', { kind: 'cosine_restarts', T_0: 10, T_mult: 2 }],
		['onecyclelr:max_lr=0.1,total_steps=50,anneal_strategy=linear,three_phase=true', { kind: 'onecycle', max_lr: 0.1, total_steps: 50, anneal_strategy: 'linear', three_phase: true }],
		['onecycle:epochs=5,steps_per_epoch=20,cycle_momentum=false', { kind: 'onecycle', epochs: 5, steps_per_epoch: 20, cycle_momentum: false }],
		['cyclic:max_lr=0.1,mode=exp_range,gamma=0.99', { kind: 'cyclic', max_lr: 0.1, mode: 'exp_range', gamma: 0.99 }],
		['ReduceLROnPlateau:mode=max,threshold_mode=abs,patience=0', { kind: 'plateau', mode: 'max', threshold_mode: 'abs', patience: 0 }],
		[
			'sequential:schedulers=[linear:start_factor=0.1,total_iters=5; multistep:milestones=[10,20]],milestones=[5]',
			{ kind: 'sequential', schedulers: [{ kind: 'linear', start_factor: 0.1, total_iters: 5 }, { kind: 'multistep', milestones: [10, 20] }], milestones: [5] },
		],
		['chained:schedulers=[ConstantLR;exponential:gamma=0.9]', { kind: 'chained', schedulers: [{ kind: 'constantlr' }, { kind: 'exponential', gamma: 0.9 }] }],
	] as const)('%s', (text, spec) => {
		expect(parseSchedule(text)).toEqual(spec);
	});

	it.each([
		['constantlr:factor=0', /constantlr: factor must be in \(0, 1\], got '0'/],
		['constantlr:factor=1.5', /factor must be in \(0, 1\]/],
		['linear:end_factor=1.01', /linear: end_factor must be \[0, 1\], got '1.01'/],
		['linear:total_iters=0', /total_iters must be a positive integer/],
		['multistep:milestones=5', /milestones must be a list of non-negative integers such as \[30,80\], got '5'/],
		['multistep:milestones=[1.5]', /milestones must be a list of non-negative integers/],
		['multistep:gamma=0.5', /schedule 'multistep' needs milestones/],
		['cosine_restarts:T_0=5,T_mult=0', /T_mult must be a positive integer/],
		['cosine_restarts:T_0=5,T_mult=1.5', /T_mult must be a positive integer/],
		['onecycle:max_lr=0.1', /onecycle needs total_steps, or epochs and steps_per_epoch/],
		['onecycle:total_steps=10,epochs=2', /^(?!.*needs)/],
		['onecycle:total_steps=10,pct_start=1.5', /pct_start must be \[0, 1\]/],
		['onecycle:total_steps=10,anneal_strategy=cosine', /anneal_strategy must be one of cos, linear, got 'cosine'/],
		['onecycle:total_steps=10,three_phase=yes', /three_phase must be true or false, got 'yes'/],
		['cyclic:base_lr=0.1', /schedule 'cyclic' needs max_lr/],
		['cyclic:max_lr=1,mode=sine', /mode must be one of triangular, triangular2, exp_range/],
		['plateau:factor=1', /plateau: factor must be < 1, got '1'/],
		['plateau:mode=mid', /mode must be one of min, max/],
		['plateau:threshold_mode=pct', /threshold_mode must be one of rel, abs/],
		['plateau:patience=-1', /patience must be a non-negative integer/],
		['sequential:schedulers=[step:step_size=3; exponential:gamma=0.9],milestones=[]', /sequential needs one milestone fewer than schedulers \(schedulers \/ milestones: 2 \/ 0\)/],
		['sequential:schedulers=[step:step_size=3; plateau],milestones=[5]', /'plateau' cannot be one of the schedulers of 'sequential'/],
		['chained:schedulers=[onecycle:total_steps=9]', /'onecycle' cannot be one of the schedulers of 'chained'.*it takes step, multistep/],
		['chained:schedulers=[]', /schedulers must be a list of schedules/],
		['chained:schedulers=[cosine]', /schedule 'cosine' needs T_max/],
	])('%j is rejected', (text, message) => {
		if (message.source.startsWith('^(?!')) {
			expect(parseSchedule(text).kind).toBe('onecycle');
			return;
		}
		expect(errorOf(() => parseSchedule(text)).message).toMatch(message);
	});

	it('checks schedules given as objects (launch.json, the library) the same way, nested ones included', () => {
		const spec = { kind: 'sequential', schedulers: [{ kind: 'linear', total_iters: 5 }, { kind: 'cosine', T_max: 95 }], milestones: [5] };
		expect(checkSchedule(spec)).toEqual(spec);
		expect(checkSchedule({ kind: 'multistep', milestones: [2, 4] })).toEqual({ kind: 'multistep', milestones: [2, 4] });
		expect(errorOf(() => checkSchedule({ kind: 'plateau', factor: 2 })).message).toMatch(/factor must be < 1/);
		expect(errorOf(() => checkSchedule({ kind: 'nope' })).message).toMatch(/unknown schedule "nope"/);
	});

	it('OneCycleLR and CyclicLR cycle a momentum, so an optimizer without momentum or betas is refused unless cycle_momentum=false', () => {
		const message = errorOf(() => new ScheduledOptimizer(createOptimizer('adagrad'), parseSchedule('onecycle:total_steps=10'))).message;
		expect(message).toBe('onecycle cycles the momentum, and adagrad has neither momentum nor betas; add cycle_momentum=false');
		expect(() => new ScheduledOptimizer(createOptimizer('adagrad'), parseSchedule('cyclic:max_lr=1,cycle_momentum=false'))).not.toThrow();
		expect(new ScheduledOptimizer(createOptimizer('sgd'), parseSchedule('cyclic:max_lr=1')).cyclesMomentum).toBe(true);
	});
});

describe('formatSchedule of lists and nested schedules', () => {
	const positiveInteger = fc.integer({ min: 1, max: 10_000 });
	const milestones = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 });
	// The text form writes −0 as 0 (`p + 0` turns −0 into 0), as PyTorch's arguments would read it.
	const simple: fc.Arbitrary<ScheduleSpec> = fc.oneof(
		fc.record({ kind: fc.constant('multistep' as const), milestones, gamma: fc.double({ min: 0, max: 2, noNaN: true }) }),
		fc.record({ kind: fc.constant('polynomial' as const), total_iters: positiveInteger, power: fc.double({ min: -3, max: 3, noNaN: true }).map((p) => p + 0) }),
		fc.record({ kind: fc.constant('cosine_restarts' as const), T_0: positiveInteger, T_mult: positiveInteger }),
	);
	const specs: fc.Arbitrary<ScheduleSpec> = fc.oneof(
		simple,
		fc.array(simple, { minLength: 1, maxLength: 3 }).map((schedulers): ScheduleSpec => ({ kind: 'chained', schedulers })),
		fc.array(simple, { minLength: 1, maxLength: 3 }).chain((schedulers) =>
			fc.array(fc.integer({ min: 1, max: 100 }), { minLength: schedulers.length - 1, maxLength: schedulers.length - 1 })
				.map((m): ScheduleSpec => ({ kind: 'sequential', schedulers, milestones: m }))),
		fc.record({ kind: fc.constant('plateau' as const), mode: fc.constantFrom('min' as const, 'max' as const), patience: fc.nat(50) }),
	);

	it('round-trips through parseSchedule, exactly', () => {
		fc.assert(
			fc.property(specs, (spec) => {
				expect(parseSchedule(formatSchedule(spec))).toEqual(spec);
			}),
		);
	});
});
