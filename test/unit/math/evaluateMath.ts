// Test helper: lower a math, LaTeX or Markdown source, compile it, and evaluate value and gradient at a point.
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import type { FrontEnd } from '../../../src/engine/language/frontEnd';
import { markdownFrontEnd } from '../../../src/engine/language/math/markdownFrontEnd';
import { latexFrontEnd, mathFrontEnd } from '../../../src/engine/language/math/mathFrontEnd';

export const mathFrontEnds: Readonly<Record<'math' | 'latex' | 'markdown', FrontEnd>> = {
	math: mathFrontEnd,
	latex: latexFrontEnd,
	markdown: markdownFrontEnd,
};

export interface Evaluated {
	readonly name: string;
	readonly params: readonly string[];
	readonly value: number;
	readonly gradient: number[];
}

/** Lowers `source` (the loss called `name`, if given) and evaluates it at `point`. */
export function evaluateMath(language: keyof typeof mathFrontEnds, source: string, point: readonly number[], name?: string): Evaluated {
	const { graph, site } = mathFrontEnds[language].lower(source, { name });
	const gradient = new Float64Array(graph.paramNames.length);
	const value = compileGraph(graph).valueAndGradient(point, gradient);
	return { name: site.name, params: graph.paramNames, value, gradient: [...gradient] };
}

/** The `LossSyntaxError` (message and position) that lowering `source` throws. */
export function loweringError(language: keyof typeof mathFrontEnds, source: string): { message: string; line: number; column: number } {
	try {
		mathFrontEnds[language].lower(source, {});
	} catch (error) {
		const e = error as { name: string; message: string; line: number; column: number };
		if (e.name !== 'LossSyntaxError') throw error;
		return { message: e.message, line: e.line, column: e.column };
	}
	throw new Error(`expected ${JSON.stringify(source)} to fail`);
}
