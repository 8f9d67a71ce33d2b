// Every classic function written in Python lowers to a graph whose value and gradient, compiled and interpreted, equal
// the hand-derived forms, and whose gradient equals the JavaScript version's.
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { pythonFrontEnd } from '../../../src/engine/language/python/pythonFrontEnd';
import { classicFunctions, relativeError, type ClassicFunction } from '../fixtures/classicFunctions';
import { javaScriptSources } from '../fixtures/javaScriptSources';
import { pythonSources } from '../fixtures/pythonSources';

/** The gradient of the JavaScript version of `fn` at `point`. */
function javaScriptGradient(fn: ClassicFunction, point: readonly number[]): Float64Array {
	const js = javaScriptSources.find((s) => s.fn === fn)!;
	const frontEnd = js.language === 'typescript' ? typeScriptFrontEnd : javaScriptFrontEnd;
	const g = new Float64Array(point.length);
	compileGraph(frontEnd.lower(js.source, { name: js.name }).graph).valueAndGradient(point, g);
	return g;
}

describe('classic functions written in Python', () => {
	it('covers every classic function', () => {
		for (const fn of classicFunctions) expect(pythonSources.some((s) => s.fn === fn), fn.name).toBe(true);
	});

	for (const { fn, label, source, name } of pythonSources) {
		it(`${fn.name} (${label}) matches the closed form and JavaScript, compiled and interpreted`, () => {
			const { graph, site } = pythonFrontEnd.lower(source, { name });
			expect(site.language).toBe('python');
			const compiled = compileGraph(graph);
			expect(graph.start).toEqual(fn.points[0]);
			for (const point of fn.points) {
				const n = point.length;
				expect(graph.paramNames).toHaveLength(n);
				const g = new Float64Array(n);
				const gi = new Float64Array(n);
				const value = compiled.valueAndGradient(point, g);
				const interpreted = interpretValueAndGradient(graph, point, gi);
				const js = javaScriptGradient(fn, point);
				const where = `${fn.name} at [${point}]`;
				expect(relativeError(value, fn.value(point)), `${where}: value`).toBeLessThanOrEqual(1e-12);
				expect(relativeError(compiled.value(point), value), `${where}: value()`).toBeLessThanOrEqual(1e-12);
				expect(relativeError(interpreted, value), `${where}: interpreted value`).toBeLessThanOrEqual(1e-12);
				const expected = fn.gradient(point);
				for (let i = 0; i < n; i++) {
					const partial = `${where}: ∂/∂${graph.paramNames[i]}`;
					expect(relativeError(g[i]!, expected[i]!), partial).toBeLessThanOrEqual(1e-12);
					expect(relativeError(gi[i]!, g[i]!), `${partial} interpreted`).toBeLessThanOrEqual(1e-12);
					expect(relativeError(g[i]!, js[i]!), `${partial} against JavaScript`).toBeLessThanOrEqual(1e-12);
				}
			}
		});
	}
});
