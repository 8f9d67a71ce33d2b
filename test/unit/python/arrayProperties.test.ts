// Property tests of the array lowering: random numpy and torch expressions (broadcasting, axis reductions with
// keepdims and negative axes, matmul/dot, transposes, reshapes, indexing, slices; fixtures/arrayExpressions.ts),
// many seeds each. The compiled value must equal an evaluator on dense arrays written from numpy's rules
// (fixtures/denseArrays.ts), the compiled value and gradient must equal the reference interpreter's, and the
// gradient must match central differences of that independent evaluator. Every numpy and torch source is also run
// in real numpy and PyTorch (fixtures/runArrayPrograms.py, Debian's /usr/bin/python3): the values must agree to
// 1e-12 and torch's autograd gradients to 1e-10. The same expression written as a
// TypeScript loss with nested arrays and explicit sums (fixtures/arrayLoops.ts) must give the same value and
// gradient to 1e-12 relative: loops and the vectorised form agree.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { randomProgram, renderProgram, type ArrayProgram } from '../fixtures/arrayExpressions';
import { renderJavaScriptLoops } from '../fixtures/arrayLoops';
import { programValue } from '../fixtures/denseArrays';
import { pythonHas, pythonPath } from '../../diff/pythonOracle';

const seeds = Array.from({ length: 100 }, (_, i) => i + 1);

/** Central difference of the independent evaluator in coordinate `i`, with a step scaled to the coordinate. */
function centralDifference(program: ArrayProgram, x: readonly number[], i: number): number {
	const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
	const shifted = (d: number) => programValue(program, x.map((v, j) => (j === i ? v + d : v)));
	return (shifted(h) - shifted(-h)) / (2 * h);
}

const near = (actual: number, expected: number, tolerance: number) =>
	Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

function check(seed: number, lib: 'np' | 'torch' | 'loops'): void {
	const program = randomProgram(seed, lib === 'torch');
	const source = lib === 'loops' ? renderJavaScriptLoops(program) : renderProgram(program, lib);
	const where = `seed ${seed}:\n${source}`;
	const language = lib === 'loops' ? 'typescript' : 'python';
	const loss = compileLoss(source, { language });
	const start = program.leaves.filter((l) => l.param).flatMap((l) => l.values);
	expect(loss.start, where).toEqual(start);
	const gradient = new Float64Array(start.length);
	const value = loss.valueAndGradient(start, gradient);
	expect(near(value, programValue(program, start), 1e-12), `${where}value ${value} vs ${programValue(program, start)}`).toBe(true);
	const interpreted = compileLoss(source, { language, interpret: true });
	const reference = new Float64Array(start.length);
	expect(near(interpreted.valueAndGradient(start, reference), value, 1e-12), where).toBe(true);
	gradient.forEach((g, i) => {
		expect(near(reference[i]!, g, 1e-12), `${where}${loss.params[i]}: interpreter ${reference[i]} vs ${g}`).toBe(true);
		const numeric = centralDifference(program, start, i);
		expect(near(g, numeric, 1e-6), `${where}${loss.params[i]}: ${g} vs central difference ${numeric}`).toBe(true);
	});
}

describe('random array expressions against an independent evaluator, the interpreter and central differences', () => {
	it.each(seeds)('numpy, seed %i', (seed) => check(seed, 'np'));
	it.each(seeds)('torch, seed %i', (seed) => check(seed, 'torch'));
	it.each(seeds)('TypeScript loops, seed %i', (seed) => check(seed, 'loops'));

	it.each(seeds.slice(0, 40))('loops and numpy agree to 1e-12, seed %i', (seed) => {
		const program = randomProgram(seed, false);
		const [vectorised, loops] = [renderProgram(program, 'np'), renderJavaScriptLoops(program)];
		const a = compileLoss(vectorised, { language: 'python' });
		const b = compileLoss(loops, { language: 'typescript' });
		const [ga, gb] = [new Float64Array(a.start.length), new Float64Array(b.start.length)];
		expect(near(b.valueAndGradient(b.start, gb), a.valueAndGradient(a.start, ga), 1e-12), loops).toBe(true);
		ga.forEach((g, i) => expect(near(gb[i]!, g, 1e-12), `${loops}${b.params[i]}: ${gb[i]} vs ${g}`).toBe(true));
	});
});

interface Ran {
	readonly value?: number;
	readonly gradient?: readonly number[];
	readonly error?: string;
}

/** Each source's loss at its defaults in real numpy / PyTorch (and torch's autograd gradient), in one interpreter. */
function runInPython(sources: readonly string[]): Ran[] {
	const run = spawnSync(pythonPath, ['test/unit/python/fixtures/runArrayPrograms.py'], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 26 });
	if (run.status !== 0) throw new Error(run.stderr);
	return JSON.parse(run.stdout) as Ran[];
}

describe.skipIf(!pythonHas('numpy') || !pythonHas('torch'))('random array expressions against real numpy and PyTorch', () => {
	const programs = seeds.flatMap((seed) => (['np', 'torch'] as const).map((lib) => ({ seed, lib, source: renderProgram(randomProgram(seed, lib === 'torch'), lib) })));
	const answers = runInPython(programs.map((p) => p.source));

	it.each(programs.map((p, i) => [p.lib, p.seed, i] as const))('%s, seed %i', (_lib, _seed, i) => {
		const { source } = programs[i]!;
		const ran = answers[i]!;
		expect(ran.error, source).toBeUndefined();
		const loss = compileLoss(source, { language: 'python' });
		const gradient = new Float64Array(loss.start.length);
		const value = loss.valueAndGradient(loss.start, gradient);
		expect(near(value, ran.value!, 1e-12), `${source}value ${value} vs ${ran.value}`).toBe(true);
		ran.gradient?.forEach((g, k) => expect(near(gradient[k]!, g, 1e-10), `${source}${loss.params[k]}: ${gradient[k]} vs autograd ${g}`).toBe(true));
	});
});
