// Property tests: random and mutated sources fed to the math, LaTeX and Markdown front ends. Every input ends in a
// result or a LossSyntaxError with a position of at least 1:1, never another exception and never a hang; and every
// loss that list() reports can be lowered by its name.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLossSyntaxError } from '../../../src/engine/errors';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import type { FoundLoss } from '../../../src/engine/language/frontEnd';
import { mathSources } from '../fixtures/mathSources';
import { mathFrontEnds } from './evaluateMath';

const note = readFileSync(new URL('../fixtures/studyNote.md', import.meta.url), 'utf8');

const pieces = [
	'x', 'y', 'w_1', 'w_{new}', 'xy', 'e', 'pi', 'i', '2', '10', '1.5', '1e12', '12', '(', ')', '[', ']', '{', '}', '|',
	'^', '_', '=', ',', '+', '-', '*', '/', '**', '!', '.', ' ', '\n', '&', '%', '\\', '\\\\', '\\,', '\\{', '\\}',
	'\\frac', '\\dfrac', '\\sqrt', '\\sqrt[3]', '\\sum', '\\sum_{i=1}^{3}', '\\sum_{i=1}^{1e12}', '_{i=1}', '^{10^{9}}',
	'\\left(', '\\right)', '\\left|', '\\left.', '\\cdot', '\\times', '\\sin', 'sin', '\\log_2', '\\exp', '\\max',
	'\\theta', 'θ', '\\eta', '\\pi', '\\nabla', '\\partial', '...', '\\ldots', '\\abs', '\\text{', '\\mathrm{lr}', '\\hat',
	'\\begin{equation}', '\\end{equation}', '\\begin{cases}', '²', '√', '∑', '−', '$', '$$', '\\(', '\\)', '\\[', '\\]',
	'`', '```', '```math\n', '---\n', '<!--', '-->', 'f(x, y) = ', 'y = ', 'L(w, b) = ', '\\foo', '\uD835', '𝑥',
	'\\sigma(z) = ', '\\sigma(', 'g(t) = t^2', 'g(w)', '$$f(x) = x^2$$', '\\(0.3x\\)',
];

// Definitions used by later blocks, and two blocks with one name (issue #12).
const definitions = String.raw`The sigmoid $$\sigma(z) = \frac{1}{1 + e^{-z}}$$ and then $$L(w, b) = -\ln \sigma(2w + b) + w^2$$`;
const twoFs = '$$f(x) = (x - 3)^2$$\n\nIn prose \\(0.3x\\), then:\n\n$$f(x) = (x + 1)^2 + 2$$\n';
const seeds = [...mathSources.flatMap((s) => [s.math, s.latex]), note, definitions, twoFs, 'y = (x - 1)^2 + 1', '\\sum_{i=1}^{3} (x - i)^2'];

const pieceStrings = fc.string({ unit: fc.constantFrom(...pieces), maxLength: 40 });

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: pieceStrings });

/** A seed source with a few random edits: deletions and insertions of pieces at random places. */
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([seed, edits]) =>
	edits.reduce((s, e) => {
		const at = e.at % (s.length + 1);
		return s.slice(0, at) + e.insert + s.slice(at + e.remove);
	}, seed),
);

/** Runs `action`; passes when it returns, or throws a LossSyntaxError with a real position, within two seconds. */
function endsWell<T>(action: () => T): T | undefined {
	const started = performance.now();
	try {
		return action();
	} catch (error) {
		if (!isLossSyntaxError(error)) throw error;
		expect(error.line).toBeGreaterThanOrEqual(1);
		expect(error.column).toBeGreaterThanOrEqual(1);
		expect(error.span.endLine).toBeGreaterThanOrEqual(error.span.line);
		return undefined;
	} finally {
		expect(performance.now() - started).toBeLessThan(30_000); // a hang is minutes; load stretches seconds
	}
}

function checkAll(source: string): void {
	for (const frontEnd of Object.values(mathFrontEnds)) {
		const found: FoundLoss[] = endsWell(() => frontEnd.list(source)) ?? [];
		for (const entry of found) {
			if (entry.kind === 'error') {
				expect(entry.error.line).toBeGreaterThanOrEqual(1);
				continue;
			}
			const lowered = frontEnd.lower(source, { name: entry.site.name });
			expect(lowered.site.name).toBe(entry.site.name);
			compileGraph(lowered.graph);
		}
		endsWell(() => frontEnd.lower(source, {}));
	}
}

describe('fuzzing the math front ends', () => {
	it('survives strings of math pieces', () => {
		fc.assert(fc.property(pieceStrings, checkAll), { numRuns: 400 });
	});

	it('survives mutated sources', () => {
		fc.assert(fc.property(mutated, checkAll), { numRuns: 400 });
	});

	it('survives arbitrary Unicode', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), checkAll), { numRuns: 300 });
	});

	it('survives deep nesting and long chains', () => {
		for (const source of ['('.repeat(5000) + 'x', '-'.repeat(5000) + 'x', 'x^'.repeat(3000) + 'x', '\\sqrt'.repeat(3000) + ' x',
			`${'x + '.repeat(10000)}x`, `${'x '.repeat(10000)}`, '|'.repeat(3000) + 'x', `$${'\\frac'.repeat(2000)}$`]) {
			checkAll(source);
		}
	});
});
