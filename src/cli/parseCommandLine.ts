/**
 * The command line of `downhill`, read with Node's `util.parseArgs` plus the three rules it lacks: a negative number
 * after a flag is that flag's value (`--start -1.5,2`), a flag that takes one value may appear once, and every error
 * is one line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';
import { runFlags } from './runFlags';

type Options = NonNullable<ParseArgsConfig['options']>;

const commonFlags = {
	function: { type: 'string' },
	language: { type: 'string' },
	json: { type: 'boolean', default: false },
	help: { type: 'boolean', short: 'h', default: false },
} as const;

const gradFlags = { ...commonFlags, at: { type: 'string', multiple: true }, numeric: { type: 'boolean', default: false }, tolerance: { type: 'string' } } as const;

const flagsOf: ReadonlyMap<string, Options> = new Map<string, Options>([
	['grad', gradFlags],
	['check', gradFlags],
	['list', commonFlags],
	['run', { ...commonFlags, ...runFlags }],
]);

export type Values = Record<string, string | boolean | string[] | undefined>;

/** The flags and positionals of `command`; throws `CliError` (one line) for anything malformed. */
export function parseCommandLine(command: string, args: readonly string[]): { values: Values; positionals: string[] } {
	const options = flagsOf.get(command);
	if (!options) throw new CliError(`unknown command '${command}' (grad, check, list, run; --help for usage)`);
	let parsed;
	try {
		parsed = parseArgs({ args: attachNegativeValues(args, options), options, allowPositionals: true, tokens: true });
	} catch (error) {
		throw new CliError(firstLine(error));
	}
	const seen = new Set<string>();
	for (const token of parsed.tokens) {
		if (token.kind !== 'option' || options[token.name]?.multiple) continue;
		if (seen.has(token.name)) throw new CliError(`--${token.name} is given more than once`);
		seen.add(token.name);
	}
	return { values: parsed.values as Values, positionals: parsed.positionals };
}

const negativeNumber = /^-(\d|\.\d|Infinity)/;

/** `--lr -1` as `--lr=-1`: parseArgs would read the value as a flag. */
function attachNegativeValues(args: readonly string[], options: Options): string[] {
	const out: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') return [...out, ...args.slice(i)];
		const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
		const takesValue = name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string';
		const next = args[i + 1];
		if (takesValue && next !== undefined && negativeNumber.test(next)) {
			out.push(`${arg}=${next}`);
			i++;
		} else out.push(arg);
	}
	return out;
}

function firstLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
