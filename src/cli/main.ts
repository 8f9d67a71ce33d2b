/**
 * The `downhill` command: headless access to the engine (the same engine the extension runs). Parses arguments
 * with Node's `util.parseArgs`, dispatches to a command, and turns every expected failure into one line on stderr
 * and exit code 2: `FILE:LINE:COLUMN: message` for a loss the engine rejects, a plain message for bad arguments.
 */
import { parseArgs } from 'node:util';
import { isLossSyntaxError } from '../engine/index';
import { CliError } from './cliError';
import { checkCommand, gradCommand } from './gradCommand';
import { listCommand } from './listCommand';
import { runCommand } from './runCommand';
import { hyperParameters, runFlags, usage } from './runFlags';

const commonFlags = {
	function: { type: 'string' },
	language: { type: 'string' },
	json: { type: 'boolean', default: false },
	help: { type: 'boolean', short: 'h', default: false },
} as const;

export function main(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
	const [command, ...rest] = argv;
	let file = '-';
	try {
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			out(usage);
			return command === undefined ? 2 : 0;
		}
		const parsed = parse(command, rest);
		if (parsed.values.help) {
			out(usage);
			return 0;
		}
		if (parsed.positionals.length !== 1) throw new CliError(`${command} takes one FILE (or - for standard input)`);
		file = parsed.positionals[0]!;
		return dispatch(command, file, parsed.values, out);
	} catch (error) {
		if (isLossSyntaxError(error)) err(`${file}:${error.line}:${error.column}: ${error.message}`);
		else if (error instanceof Error && isExpected(error)) err(`downhill: ${error.message}`);
		else throw error;
		return 2;
	}
}

function isExpected(error: Error): boolean {
	const expected = ['CliError', 'OptimizerOptionError', 'ScheduleSyntaxError', 'SettingsError', 'ExpressionError', 'TypeError'];
	return expected.includes(error.name) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
}

function parse(command: string, args: string[]) {
	switch (command) {
		case 'grad':
		case 'check':
			return parseArgs({
				args,
				allowPositionals: true,
				options: { ...commonFlags, at: { type: 'string', multiple: true }, numeric: { type: 'boolean', default: false }, tolerance: { type: 'string' } },
			});
		case 'list':
			return parseArgs({ args, allowPositionals: true, options: commonFlags });
		case 'run':
			return parseArgs({ args, allowPositionals: true, options: { ...commonFlags, ...runFlags } });
		default:
			throw new CliError(`unknown command '${command}' (grad, check, list, run; --help for usage)`);
	}
}

type Values = Record<string, string | boolean | string[] | undefined>;

function dispatch(command: string, file: string, v: Values, out: (line: string) => void): number {
	const base = { file, language: v.language as string | undefined, function: v.function as string | undefined };
	const json = v.json === true;
	switch (command) {
		case 'grad':
			return gradCommand({ ...base, at: (v.at as string[]) ?? [], numeric: v.numeric === true, json }, out);
		case 'check':
			return checkCommand({ ...base, at: (v.at as string[]) ?? [], numeric: false, json, tolerance: number(v.tolerance, '--tolerance') }, out);
		case 'list':
			return listCommand({ ...base, json }, out);
		default:
			return runCommand(
				{
					...base,
					json,
					start: v.start as string | undefined,
					optimizer: v.optimizer as string | undefined,
					options: hyperParameters(v),
					schedule: v.schedule as string | undefined,
					steps: integer(v.steps, '--steps'),
					until: v.until as string | undefined,
					batchSize: integer(v['batch-size'], '--batch-size'),
					seed: integer(v.seed, '--seed'),
					restarts: integer(v.restarts, '--restarts'),
				},
				out,
			);
	}
}

export function number(text: unknown, flag: string): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (typeof text !== 'string' || text.trim() === '' || Number.isNaN(value)) throw new CliError(`${flag} takes a number, not '${String(text)}'`);
	return value;
}

function integer(text: unknown, flag: string): number | undefined {
	const value = number(text, flag);
	if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new CliError(`${flag} takes a whole number ≥ 0, not '${String(text)}'`);
	return value;
}

if (require.main === module) {
	process.exitCode = main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
