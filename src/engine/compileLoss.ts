/**
 * The engine's front door: source text in, a `Loss` out. Picks the front end by language, lowers the chosen loss to
 * the IR, compiles it (falling back to the interpreter where generated code is not allowed), and bundles value,
 * gradient, numeric gradient and the gradient check behind one object.
 */
import { LossSyntaxError, pointSpan } from './errors';
import { compileGraph } from './graph/compileGraph';
import { checkGradient, type GradientCheck } from './graph/gradientCheck';
import { batchInfo, interpretHessianVector, interpretValue, interpretValueAndGradient } from './graph/interpreter';
import type { LossGraph, ParamSpec } from './graph/node';
import { numericGradient } from './graph/numericGradient';
import type { FoundLoss, LanguageId, LossSite, LowerOptions } from './language/frontEnd';
import type { DataFiles, DataReference } from './language/data/dataFiles';
import { frontEnds } from './language/frontEnds';
import { msg } from './message';
import type { CellContext, CellLayout } from './language/notebook/cellLayout';
import { listInCell, lowerInCell } from './language/notebook/cellLosses';

export interface CompileOptions extends LowerOptions {
	readonly language: LanguageId;
	/** Use the reference interpreter instead of generated code (slower; for tests and restricted hosts). */
	readonly interpret?: boolean;
	/** For a notebook cell: the cells around it (`cellLayout.ts`); positions in `options` count in the cell's lines. */
	readonly cells?: CellContext;
}

/** A compiled loss. `x` is the flat parameter vector in the order of `params`. */
export interface Loss {
	readonly name: string;
	readonly language: LanguageId;
	readonly site: LossSite;
	/** Flat scalar parameter names: `x`, `w[0]`, `w[1]`, ... */
	readonly params: readonly string[];
	readonly paramSpecs: readonly ParamSpec[];
	/** The start point from the defaults (0 where none is given). */
	readonly start: readonly number[];
	/** How many samples a mini-batch may be drawn from (0 when the loss is not a sum or mean over data). */
	readonly sampleCount: number;
	readonly graph: LossGraph;
	/** True when value and gradient run as generated code, false when interpreted. */
	readonly compiled: boolean;
	value(x: ArrayLike<number>, batch?: ArrayLike<number>): number;
	/** Writes ∂L/∂x into `gradient` and returns L. With `batch`, sums over data use only those sample indices. */
	valueAndGradient(x: ArrayLike<number>, gradient: Float64Array, batch?: ArrayLike<number>): number;
	/** Central differences, same contract as `valueAndGradient`. */
	numericGradient(x: ArrayLike<number>, gradient: Float64Array, batch?: ArrayLike<number>): number;
	/**
	 * Writes the exact Hessian-vector product H(x)·v into `out` and returns L: forward-over-reverse generated code
	 * (compileGraph.ts) when compiled, else the interpreter's (interpreter.ts).
	 */
	hessianVector(x: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array, batch?: ArrayLike<number>): number;
	/** Autodiff against central differences at `x`. */
	checkGradient(x: ArrayLike<number>, tolerance?: number): GradientCheck;
	/**
	 * For a notebook cell's loss: the cells its source joined, last the cell itself. The loss's spans (site, the
	 * graph's statements) then count lines in that joined source; `cellAt` maps them to a cell and its line.
	 */
	readonly cells?: CellLayout;
}

/** What a view needs to name a loss's parameters, without the loss itself (it crosses from the engine's worker). */
export type LossShape = Pick<Loss, 'name' | 'params' | 'paramSpecs'>;

/** Lowers and compiles one loss from `source`. Throws `LossSyntaxError` for anything it cannot take. */
export function compileLoss(source: string, options: CompileOptions): Loss {
	const frontEnd = frontEndFor(options.language);
	const text = withoutByteOrderMark(source);
	if (options.cells) {
		const { graph, site, layout } = lowerInCell(frontEnd, text, options, options.cells);
		return lossFromGraph(graph, site, options.interpret ?? false, layout);
	}
	const { graph, site } = frontEnd.lower(text, options);
	return lossFromGraph(graph, site, options.interpret ?? false);
}

