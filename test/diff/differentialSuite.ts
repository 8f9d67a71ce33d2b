// The unit tests' share of differential testing (test/unit/diff/*.differential.test.ts, one file per front end so
// vitest runs them side by side): a fixed-seed budget of generated programs, each run in CPython (Python, plain
// math) or Node (JavaScript, TypeScript) and in Downhill, which must agree on the value (1e-12 relative), on the
// gradient (against Ridders-extrapolated central differences of the interpreter's own values, 1e-7), or refuse with
// a positioned error the README documents. `npm run fuzz:diff -- --seconds N` runs the same for as long as asked.
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from './formatReport';
import { PythonOracle, pythonHas } from './pythonOracle';
import { Differential, emptyReport, type Subject } from './runDifferential';

/** Programs per front end, and the constructs each front end's budget must exercise (the README's supported lists). */
const budget: Readonly<Record<string, { readonly programs: number; readonly constructs: readonly string[] }>> = {
	python: {
		programs: 240,
		constructs: [
			'literal 1.', 'literal .5', 'literal 1e-3', 'literal 2.E1', 'literal 1_000', 'literal 0x1F', 'literal True',
			'-2**2 (unary minus over **)', '// (floor semantics)', '% (floor semantics)', 'chained comparison',
			'and/or returning an operand', 'round', 'bool in arithmetic (int/float mixing)', 'if statement', 'elif', 'else',
			'early return', 'conditional expression', 'range(n)', 'range with a step', 'range with a negative step', 'zip',
			'enumerate', 'reversed', 'comprehension filter', 'list comprehension', 'sum over a generator',
			'min/max over a generator', 'helper def', 'lambda', 'module data list', 'nested module list', 'module constant',
			'list parameter', 'tuple unpacking', 'augmented assignment', 'math.*', 'from math import', 'np.* scalar function',
			'np.sum/np.mean/np.dot', 'len', 'abs', 'pow', 'float', 'min/max', 'type hint',
		],
	},
	javascript: {
		programs: 240,
		constructs: [
			'literal 1.', 'literal .5', 'literal 1e-3', 'literal 2.E1', 'literal 1_000', 'literal 0x1F', '-(x ** 2)', '(-x) ** 2',
			'2 ** -x', '% (truncating remainder)', 'fractional or non-unit step', 'negative step', '<= loop bound', 'for...of',
			'reduce', 'map then reduce', 'ternary', '&& || returning an operand', 'Math.round', 'Math.sign', 'Math.hypot',
			'Math.max', 'Math.min', 'Math.PI / Math.E', 'module data array', '2-D module array', 'vector parameter',
			'helper function', 'arrow function helper', 'export', 'early return', 'else if', 'const local', 'compound assignment',
			'i < xs.length',
		],
	},
	typescript: { programs: 120, constructs: ['literal 2.E1', 'fractional or non-unit step', 'vector parameter', 'export'] },
	math: {
		programs: 300,
		constructs: [
			'^ power', '** power', 'implicit 2x', 'implicit 3(x+1)', 'implicit x y', 'implicit xy (signature letters)',
			'implicit 2 sin x', 'function ln', 'function log', 'function sqrt', 'function abs', 'pi / e', 'unary minus',
		],
	},
	latex: { programs: 150, constructs: ['^ power', '/', '*', 'implicit xy (signature letters)', 'implicit 2 sin x', 'function sqrt', 'function abs', 'pi / e'] },
	markdown: { programs: 150, constructs: ['^ power', '/', 'implicit 3(x+1)', 'function ln', 'function sqrt', 'function abs'] },
};

/** The differential tests of `subject` with its fixed-seed budget. */
export function differentialSuite(subject: Subject): void {
	const { programs, constructs } = budget[subject.name]!;
	const needsPython = subject.oracle === 'python';
	const python = needsPython && pythonHas('numpy') ? new PythonOracle() : undefined;
	afterAll(() => python?.close());
	if (needsPython && !python) console.log(`note: /usr/bin/python3 with numpy is missing; the ${subject.name} differential tests are skipped`);
	if (subject.name === 'python' && !pythonHas('torch')) console.log('note: torch is not installed for /usr/bin/python3; no torch-style programs are generated');
	describe.skipIf(needsPython && !python)(`${subject.name} against ${needsPython ? 'CPython' : 'Node'}`, async () => {
		const report = emptyReport();
		await new Differential(subject, python).run(Array.from({ length: programs }, (_, i) => i), report, 1);
		console.log(formatReport(subject.name, report));
		it(`agrees on ${programs} generated programs`, () => {
			expect(report.failures.map((f) => `${f.kind}\n${f.shrunk?.source ?? f.source}${f.shrunk?.detail ?? f.detail}`)).toEqual([]);
		});
		it('runs most programs (the generator stays inside the language)', () => {
			expect(report.invalid).toBeLessThan(programs * 0.1);
			expect(report.gradientsCompared).toBeGreaterThan(programs);
			// The Python generator also writes a few programs Downhill documents as refused (round with ndigits < 0).
			expect(report.refused > 0).toBe(subject.name === 'python');
		});
		it('covers every construct the README lists as supported', () => {
			expect(constructs.filter((c) => !report.coverage.has(c))).toEqual([]);
		});
	});
}
