/**
 * One block of math, start to finish: tokenize, parse, lower. The plain-math and LaTeX front ends treat a whole
 * source as one block; the Markdown front end calls this for every `$...$` it finds. The result says what kind of
 * block it was (an equation, a lone symbol) so each front end can decide what to list and what to skip.
 */
import { isLossSyntaxError, LossSyntaxError } from '../../errors';
import type { LossGraph } from '../../graph/node';
import type { FoundLoss, LanguageId, LossSite } from '../frontEnd';
import type { LineIndex } from './lineIndex';
import { lowerEquation } from './lowerMath';
import { MathParser } from './mathParser';
import { tokenize } from './mathTokenizer';
import type { MathMode } from './mathTokens';
import type { Expr } from './mathAst';
import { noDefinitions, type MathDefinition, type MathDefinitions } from './mathDefinitions';
import { msg } from '../../message';

/** The name of a loss written as a bare expression. */
export const defaultName = 'f';

/** A block's range in the source, with and without its delimiters (`$$`, `\(`...). */
export interface BlockRange {
	readonly start: number;
	readonly end: number;
	readonly contentStart: number;
	readonly contentEnd: number;
}

export interface BlockResult {
	readonly name: string;
	/** True when the block has a top-level `=`. */
	readonly isEquation: boolean;
	/** True for a bare name or number: a reference in prose such as `\(w\)`. */
	readonly lone: boolean;
	readonly graph?: LossGraph;
	readonly error?: LossSyntaxError;
	/** True when the error is a syntax error (the block does not parse), not a lowering error. */
	readonly unparsable: boolean;
	readonly nameStart: number;
	readonly nameEnd: number;
	/** Set when the block defines a function later blocks may call (`\sigma(z) = ...` that lowered). */
	readonly definition?: MathDefinition;
}

/** Tokenizes, parses and lowers `range` of the text of `lines`. Throws nothing but non-syntax bugs. */
export function analyzeBlock(
	lines: LineIndex,
	range: BlockRange,
	mode: MathMode,
	definitions: MathDefinitions = noDefinitions,
): BlockResult {
	const tokens = tokenize(lines.text, range.contentStart, range.contentEnd, mode);
	const parser = new MathParser(tokens, mode, lines, definitions);
	const isEquation = parser.findEquals() >= 0;
	let result: BlockResult = {
		name: defaultName, isEquation, lone: false, unparsable: true, nameStart: range.start, nameEnd: range.start,
	};
	try {
		const lhs = parser.parseLeftSide();
		if (lhs) result = { ...result, name: lhs.name, nameStart: lhs.start, nameEnd: lhs.end };
		const rhs = parser.parseRightSide();
		// An unnamed block's name sits where its formula starts, not on the `$$` line above it.
		const at = lhs ? {} : { nameStart: rhs.start, nameEnd: rhs.start };
		result = { ...result, ...at, unparsable: false, lone: !lhs && isLone(rhs) };
		const start = lhs?.start ?? rhs.start;
		const graph = lowerEquation({ lhs, rhs, start, end: rhs.end }, lines, result.name, definitions);
		const params = lhs?.params?.map((p) => p.name);
		return { ...result, graph, ...(params ? { definition: { name: lhs!.name, params, body: rhs } } : {}) };
	} catch (error) {
		if (isLossSyntaxError(error)) return { ...result, error };
		throw error;
	}
}

/** The `FoundLoss` of an analyzed block: a loss, or an error (also for a function of no variables). */
export function foundLoss(lines: LineIndex, range: BlockRange, result: BlockResult, language: LanguageId): FoundLoss {
	const span = lines.span(range.start, range.end);
	if (result.error) return { kind: 'error', name: result.name, span, error: result.error };
	const graph = result.graph!;
	if (graph.params.length === 0) {
		const error = new LossSyntaxError(msg`${result.name} has no variables: nothing to minimize`, span);
		return { kind: 'error', name: result.name, span, error };
	}
	const site: LossSite = {
		name: result.name,
		language,
		params: graph.params.map((p) => p.name),
		span,
		nameSpan: lines.span(result.nameStart, result.nameEnd),
	};
	return { kind: 'loss', site };
}

/** A bare symbol or number, possibly negated: `w`, `\eta`, `-w`, `3`. */
function isLone(e: Expr): boolean {
	const inner = e.kind === 'neg' ? e.operand : e;
	return inner.kind === 'name' || inner.kind === 'number';
}
