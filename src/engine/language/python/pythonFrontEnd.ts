/**
 * The Python front end: parse with @lezer/python (never run), convert the concrete tree to a small typed tree, find
 * the candidate functions (top-level `def`s and `name = lambda ...`), and lower the chosen one to a `LossGraph`
 * through the language-neutral lowering layer in `../lowering/`. What is supported is listed in the walkers:
 * `statements.ts`, `loops.ts`, `expressions.ts`, `pythonBuiltins.ts`, `pythonNamespaces.ts`, `lossFunction.ts`.
 */
import { isLossSyntaxError, LossSyntaxError, pointSpan } from '../../errors';
import type { LossGraph } from '../../graph/node';
import type { DataFiles, DataReference } from '../data/dataFiles';
import { pythonDataReferences } from './dataReferences';
import { pickLoss, type FoundLoss, type FrontEnd, type LossSite, type LowerOptions } from '../frontEnd';
import { limits, type WorkPool } from '../lowering/context';
import { convertModule } from './convertStatements';
import { lowerCandidate } from './lossFunction';
import { readModule, type Candidate, type ModuleInfo } from './moduleReader';
import { parsePython, SourceText } from './parsePython';
import type { Module } from './pythonAst';
import { msg, type MessageArgument } from '../../message';

const listWork = 4 * limits.work;

function site(candidate: Candidate): LossSite {
	return {
		name: candidate.name,
		language: 'python',
		params: candidate.def.params.map((p) => `${p.star}${p.name}`),
		span: candidate.span,
		nameSpan: candidate.nameSpan,
	};
}

/** A stack overflow on absurdly nested input becomes a `LossSyntaxError` at `span`. */
function guardDepth<T>(what: MessageArgument, span: LossSyntaxError['span'], run: () => T): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof RangeError && /call stack/i.test(error.message)) {
			throw new LossSyntaxError(msg`${what} is nested too deeply to lower`, span);
		}
		throw error;
	}
}

/** The file's top level; a syntax error is thrown as a `LossSyntaxError`. */
function readSource(source: string): ModuleInfo {
	return readModule(convertSource(source));
}

function convertSource(source: string): Module {
	const text = new SourceText(source);
	return guardDepth(msg`the source`, pointSpan(1, 1), () => convertModule(text, parsePython(text).topNode));
}

/** IPython's line magics (`%matplotlib inline`) and shell escapes (`!pip ...`) blanked; a `%%` cell magic blanks all. */
function cellText(text: string): string {
	const lines = text.split('\n');
	const magicCell = text.trimStart().startsWith('%%');
	return lines.map((line) => (magicCell || /^\s*[%!]/.test(line) ? '' : line)).join('\n');
}

function lowerSafely(info: ModuleInfo, candidate: Candidate, options: LowerOptions, pool?: WorkPool): LossGraph {
	return guardDepth(`'${candidate.name}'`, candidate.span, () => lowerCandidate(info, candidate, options, pool));
}

/** Losses written in Python. */
export const pythonFrontEnd: FrontEnd = {
	list(source: string, files?: DataFiles): FoundLoss[] {
		const info = readSource(source);
		// Listing lowers every candidate; together they may do a few times the work of one lowering.
		const pool: WorkPool = { remaining: listWork };
		return info.candidates.map((candidate): FoundLoss => {
			try {
				lowerSafely(info, candidate, { files }, pool);
				return { kind: 'loss', site: site(candidate) };
			} catch (error) {
				if (!isLossSyntaxError(error)) throw error;
				return { kind: 'error', name: candidate.name, span: candidate.span, error };
			}
		});
	},
	lower(source: string, options: LowerOptions) {
		const info = readSource(source);
		const candidate = pickLoss(info.candidates, options, info.span);
		return { graph: lowerSafely(info, candidate, options), site: site(candidate) };
	},
	cellText,
	syntaxError(source: string) {
		try {
			convertSource(source);
			return undefined;
		} catch (error) {
			if (isLossSyntaxError(error)) return error;
			throw error;
		}
	},
	definedNames(source: string) {
		const names = new Map<string, number>();
		let module: Module;
		try {
			module = convertSource(source);
		} catch (error) {
			if (isLossSyntaxError(error)) return names;
			throw error;
		}
		for (const [name, placed] of readModule(module).names) names.set(name, module.body[placed[0]!.position]!.span.line);
		return names;
	},
	dataReferences(source: string): DataReference[] {
		return pythonDataReferences(convertSource(source));
	},
};
