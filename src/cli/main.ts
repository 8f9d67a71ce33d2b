/**
 * The `downhill` command: headless access to the engine (the same engine the extension runs). Parses arguments
 * (`parseCommandLine.ts`), dispatches to a command, and turns every expected failure into one line on stderr and
 * exit code 2: `FILE:LINE:COLUMN: message` for a loss the engine rejects, a plain message for bad arguments.
 */
import { isLossSyntaxError } from '../engine/index';
import { CliError } from './cliError';
import { checkCommand, gradCommand } from './gradCommand';
import { listCommand } from './listCommand';
import { runCommand } from './runCommand';
import { parseCommandLine, type Values } from './parseCommandLine';
import { hyperParameters, usage } from './runFlags';

/** Bounds that keep a run within memory and time a person would wait for. */
const maxSteps = 10_000_000;
const maxRestarts = 10_000;

export function main(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
	const [command, ...rest] = argv;
	let file = '-';
	try {
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			out(usage);
			return command === undefined ? 2 : 0;
		}
		const parsed = parseCommandLine(command, rest);
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
	return expected.includes(error.name);
}

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
					steps: integer(v.steps, '--steps', 1, maxSteps),
					until: v.until as string | undefined,
					batchSize: integer(v['batch-size'], '--batch-size', 0),
					seed: integer(v.seed, '--seed', 0),
					restarts: integer(v.restarts, '--restarts', 1, maxRestarts),
					stopRules: stopRules(v),
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

function integer(text: unknown, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
	const value = number(text, flag);
	if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
		const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
		throw new CliError(`${flag} takes a whole number ${range}, not '${String(text)}'`);
	}
	return value;
}

/** `--gradient-tolerance`, `--loss-tolerance`, `--divergence-steps` and `--no-divergence-stop`. */
function stopRules(v: Values) {
	const divergenceSteps = integer(v['divergence-steps'], '--divergence-steps', 0);
	if (divergenceSteps !== undefined && v['no-divergence-stop'] === true) {
		throw new CliError('give --divergence-steps or --no-divergence-stop, not both');
	}
	return {
		gradientTolerance: number(v['gradient-tolerance'], '--gradient-tolerance'),
		lossTolerance: number(v['loss-tolerance'], '--loss-tolerance'),
		divergenceSteps: v['no-divergence-stop'] === true ? 0 : divergenceSteps,
	};
}

if (require.main === module) {
	process.exitCode = main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
