// The classic test functions written in plain math and in LaTeX, lowered, compiled and interpreted: value and
// gradient must agree with the hand-derived forms of classicFunctions.ts.
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { latexFrontEnd, mathFrontEnd } from '../../../src/engine/language/math/mathFrontEnd';
import { classicFunctions, relativeError } from '../fixtures/classicFunctions';
import { mathSources } from '../fixtures/mathSources';

const frontEnds = { math: mathFrontEnd, latex: latexFrontEnd } as const;

describe('classic functions in math and LaTeX', () => {
	it('covers every classic function', () => {
		expect(mathSources.map((s) => s.name).sort()).toEqual(classicFunctions.map((f) => f.name).sort());
	});

	for (const source of mathSources) {
		const fn = classicFunctions.find((f) => f.name === source.name)!;
		for (const language of ['math', 'latex'] as const) {
			it(`${source.name} in ${language}: value and gradient match the closed form`, () => {
				const text = source[language];
				const [found] = frontEnds[language].list(text);
				expect(found?.kind, `${source.name}:${language} list`).toBe('loss');
				const { graph } = frontEnds[language].lower(text, {});
				expect(graph.paramNames.length).toBe(fn.points[0]!.length);
				const loss = compileGraph(graph);
				const g = new Float64Array(graph.paramNames.length);
				const gi = new Float64Array(graph.paramNames.length);
				for (const p of fn.points) {
					const label = `${source.name}:${language} at (${p.join(', ')})`;
					const value = loss.valueAndGradient(p, g);
					expect(relativeError(value, fn.value(p)), `${label}: value`).toBeLessThanOrEqual(1e-12);
					expect(relativeError(interpretValueAndGradient(graph, p, gi), value), `${label}: interpreter`).toBeLessThanOrEqual(1e-12);
					fn.gradient(p).forEach((expected, j) => {
						expect(relativeError(g[j]!, expected), `${label}: ∂/∂${graph.paramNames[j]}`).toBeLessThanOrEqual(1e-12);
						expect(relativeError(gi[j]!, expected), `${label}: interpreted ∂/∂${graph.paramNames[j]}`).toBeLessThanOrEqual(1e-12);
					});
				}
			});
		}
	}
});
