import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import { javaScriptFrontEnd, typeScriptFrontEnd } from '../../../src/engine/language/javascript/javaScriptFrontEnd';
import { relativeError } from '../fixtures/classicFunctions';
import { javaScriptSources } from '../fixtures/javaScriptSources';

describe('classic functions written in JavaScript and TypeScript', () => {
	for (const { fn, language, label, source, name } of javaScriptSources) {
		it(`${fn.name} (${language}, ${label}) matches the closed form, compiled and interpreted`, () => {
			const frontEnd = language === 'typescript' ? typeScriptFrontEnd : javaScriptFrontEnd;
			const { graph } = frontEnd.lower(source, { name });
			const compiled = compileGraph(graph);
			expect(graph.start).toEqual(fn.points[0]);
			for (const point of fn.points) {
				const n = point.length;
				expect(graph.paramNames).toHaveLength(n);
				const g = new Float64Array(n);
				const gi = new Float64Array(n);
				const value = compiled.valueAndGradient(point, g);
				const interpreted = interpretValueAndGradient(graph, point, gi);
				const where = `${fn.name} at [${point}]`;
				expect(relativeError(value, fn.value(point)), `${where}: value`).toBeLessThanOrEqual(1e-12);
				expect(relativeError(compiled.value(point), value), `${where}: value()`).toBeLessThanOrEqual(1e-12);
				expect(relativeError(interpreted, value), `${where}: interpreted value`).toBeLessThanOrEqual(1e-12);
				const expected = fn.gradient(point);
				for (let i = 0; i < n; i++) {
					const partial = `${where}: ∂/∂${graph.paramNames[i]}`;
					expect(relativeError(g[i]!, expected[i]!), partial).toBeLessThanOrEqual(1e-12);
					expect(relativeError(gi[i]!, g[i]!), `${partial} interpreted`).toBeLessThanOrEqual(1e-12);
				}
			}
		});
	}
});
