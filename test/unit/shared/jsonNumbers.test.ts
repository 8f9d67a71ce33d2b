// Non-finite numbers across the webview's JSON transport: JSON alone turns NaN and ±Infinity into null; encoded
// first and decoded after, they come back, typed arrays untouched.
import { describe, expect, it } from 'vitest';
import { decodeNonFinite, encodeNonFinite } from '../../../src/shared/jsonNumbers';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('encodeNonFinite / decodeNonFinite', () => {
	it('bring NaN, Infinity and -Infinity through JSON, at any depth', () => {
		const message = { kind: 'notice', body: { type: 'update', current: { loss: Infinity, gradient: [NaN, -Infinity, 2], step: 3 }, stop: { kind: 'diverged' } } };
		expect(throughJson(message)).toMatchObject({ body: { current: { loss: null, gradient: [null, null, 2] } } });
		expect(decodeNonFinite(throughJson(encodeNonFinite(message)))).toEqual(message);
	});

	it('leave typed arrays alone (VS Code moves their bytes) and do not change the original', () => {
		const values = new Float64Array([1, NaN]);
		const message = { landscape: { values, nx: 2 }, loss: NaN };
		const encoded = encodeNonFinite(message) as { landscape: { values: Float64Array }; loss: unknown };
		expect(encoded.landscape.values).toBe(values);
		expect(encoded.loss).toEqual({ $number: 'NaN' });
		expect(message.loss).toBeNaN();
		expect(decodeNonFinite(encoded)).toEqual(message);
	});

	it('decode only the exact marker', () => {
		const lookalikes = { a: { $number: 'NaN', other: 1 }, b: { $number: 'seven' }, c: null, d: 'NaN' };
		expect(decodeNonFinite(structuredClone(lookalikes))).toEqual(lookalikes);
		expect(decodeNonFinite(5)).toBe(5);
	});
});
