/**
 * Reads the loss a CLI command works on: the file (or standard input for `-`), its language from the extension
 * or `--language`, the data files it reads (`readDataFiles.ts`), and the chosen function, compiled by the engine.
 */
import { readFileSync } from 'node:fs';
import { compileLoss, languageForPath, type LanguageId, languageIds, type Loss, paramShape } from '../engine/index';
import { CliError } from './cliError';
import { readDataFiles } from './readDataFiles';

export interface LossArguments {
	readonly file: string;
	readonly language?: string;
	readonly function?: string;
}

export function readSource(file: string): string {
	try {
		return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
	} catch (error) {
		throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
}

export function languageOf(args: LossArguments): LanguageId {
	if (args.language !== undefined) {
		if (!(languageIds as readonly string[]).includes(args.language)) {
			throw new CliError(`unknown --language '${args.language}' (one of ${languageIds.join(', ')})`);
		}
		return args.language as LanguageId;
	}
	const language = args.file === '-' ? undefined : languageForPath(args.file);
	if (!language) throw new CliError(`cannot tell the language of '${args.file}'; pass --language`);
	return language;
}

export function loadLoss(args: LossArguments): Loss {
	const source = readSource(args.file);
	const language = languageOf(args);
	return compileLoss(source, { language, name: args.function, files: readDataFiles(args.file, source, language) });
}

/** Parses `1,2.5,-3` into numbers, checking the count against the loss's parameters. */
export function parsePoint(text: string, loss: Loss, flag: string): number[] {
	const values = text.split(',').map((part) => Number(part.trim()));
	if (values.some((v, i) => text.split(',')[i]!.trim() === '' || Number.isNaN(v))) {
		throw new CliError(`${flag} ${text}: expected comma-separated numbers`);
	}
	if (values.length !== loss.params.length) {
		throw new CliError(`${flag} ${text}: ${loss.name} takes ${loss.params.length} values (${loss.params.join(', ')}), got ${values.length}`);
	}
	return values;
}

/** The JSON fields that name a loss's parameters: flat names (`W[0][1]`) and each parameter's shape (`[]` for a scalar). */
export function paramFields(loss: Loss): { params: readonly string[]; shapes: Record<string, readonly number[]> } {
	return { params: loss.params, shapes: Object.fromEntries(loss.paramSpecs.map((spec) => [spec.name, paramShape(spec)])) };
}
