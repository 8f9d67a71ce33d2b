/**
 * Errors the CLI reports as one line on stderr with exit code 2: bad arguments, or a loss the engine rejects.
 */
export class CliError extends Error {
	override readonly name = 'CliError';
}

/** Non-finite numbers become the strings "NaN", "Infinity", "-Infinity" in JSON output. */
export function toJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}
