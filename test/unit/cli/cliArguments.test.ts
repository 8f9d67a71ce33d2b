// The command line as people type it: negative numbers after flags, one-line errors, a flag given twice, bounds,
// the stop-rule flags (to run exactly N updates and compare with PyTorch step by step), a byte-order mark.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, json, run } from './runCli';

const rosenbrock = fixture('rosenbrock.ts');

function expectOneLineError(argv: string[], message: RegExp): void {
	const r = run(...argv);
	expect(r.code, argv.join(' ')).toBe(2);
	expect(r.err, argv.join(' ')).toHaveLength(1);
	expect(r.err[0]).toMatch(message);
	expect(r.err[0]).not.toMatch(/\n/);
}

describe('negative numbers after flags', () => {
	it('are values of --start, --at and --lr', () => {
		const r = json('run', rosenbrock, '--start', '-1.5,2', '--lr', '0.001', '--steps', '1');
		expect(r.points[0]).toEqual([-1.5, 2]);
		const g = json('grad', rosenbrock, '--at', '-1,1', '--at', '-2,-3');
		// ∂/∂x = −2(1 − x) − 400x(y − x²), ∂/∂y = 200(y − x²).
		expect(g.points[0]).toEqual({ at: [-1, 1], value: 4, gradient: [-4, 0] });
		expect(g.points[1].at).toEqual([-2, -3]);
		expect(g.points[1].gradient).toEqual([-2 * 3 + 800 * -7, 200 * -7]);
		expectOneLineError(['run', rosenbrock, '--lr', '-0.1'], /lr/);
	});

	it('but a flag is still a flag', () => {
		expectOneLineError(['run', rosenbrock, '--start', '--json'], /--start/);
	});
});

describe('argument errors', () => {
	it('are one line each', () => {
		expectOneLineError(['run', rosenbrock, '--bogus'], /Unknown option '--bogus'/);
		expectOneLineError(['run', rosenbrock, '--lr'], /--lr/);
		expectOneLineError(['run', rosenbrock, '--json=3'], /--json/);
	});

	it('include a single-valued flag given twice', () => {
		expectOneLineError(['run', rosenbrock, '--lr', '0.1', '--lr', '0.2'], /^downhill: --lr is given more than once$/);
		expectOneLineError(['grad', rosenbrock, '--function', 'loss', '--function', 'loss'], /--function is given more than once/);
		expect(json('grad', rosenbrock, '--at', '1,1', '--at', '0,0').points).toHaveLength(2);
	});

	it('bound --steps and --restarts', () => {
		expectOneLineError(['run', rosenbrock, '--steps', '100000001'], /^downhill: --steps takes a whole number from 1 to 10000000/);
		expectOneLineError(['run', rosenbrock, '--steps', '0'], /--steps takes a whole number from 1/);
		expectOneLineError(['run', rosenbrock, '--restarts', '1000001'], /^downhill: --restarts takes a whole number from 1 to 10000/);
	});
});

describe('stop-rule flags', () => {
	it('turn the convergence rules off or change them, to run exactly N updates', () => {
		expect(json('run', fixture('quadratic.ts'), '--lr', '0.1').stop.reason).toBe('converged');
		expect(json('run', fixture('quadratic.ts'), '--lr', '0.1', '--gradient-tolerance', '0.5').stop).toMatchObject({ reason: 'converged' });
		const exact = json('run', fixture('quadratic.ts'), '--lr', '0.1', '--steps', '500', '--gradient-tolerance', '0', '--loss-tolerance', '0');
		expect(exact.stop).toMatchObject({ reason: 'steps', step: 500 });
		expectOneLineError(['run', fixture('quadratic.ts'), '--gradient-tolerance', '-1'], /gradientTolerance/);
	});

	it('turn the blow-up rule off or lengthen it', () => {
		// SGD with lr 1.05 on (x − 1)² + 1 from x = 5: L_k = 1 + 16·1.21^k rises from step 1 and passes a million
		// times the start's 17 at step 73; it overflows float64 only near step 3702.
		expect(json('run', fixture('quadratic.ts'), '--lr', '1.05', '--steps', '3000').stop).toMatchObject({ reason: 'diverged', step: 73 });
		expect(json('run', fixture('quadratic.ts'), '--lr', '1.05', '--steps', '3000', '--divergence-steps', '100').stop).toMatchObject({ reason: 'diverged', step: 100 });
		expect(json('run', fixture('quadratic.ts'), '--lr', '1.05', '--steps', '3000', '--no-divergence-stop').stop).toMatchObject({ reason: 'steps', step: 3000 });
		expectOneLineError(['run', fixture('quadratic.ts'), '--divergence-steps', '3', '--no-divergence-stop'], /not both/);
	});
});

describe('a byte-order mark', () => {
	const dir = mkdtempSync(join(tmpdir(), 'downhill-bom-'));

	it('is ignored in Python and JavaScript, and JavaScript columns count from the first character after it', () => {
		const py = join(dir, 'loss.py');
		writeFileSync(py, '\uFEFFdef loss(w=3.0):\n    return (w - 1) ** 2\n');
		expect(json('grad', py).points[0]).toEqual({ at: [3], value: 4, gradient: [4] });
		const js = join(dir, 'loss.js');
		writeFileSync(js, '\uFEFFfunction loss(x = 1) { return x + y; }\n');
		const r = run('grad', js);
		expect(r.err).toEqual([`${js}:1:${'function loss(x = 1) { return x + '.length + 1}: unknown name 'y'`]);
	});
});
