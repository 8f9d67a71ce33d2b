/**
 * betaPowers against an exact oracle: a double is m·2^e with integer m, so β^t = m^t·2^(e·t) exactly in BigInt, and
 * rounding that to the nearest double (ties to even) is the correctly rounded power PyTorch gets from C's pow.
 */
import { describe, expect, it } from 'vitest';

import { betaPowers } from '../../../src/engine/optim/betaPower';

/** The integer mantissa and binary exponent of a positive double: x = m · 2^e exactly. */
function decompose(x: number): { m: bigint; e: number } {
	let e = 0;
	let m = x;
	while (!Number.isInteger(m)) {
		m *= 2;
		e--;
	}
	return { m: BigInt(m), e };
}

/** m · 2^e rounded to the nearest double, ties to even (normal range only). */
function roundToDouble(m: bigint, e: number): number {
	const bits = m.toString(2).length;
	const drop = bits - 53;
	if (drop <= 0) return Number(m) * 2 ** e;
	const kept = m >> BigInt(drop);
	const rest = m - (kept << BigInt(drop));
	const half = 1n << BigInt(drop - 1);
	const up = rest > half || (rest === half && (kept & 1n) === 1n);
	const mantissa = up ? kept + 1n : kept;
	return Number(mantissa) * 2 ** (e + drop);
}

function exactPower(beta: number, t: number): number {
	const { m, e } = decompose(beta);
	return roundToDouble(m ** BigInt(t), e * t);
}

describe('betaPowers', () => {
	it('is the correctly rounded power for PyTorch defaults and other coefficients', () => {
		for (const beta of [0.9, 0.999, 0.99, 0.95, 0.8, 0.5, 0.3]) {
			const power = betaPowers(beta);
			for (const t of [0, 1, 2, 3, 7, 10, 64, 100, 333, 1000, 1500]) {
				if (beta ** t < 2 ** -80) continue;
				expect(power(t), `${beta}^${t}`).toBe(exactPower(beta, t));
			}
		}
	});

	it('is within one ULP of the engine pow', () => {
		const power = betaPowers(0.999);
		for (let t = 1; t <= 5000; t += 37) {
			const reference = 0.999 ** t;
			const ulp = 2 ** (Math.floor(Math.log2(reference)) - 52);
			expect(Math.abs(power(t) - reference)).toBeLessThanOrEqual(ulp);
		}
	});

	it('gives the same value whatever order the steps are asked in', () => {
		const beta = 0.987654321;
		const power = betaPowers(beta);
		const late = power(4000);
		expect(late).toBe(exactPower(beta, 4000));
		expect(power(3)).toBe(exactPower(beta, 3));
		expect(betaPowers(beta)(4000)).toBe(late);
	});

	it('takes powers below 2^-80 as 0, where 1 - power is exactly 1 either way', () => {
		const power = betaPowers(0.5);
		expect(power(80)).toBe(2 ** -80);
		expect(power(81)).toBe(0);
		expect(power(5000)).toBe(0);
		expect(1 - 0.5 ** 81).toBe(1);
		expect(betaPowers(0)(1)).toBe(0);
	});
});