/**
 * Every loss (and failed candidate) in `source`; with `cells`, in a notebook cell read with the cells above it;
 * `files` are the data files it reads, as the host read them.
 */
export function findLosses(source: string, language: LanguageId, cells?: CellContext, files?: DataFiles): FoundLoss[] {
	const text = withoutByteOrderMark(source);
	return cells ? listInCell(frontEndFor(language), text, cells, files) : frontEndFor(language).list(text, files);
}

/**
 * The data files `source` names (paths as written, with their spans), for the host to read before lowering; with
 * `cells`, also those the cells above it name (a cell above that does not parse names none; spans count in its cell).
 */
export function findDataReferences(source: string, language: LanguageId, cells?: CellContext): DataReference[] {
	const frontEnd = frontEndFor(language);
	const referencesIn = (text: string) => frontEnd.dataReferences?.(withoutByteOrderMark(frontEnd.cellText?.(text) ?? text)) ?? [];
	const above = (cells?.above ?? []).flatMap((cell) => {
		try {
			return referencesIn(cell.text);
		} catch (error) {
			if (error instanceof LossSyntaxError) return [];
			throw error;
		}
	});
	return [...above, ...(cells ? referencesIn(source) : (frontEnd.dataReferences?.(withoutByteOrderMark(source)) ?? []))];
}

/** Editors hide a UTF-8 byte-order mark, so lines and columns count from the character after it. */
function withoutByteOrderMark(source: string): string {
	return source.startsWith('\uFEFF') ? source.slice(1) : source;
}

function frontEndFor(language: LanguageId) {
	const frontEnd = frontEnds[language];
	if (!frontEnd) throw new LossSyntaxError(msg`no front end for language '${language}'`, pointSpan(1, 1));
	return frontEnd;
}

/** Wraps a lowered graph as a `Loss`. */
export function lossFromGraph(graph: LossGraph, site: LossSite, interpret: boolean, cells?: CellLayout): Loss {
	const compiled = interpret ? undefined : tryCompile(graph);
	const value = compiled?.value ?? ((x: ArrayLike<number>, batch?: ArrayLike<number>) => interpretValue(graph, x, batch));
	const valueAndGradient =
		compiled?.valueAndGradient ??
		((x: ArrayLike<number>, g: Float64Array, batch?: ArrayLike<number>) => interpretValueAndGradient(graph, x, g, batch));
	const hessianVector =
		compiled?.hessianVector ??
		((x: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array, batch?: ArrayLike<number>) => interpretHessianVector(graph, x, v, out, batch));
	const numeric = (x: ArrayLike<number>, g: Float64Array, batch?: ArrayLike<number>) =>
		numericGradient((p) => value(p, batch), x, g);
	return {
		name: site.name,
		language: site.language,
		site,
		params: graph.paramNames,
		paramSpecs: graph.params,
		start: graph.start,
		sampleCount: batchInfo(graph).count,
		graph,
		compiled: compiled !== undefined,
		...(cells ? { cells } : {}),
		value,
		valueAndGradient,
		numericGradient: numeric,
		hessianVector,
		checkGradient(x, tolerance) {
			const n = graph.paramNames.length;
			const autodiff = new Float64Array(n);
			const numericValues = new Float64Array(n);
			const f = valueAndGradient(x, autodiff);
			numeric(x, numericValues);
			return checkGradient(Array.from(x), f, autodiff, numericValues, tolerance);
		},
	};
}

function tryCompile(graph: LossGraph) {
	try {
		return compileGraph(graph);
	} catch (error) {
		// Hosts whose content security policy forbids generated code (some web workers) use the interpreter.
		if (error instanceof EvalError) return undefined;
		throw error;
	}
}
