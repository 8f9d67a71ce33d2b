/**
 * `downhill list`: every loss a file defines, with its language, parameters and source range, and each candidate
 * that failed with its error.
 */
import { findLosses } from '../engine/index';
import { toJson } from './cliError';
import { languageOf, readSource, type LossArguments } from './lossInput';
import { readDataFiles } from './readDataFiles';

export function listCommand(args: LossArguments & { readonly json: boolean }, out: (line: string) => void): number {
	const language = languageOf(args);
	const source = readSource(args.file);
	const found = findLosses(source, language, undefined, readDataFiles(args.file, source, language));
	const entries = found.map((f) =>
		f.kind === 'loss'
			? { name: f.site.name, language, params: f.site.params, range: f.site.span }
			: { name: f.name, language, error: { message: f.error.message, line: f.error.line, column: f.error.column }, range: f.span },
	);
	if (args.json) {
		out(toJson({ file: args.file, losses: entries }));
		return 0;
	}
	if (entries.length === 0) out(`${args.file}: no losses found`);
	for (const e of entries) {
		const where = `${args.file}:${e.range.line}:${e.range.column}`;
		if ('error' in e && e.error) out(`${where}: ${e.name}: not a loss: ${e.error.message}`);
		else out(`${where}: ${e.name}(${'params' in e ? e.params.join(', ') : ''}) [${language}]`);
	}
	return 0;
}
