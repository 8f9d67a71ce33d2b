import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/engine/expression/formatNumber';

describe('formatNumber', () => {
	const table: readonly (readonly [number, string])[] = [
		[0, '0'],
		[-0, '0'],
		[42, '42'],
		[-3, '-3'],
		[123456789, '123456789'],
		[999999999999999, '999999999999999'],
		[1e15, '1e+15'],
		[1e21, '1e+21'],
		[0.5, '0.5'],
		[-2.5, '-2.5'],
		[100.5, '100.5'],
		[0.1 + 0.2, '0.3'],
		[1 / 3, '0.333333'],
		[0.123456789, '0.123457'],
		[-0.000123456789, '-0.000123457'],
		[1.5e-7, '1.5e-7'],
		[1e-7, '1e-7'],
		[1234567.5, '1.23457e+6'],
		[123456.7, '123457'],
		[2.0000001, '2'],
		[5e-324, '4.94066e-324'],
		[Number.MAX_VALUE, '1.79769e+308'],
		[NaN, 'NaN'],
		[Infinity, 'Infinity'],
		[-Infinity, '-Infinity'],
	];
	it.each(table)('%d → %s', (value, text) => {
		expect(formatNumber(value)).toBe(text);
	});
});
