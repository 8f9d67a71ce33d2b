/**
 * The JavaScript and TypeScript front ends: parse with Babel (never run), find the candidate functions, and lower the
 * chosen one to a `LossGraph` through the language-neutral lowering layer in `../lowering/`. What is supported is
 * listed in the walkers: `statements.ts`, `loops.ts`, `expressions.ts`, `calls.ts`, `lossFunction.ts`.
 */
import { isLossSyntaxError, LossSyntaxError, spanFromOffsets } from '../../errors';
import type { LossGraph } from '../../graph/node';
import { pickLoss, type FoundLoss, type FrontEnd, type LossSite, type LowerOptions } from '../frontEnd';
import { limits, type WorkPool } from '../lowering/context';
import type { DataFiles } from '../data/dataFiles';
import { jsonReferences } from './dataImports';
import { lowerCandidate, parameterNames } from './lossFunction';
import { readModule, type Candidate, type ModuleInfo } from './moduleScope';
import { parseProgram, type ScriptLanguage } from './parse';
import { msg } from '../../message';

const listWork = 4 * limits.work;

function site(candidate: Candidate, language: ScriptLanguage): LossSite {
	return {
		name: candidate.name,
		language,
		params: parameterNames(candidate.node),
		span: candidate.span,
		nameSpan: candidate.nameSpan,
	};
}

/** Lowers a candidate; a stack overflow on absurdly nested input becomes a `LossSyntaxError` too. */
function lowerSafely(info: ModuleInfo, candidate: Candidate, options: LowerOptions, pool?: WorkPool): LossGraph {
	try {
		return lowerCandidate(info, candidate, options, pool);
	} catch (error) {
		if (error instanceof RangeError && /call stack/i.test(error.message)) {
			throw new LossSyntaxError(msg`'${candidate.name}' is nested too deeply to lower`, candidate.span);
		}
		throw error;
	}
}

function frontEnd(language: ScriptLanguage): FrontEnd {
	return {
		list(source: string, files?: DataFiles): FoundLoss[] {
			const info = readModule(parseProgram(source, language).program);
			// Listing lowers every candidate; together they may do a few times the work of one lowering.
			const pool: WorkPool = { remaining: listWork };
			return info.candidates.map((candidate): FoundLoss => {
				try {
					lowerSafely(info, candidate, { files }, pool);
					return { kind: 'loss', site: site(candidate, language) };
				} catch (error) {
					if (!isLossSyntaxError(error)) throw error;
					return { kind: 'error', name: candidate.name, span: candidate.span, error };
				}
			});
		},
		lower(source: string, options: LowerOptions) {
			const info = readModule(parseProgram(source, language).program);
			const candidate = pickLoss(info.candidates, options, spanFromOffsets(source, 0, source.length));
			return { graph: lowerSafely(info, candidate, options), site: site(candidate, language) };
		},
		dataReferences: (source: string) => jsonReferences(parseProgram(source, language).program),
	};
}

/** Losses written in JavaScript. */
export const javaScriptFrontEnd: FrontEnd = frontEnd('javascript');

/** Losses written in TypeScript (type annotations allowed, and used to recognise vector parameters). */
export const typeScriptFrontEnd: FrontEnd = frontEnd('typescript');
