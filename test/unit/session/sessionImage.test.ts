// A session image (sessionImage.ts) carries a session to another copy: the copy goes on exactly as the original
// would have. The oracle is the same session run in one piece in-process; the copies go through structuredClone,
// as images do between the extension host and the engine's worker.
import { describe, expect, it } from 'vitest';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import type { SessionSettingsInput } from '../../../src/engine/session/sessionSettings';
import { parseSchedule } from '../../../src/engine/optim/lrSchedule';
import { regression, rosenbrock } from './sessionFixtures';

/** Every record, probe and optimizer state of `s`, for exact comparison. */
function contents(s: OptimizationSession) {
	const n = s.history.length;
	const records = s.history.packed(0);
	const probes = Array.from({ length: n }, (_, k) => Array.from(s.probesAt(k)));
	const states = [0, Math.floor(n / 2), n - 1].map((k) => s.stateAt(k));
	return { n, position: s.position, records: Array.from(records), probes, states };
}

/** A fresh session on the same loss that became `image`'s copy. */
function copyOf(source: OptimizationSession, from = 0, into?: OptimizationSession): OptimizationSession {
	const copy = into ?? new OptimizationSession(source.loss, { optimizer: 'sgd' });
	copy.restore(structuredClone(source.image(from)));
	return copy;
}

const adam: SessionSettingsInput = { optimizer: 'adam', optimizerOptions: { lr: 0.01 }, gradientTolerance: 0, lossTolerance: 0, divergenceSteps: 0 };

describe('session images', () => {
	it('a copy made halfway (past a checkpoint) ends where the whole run ends', () => {
		const whole = new OptimizationSession(rosenbrock(), adam);
		whole.continue(3000);
		const half = new OptimizationSession(rosenbrock(), adam);
		half.continue(1500);
		const copy = copyOf(half);
		expect(copy.continue(1500).reason).toEqual({ kind: 'steps', limit: 1500 });
		expect(contents(copy)).toEqual(contents(whole));
	});

	it('slices run on a worker copy and applied back to the host copy give the whole run, L-BFGS probes included', () => {
		const settings: SessionSettingsInput = { optimizer: 'lbfgs', optimizerOptions: { line_search_fn: 'strong_wolfe', history_size: 4 }, maxSteps: 200 };
		const whole = new OptimizationSession(rosenbrock(), settings);
		const wholeStop = whole.continue(200);
		const host = new OptimizationSession(rosenbrock(), settings);
		const worker = copyOf(host);
		let stop;
		let moved = 0;
		while (!stop) {
			const from = worker.position;
			stop = worker.startContinue('forward', 200 - moved).advance(() => false, 7);
			moved += stop ? stop.moved : 7;
			host.restore(structuredClone(worker.image(from)));
		}
		expect(stop.reason).toEqual(wholeStop.reason);
		expect(contents(host)).toEqual(contents(whole));
	});

	it.each([
		['onecycle:total_steps=120', 'sgd', { lr: 0.001, momentum: 0.9 }],
		['plateau:factor=0.3,patience=2', 'adam', { lr: 0.01 }],
	] as const)('carries a %s schedule with %s through slices on a copy: rates and cycled momenta as in one piece', (schedule, optimizer, options) => {
		const settings: SessionSettingsInput = { ...adam, optimizer, optimizerOptions: options, schedule: parseSchedule(schedule), maxSteps: 120 };
		const whole = new OptimizationSession(rosenbrock(), settings);
		whole.continue(120);
		const host = new OptimizationSession(rosenbrock(), settings);
		const worker = copyOf(host);
		for (let moved = 0; moved < 120; moved += 13) {
			const from = worker.position;
			worker.startContinue('forward', 120 - moved).advance(() => false, 13);
			host.restore(structuredClone(worker.image(from)));
		}
		expect(contents(host)).toEqual(contents(whole));
		host.stepBack(30);
		whole.stepBack(30);
		expect(host.snapshot().optimizer.options).toEqual(whole.snapshot().optimizer.options);
		expect(host.continue(30)).toEqual(whole.continue(30));
		expect(contents(host)).toEqual(contents(whole));
	});

	it('carries a step back and an optimizer change that awaits the next update', () => {
		const settings: SessionSettingsInput = { ...adam, batchSize: 3, seed: 7 };
		const direct = new OptimizationSession(regression(), settings);
		direct.step(50);
		direct.stepBack(20);
		direct.updateSettings({ optimizer: 'sgd', optimizerOptions: { lr: 0.02, momentum: 0.9 } });
		const copy = copyOf(direct);
		expect(copy.continue(30)).toEqual(direct.continue(30));
		expect(contents(copy)).toEqual(contents(direct));
		expect(copy.currentOptimizer.name).toBe('sgd');
	});

	it('carries breakpoint hit counts: a "% 4" breakpoint hit twice before the copy stops the copy two updates later', () => {
		const original = new OptimizationSession(rosenbrock(), adam);
		original.setBreakpoints([{ id: 1, hitCondition: '% 4' }]);
		expect(original.continue(2).reason.kind).toBe('steps');
		const copy = copyOf(original);
		const stop = copy.continue(100);
		expect(stop.reason).toEqual({ kind: 'breakpoint', ids: [1], condition: 'every step' });
		expect(stop.step).toBe(4);
	});
});
