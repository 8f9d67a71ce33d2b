/**
 * Numbers as the panel shows them: four significant digits, exponent notation outside [1e-3, 1e5), and readable
 * signs for non-finite values (a diverged loss shows ∞, not "Infinity").
 */

export function formatNumber(value: number, digits = 4): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return '∞';
	if (value === -Infinity) return '−∞';
	if (value === 0) return '0';
	const magnitude = Math.abs(value);
	const text = magnitude >= 1e-3 && magnitude < 1e5 ? String(Number(value.toPrecision(digits))) : trimExponent(value.toExponential(digits - 1));
	return text.replace(/^-/, '−');
}

/** `1.200e-5` → `1.2e-5`. */
function trimExponent(text: string): string {
	const [mantissa, exponent] = text.split('e');
	const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
	return `${trimmed}e${exponent!.replace('+', '')}`;
}

/** A number for an `<input>` (plain ASCII, parseable back with `Number`). */
export function formatForInput(value: number): string {
	if (!Number.isFinite(value)) return '';
	return String(Number(value.toPrecision(6)));
}
