/**
 * How the expression language shows a number: in Watch, the Debug Console, hovers and logpoint messages. Compact,
 * like a debugger: integers in full (up to 15 digits), anything else with at most 6 significant digits.
 */

const significantDigits = 6;
const largestPlainInteger = 1e15;

/**
 * `value` for display: `"42"`, `"-3"`, `"0.123457"`, `"1.5e-7"`, `"1.23457e+6"`, `"NaN"`, `"Infinity"`,
 * `"-Infinity"`. Trailing zeros are dropped (`"0.5"`, not `"0.500000"`), and `-0` shows as `"0"`.
 */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) {
		return String(value);
	}
	if (Number.isInteger(value) && Math.abs(value) < largestPlainInteger) {
		return String(value);
	}
	const [mantissa = '', exponent] = value.toPrecision(significantDigits).split('e');
	const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
	return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
