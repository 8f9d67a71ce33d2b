/**
 * Schedules in the session: OneCycleLR with SGD's momentum cycling and ReduceLROnPlateau driven by the recorded loss
 * follow PyTorch's own runs (test/fixtures/torch/scheduleTrajectories.json) on Rosenbrock compiled from a graph, the
 * history keeps each update's rate, and stepping back and forward again replays the cycled momenta bit for bit.
 * The compiled gradient rounds differently from the fixture's closed form in the last bits, hence 1e-9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/engine/optim/lrSchedule';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { rosenbrock } from './sessionFixtures';

interface ScheduleCase {
	optimizer: 'sgd' | 'adam';
	options: Record<string, number>;
	schedule: string;
	function: string;
	rates: number[];
	momenta: (number | null)[];
	points: number[][];
}
const cases = (JSON.parse(readFileSync(join(__dirname, '../../fixtures/torch/scheduleTrajectories.json'), 'utf8')) as { cases: ScheduleCase[] }).cases;
const torchCase = (schedule: string, optimizer: string) =>
	cases.find((c) => c.function === 'rosenbrock' && c.optimizer === optimizer && c.schedule.startsWith(schedule))!;

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('scheduled sessions', () => {
	it.each([
		['onecycle:total_steps=100', 'sgd'],
		['plateau:factor=0.3', 'adam'],
		['cyclic:max_lr', 'adam'],
	])('%s with %s follows PyTorch on Rosenbrock, and replays after a step back', (schedule, optimizer) => {
		const expected = torchCase(schedule, optimizer);
		const s = new OptimizationSession(rosenbrock(), {
			optimizer: expected.optimizer,
			optimizerOptions: expected.options,
			schedule: parseSchedule(expected.schedule),
			maxSteps: 100,
			gradientTolerance: 0,
			lossTolerance: 0,
			divergenceSteps: 0,
		});
		s.step(100);
		for (let k = 0; k < 100; k++) {
			expect(relative(s.history.learningRate(k), expected.rates[k]!), `rate ${k}`).toBeLessThan(1e-9);
			const x = s.history.readPoint(k + 1, new Float64Array(2));
			expect(relative(x[0]!, expected.points[k + 1]![0]!) + relative(x[1]!, expected.points[k + 1]![1]!), `point ${k + 1}`).toBeLessThan(1e-9);
		}
		const end = s.history.readPoint(100, new Float64Array(2));
		s.stepBack(40);
		s.step(40);
		expect(Array.from(s.history.readPoint(100, new Float64Array(2)))).toEqual(Array.from(end));
		if (expected.momenta[0] !== null && schedule !== 'plateau:factor=0.3') {
			s.stepBack(1);
			const key = optimizer === 'sgd' ? 'momentum' : 'betas';
			const shown = s.snapshot().optimizer.options[key];
			const m = Array.isArray(shown) ? (shown[0] as number) : (shown as number);
			expect(relative(m, expected.momenta[99]!), 'the shown momentum is the one update 99 used').toBeLessThan(1e-9);
		}
	});

	it('refuses a cycling schedule for an optimizer without momentum or betas, with the reason', () => {
		expect(() => new OptimizationSession(rosenbrock(), { optimizer: 'adagrad', schedule: { kind: 'onecycle', total_steps: 10 } })).toThrow(
			/onecycle cycles the momentum, and adagrad has neither momentum nor betas; add cycle_momentum=false/,
		);
	});
});
