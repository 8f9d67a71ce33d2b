import { describe, expect, it } from 'vitest';
import { fixture, json, run } from './runCli';

describe('downhill grad', () => {
	it('prints the value and gradient at the start point and at given points', () => {
		const r = json('grad', fixture('quadratic.ts'), '--at', '5', '--at', '1');
		expect(r.function).toBe('loss');
		expect(r.params).toEqual(['x']);
		expect(r.points).toEqual([
			{ at: [5], value: 17, gradient: [8] },
			{ at: [1], value: 1, gradient: [0] },
		]);
	});

	it('uses central differences with --numeric', () => {
		const r = json('grad', fixture('quadratic.ts'), '--numeric');
		expect(r.points[0].gradient[0]).toBeCloseTo(8, 6);
	});

	it('picks a named function among several, and requires one when none is called loss', () => {
		const r = json('grad', fixture('two.js'), '--function', 'bowl');
		expect(r.points[0]).toEqual({ at: [1, 2], value: 13, gradient: [2, 12] });
		const bad = run('grad', fixture('two.js'));
		expect(bad.code).toBe(2);
		expect(bad.err[0]).toMatch(/^test\/unit\/cli\/fixtures\/two\.js:\d+:\d+: several functions/);
	});

	it('writes non-finite numbers as strings in JSON', () => {
		const r = json('grad', fixture('quadratic.ts'), '--at', '1e200');
		expect(r.points[0].value).toBe('Infinity');
	});
});

describe('downhill check', () => {
	it('passes on a correct gradient and exits 0', () => {
		const r = run('check', fixture('two.js'), '--function', 'wave', '--at', '0.3', '--at', '2');
		expect(r.code).toBe(0);
		expect(r.out.filter((l) => l.startsWith('ok')).length).toBe(2);
	});

	it('fails with exit 1 when asked for a tolerance no numeric gradient meets', () => {
		const r = run('check', fixture('two.js'), '--function', 'wave', '--tolerance', '0');
		expect(r.code).toBe(1);
		expect(r.out[0]).toMatch(/^MISMATCH/);
	});
});

describe('bad input', () => {
	it('reports an unsupported construct as FILE:LINE:COLUMN: message with exit 2', () => {
		const r = run('grad', fixture('broken.ts'));
		expect(r.code).toBe(2);
		expect(r.err).toHaveLength(1);
		expect(r.err[0]).toMatch(/^test\/unit\/cli\/fixtures\/broken\.ts:3:2: .*while/);
	});

	it('rejects a wrong --at arity, an unknown flag and a missing file with a plain message', () => {
		expect(run('grad', fixture('quadratic.ts'), '--at', '1,2').err[0]).toMatch(/takes 1 values/);
		expect(run('grad', fixture('quadratic.ts'), '--bogus').code).toBe(2);
		expect(run('grad', fixture('nope.ts')).err[0]).toMatch(/cannot read/);
		expect(run('run', fixture('quadratic.ts'), '--optimizer', 'adam', '--momentum', '0.9').err[0]).toMatch(/momentum/);
		expect(run('run', fixture('quadratic.ts'), '--lr', 'fast').err[0]).toMatch(/--lr takes a number/);
	});
});

