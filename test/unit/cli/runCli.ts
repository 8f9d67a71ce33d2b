// Runs the `downhill` command in-process for the CLI tests: its exit code and the lines it wrote.
import { expect } from 'vitest';
import { main } from '../../../src/cli/main';

export const fixture = (name: string) => `test/unit/cli/fixtures/${name}`;

export function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
	const out: string[] = [];
	const err: string[] = [];
	const code = main(argv, (l) => out.push(l), (l) => err.push(l));
	return { code, out, err };
}

/** The parsed `--json` output; the command must write nothing to stderr. */
export function json(...argv: string[]) {
	const r = run(...argv, '--json');
	expect(r.err).toEqual([]);
	return JSON.parse(r.out.join('\n'));
}
