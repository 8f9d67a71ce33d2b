// Shared helpers of the Python front-end tests: lower a source, and evaluate value and gradient compiled and
// interpreted (which must agree).
import { expect } from 'vitest';
import { compileGraph } from '../../../src/engine/graph/compileGraph';
import { interpretValueAndGradient } from '../../../src/engine/graph/interpreter';
import type { LossGraph } from '../../../src/engine/graph/node';
import type { LowerOptions } from '../../../src/engine/language/frontEnd';
import { pythonFrontEnd } from '../../../src/engine/language/python/pythonFrontEnd';
import { relativeError } from '../fixtures/classicFunctions';

/** The graph of the loss in `source`. */
export function lower(source: string, options: LowerOptions = {}): LossGraph {
	return pythonFrontEnd.lower(source, options).graph;
}

/** Value and gradient at `x` (compiled; the interpreter must agree, infinities and NaN included). */
export function run(graph: LossGraph, x: readonly number[] = graph.start): { value: number; gradient: number[] } {
	const g = new Float64Array(x.length);
	const gi = new Float64Array(x.length);
	const value = compileGraph(graph).valueAndGradient(x, g);
	const interpreted = interpretValueAndGradient(graph, x, gi);
	if (!Number.isFinite(value)) expect(interpreted).toBe(value);
	else expect(relativeError(interpreted, value)).toBeLessThanOrEqual(1e-12);
	g.forEach((v, i) => expect(relativeError(gi[i]!, v)).toBeLessThanOrEqual(1e-12));
	return { value, gradient: [...g] };
}

/** The value of `loss` in `source` at `x` (its start point by default). */
export function valueOf(source: string, x?: readonly number[]): number {
	const graph = lower(source);
	return run(graph, x ?? graph.start).value;
}

/** The `LossSyntaxError` lowering `source` throws. */
export function errorOf(source: string, options: LowerOptions = {}): { message: string; line: number; column: number } {
	try {
		pythonFrontEnd.lower(source, options);
	} catch (error) {
		const e = error as { name?: string; message: string; line: number; column: number };
		if (e.name !== 'LossSyntaxError') throw error;
		return { message: e.message, line: e.line, column: e.column };
	}
	throw new Error(`expected a LossSyntaxError for ${JSON.stringify(source)}`);
}