describe('downhill run', () => {
	it('runs exactly N steps of SGD and includes the start point', () => {
		const r = json('run', fixture('quadratic.ts'), '--lr', '0.1', '--steps', '3');
		expect(r.points).toHaveLength(4);
		expect(r.points[1][0]).toBeCloseTo(4.2, 14);
		expect(r.points[3][0]).toBeCloseTo(1 + 4 * 0.8 ** 3, 12);
		expect(r.loss[0]).toBe(17);
		expect(r.lr).toEqual([0.1, 0.1, 0.1, 0.1]);
		expect(r.stop).toMatchObject({ reason: 'steps', step: 3 });
	});

	it('stops on convergence, divergence and an --until condition', () => {
		expect(json('run', fixture('quadratic.ts'), '--lr', '0.1').stop.reason).toBe('converged');
		const diverged = json('run', fixture('quadratic.ts'), '--lr', '1.5');
		expect(diverged.stop.reason).toBe('diverged');
		expect(diverged.stop.suggestedLearningRate).toBeLessThan(1);
		const until = json('run', fixture('quadratic.ts'), '--lr', '0.1', '--until', 'loss < 2');
		expect(until.stop.reason).toBe('breakpoint');
		expect(until.loss.at(-1)).toBeLessThan(2);
		expect(until.loss.at(-2)).toBeGreaterThanOrEqual(2);
	});

	it('applies a schedule and PyTorch hyper-parameter names', () => {
		const r = json('run', fixture('quadratic.ts'), '--optimizer', 'sgd', '--lr', '0.1', '--momentum', '0.9', '--schedule', 'step:step_size=2,gamma=0.5', '--steps', '4');
		expect(r.lr).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
		expect(r.optimizer).toMatchObject({ name: 'sgd', momentum: 0.9 });
		const x1 = 5 - 0.1 * 8;
		expect(r.points[1][0]).toBeCloseTo(x1, 14);
		const g1 = 2 * (x1 - 1);
		expect(r.points[2][0]).toBeCloseTo(x1 - 0.1 * (0.9 * 8 + g1), 12);
	});

	it('takes the schedulers of torch.optim.lr_scheduler in --schedule: lists, nested schedules, class names', () => {
		const base = ['run', fixture('quadratic.ts'), '--lr', '0.1', '--steps', '4'];
		expect(json(...base, '--schedule', 'multistep:milestones=[1,3],gamma=0.5').lr).toEqual([0.1, 0.05, 0.05, 0.025, 0.025]);
		// ConstantLR halves updates 0 and 1; at the milestone ExponentialLR restarts from lr (its closed form at 0).
		const sequential = json(...base, '--schedule', 'SequentialLR:schedulers=[constantlr:factor=0.5,total_iters=2; exponential:gamma=0.5],milestones=[2]');
		expect(sequential.lr).toEqual([0.05, 0.05, 0.1, 0.05, 0.025]);
		// mode=max on a falling loss: every loss after the first is a bad step, and patience=0 halves the rate at once.
		expect(json(...base, '--schedule', 'plateau:mode=max,patience=0,factor=0.5').lr).toEqual([0.1, 0.1, 0.05, 0.025, 0.0125]);
		const oneCycle = json(...base, '--momentum', '0.9', '--schedule', 'onecycle:max_lr=0.1,total_steps=4');
		expect(oneCycle.lr[0]).toBeCloseTo(0.1 / 25, 17);
		expect(oneCycle.lr[3]).toBeCloseTo(0.1 / 25 / 1e4, 20);
		expect(Math.max(...oneCycle.lr)).toBeLessThanOrEqual(0.1);
	});

	it('rejects a schedule PyTorch would reject, naming the problem', () => {
		const bad = (...flags: string[]) => run('run', fixture('quadratic.ts'), ...flags);
		expect(bad('--schedule', 'onecycle:max_lr=0.1').err[0]).toMatch(/onecycle needs total_steps, or epochs and steps_per_epoch/);
		expect(bad('--schedule', 'plateau:factor=1.5').err[0]).toMatch(/plateau: factor must be < 1, got '1.5'/);
		expect(bad('--schedule', 'sequential:schedulers=[step:step_size=2],milestones=[3]').err[0]).toMatch(/one milestone fewer than schedulers/);
		const adagrad = bad('--optimizer', 'adagrad', '--schedule', 'cyclic:max_lr=0.5');
		expect(adagrad.code).toBe(2);
		expect(adagrad.err[0]).toMatch(/cyclic cycles the momentum, and adagrad has neither momentum nor betas; add cycle_momentum=false/);
	});

	it('runs Adafactor on a matrix and a scalar, with its own flags', () => {
		// Step 1 by hand: W's gradient (i+1)(j+1) has rank 1, so the factored estimate R·C/mean(R) is g² exactly, U = 1
		// everywhere and nothing is clipped; each tensor moves by α = RMS(θ)·min(lr, 1): W by √(91/6)·0.01, b by 0.5·0.01.
		const r = json('run', fixture('matrix.py'), '--optimizer', 'adafactor', '--lr', '0.01', '--steps', '1');
		expect(r.optimizer).toMatchObject({ name: 'adafactor', beta2_decay: -0.8, eps: [Number.EPSILON, 1e-3], d: 1 });
		const alpha = Math.sqrt(91 / 6) * 0.01;
		[1, 2, 3, 4, 5, 6].forEach((w, i) => expect(r.points[1][i]).toBeCloseTo(w - alpha, 14));
		expect(r.points[1][6]).toBeCloseTo(0.5 - 0.005, 15);
		const flags = json('run', fixture('quadratic.ts'), '--optimizer', 'adafactor', '--beta2-decay', '-0.5', '--d', '2', '--eps', '1e-30,0.01', '--foreach', '--steps', '1');
		expect(flags.optimizer).toMatchObject({ beta2_decay: -0.5, d: 2, eps: [1e-30, 0.01], foreach: true });
		expect(run('run', fixture('quadratic.ts'), '--optimizer', 'adafactor', '--d', '0.5').err[0]).toMatch(/d must be a finite number >= 1, got 0.5/);
		expect(run('run', fixture('quadratic.ts'), '--optimizer', 'adafactor', '--eps', '-1,0.001').err[0]).toMatch(/epsilon1 should be >= 0 but is: -1/);
	});

	it('runs L-BFGS with its line search and Rprop with its tuples, and rejects what PyTorch rejects', () => {
		const lbfgs = json('run', fixture('quadratic.ts'), '--optimizer', 'lbfgs', '--line-search-fn', 'strong_wolfe', '--history-size', '5', '--steps', '3');
		expect(lbfgs.optimizer).toMatchObject({ name: 'lbfgs', line_search_fn: 'strong_wolfe', history_size: 5, max_eval: 25 });
		// (x − 1)² + 1 is quadratic: the strong-Wolfe step lands on the minimum in one step.
		expect(lbfgs.points[1][0]).toBeCloseTo(1, 9);
		const rprop = json('run', fixture('quadratic.ts'), '--optimizer', 'rprop', '--etas', '0.4,1.5', '--step-sizes', '0.001,2', '--maximize', '--steps', '1');
		expect(rprop.optimizer).toMatchObject({ name: 'rprop', etas: [0.4, 1.5], step_sizes: [0.001, 2], maximize: true });
		expect(rprop.points[1][0]).toBeCloseTo(5 + 0.01, 14);
		expect(run('run', fixture('quadratic.ts'), '--optimizer', 'rprop', '--etas', '1.5,0.4').err[0]).toMatch(/0 < etaminus < 1 < etaplus/);
		expect(run('run', fixture('quadratic.ts'), '--optimizer', 'lbfgs', '--line-search-fn', 'wolfe').err[0]).toMatch(/none, strong_wolfe/);
	});

	it('finds both minima of the double well with random restarts', () => {
		const r = json('run', fixture('doubleWell.js'), '--lr', '0.01', '--restarts', '12', '--seed', '4');
		expect(r.restarts).toHaveLength(12);
		expect(r.minima.map((m: { kind: string }) => m.kind)).toEqual(['global', 'local']);
		expect(r.minima[0].x[0]).toBeCloseTo(-1.30, 1);
		expect(r.minima[1].x[0]).toBeCloseTo(1.13, 1);
	});

	it('prints a readable table without --json', () => {
		const r = run('run', fixture('quadratic.ts'), '--lr', '0.1', '--steps', '2');
		expect(r.out[0]).toMatch(/step\s+loss\s+‖∇L‖\s+lr\s+x/);
		expect(r.out[2]).toMatch(/^\s+1\s+11\.24\s+6\.4\s+0\.1\s+4\.2$/);
		expect(r.out.at(-1)).toMatch(/step limit/);
	});
});

