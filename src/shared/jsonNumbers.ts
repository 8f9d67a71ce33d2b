/**
 * Non-finite numbers across a JSON transport. A webview's `postMessage` is JSON between the extension host and the
 * panel (typed arrays excepted: VS Code moves their bytes), and JSON turns NaN and ±Infinity into `null`; a loss
 * that diverged is exactly such a number. The host encodes each non-finite number outside a typed array as
 * `{ $number: 'NaN' | 'Infinity' | '-Infinity' }` and the panel decodes it back. Structured-clone transports (the
 * engine's worker) need neither.
 */

/** How one non-finite number travels. */
export interface EncodedNumber {
	readonly $number: 'NaN' | 'Infinity' | '-Infinity';
}

/** A copy of `value` with non-finite numbers encoded (typed arrays are shared, not copied). */
export function encodeNonFinite(value: unknown): unknown {
	if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) as EncodedNumber['$number'] };
	if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	if (Array.isArray(value)) return value.map(encodeNonFinite);
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) out[key] = encodeNonFinite(item);
	return out;
}

/** `value` with each encoded number turned back into the number (changes `value` in place; returns the result). */
export function decodeNonFinite(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
	const encoded = decodedNumber(value);
	if (encoded !== undefined) return encoded;
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) record[key] = decodeNonFinite(record[key]);
	return value;
}

function decodedNumber(value: object): number | undefined {
	const tag = (value as { $number?: unknown }).$number;
	if (Object.keys(value).length !== 1 || (tag !== 'NaN' && tag !== 'Infinity' && tag !== '-Infinity')) return undefined;
	return Number(tag);
}