describe('downhill list', () => {
	it("finds the study note's loss y in x, and reports the update rule as not a loss", () => {
		const r = json('list', 'test/unit/fixtures/studyNote.md');
		const y = r.losses.find((l: { name: string }) => l.name === 'y');
		expect(y).toMatchObject({ language: 'markdown', params: ['x'] });
		expect(y.range.line).toBeGreaterThan(1);
		const update = r.losses.find((l: { error?: { message: string } }) => l.error && /nabla/.test(l.error.message));
		expect(update.error.line).toBeGreaterThan(1);
		expect(update.error.column).toBeGreaterThan(1);
	});

	it('lists the functions of a Python file with their parameters', () => {
		const r = json('list', 'examples/linear_regression.py');
		expect(r.losses.find((l: { name: string }) => l.name === 'loss')).toMatchObject({ language: 'python', params: ['w', 'b'] });
	});

	it('computes the same gradient from Python and from math as from JavaScript', () => {
		const py = json('grad', 'examples/study_note.py');
		const md = json('grad', 'test/unit/fixtures/studyNote.md', '--function', 'y', '--at', '5');
		expect(py.points[0]).toEqual({ at: [5], value: 17, gradient: [8] });
		expect(md.points[0]).toEqual({ at: [5], value: 17, gradient: [8] });
	});
});
