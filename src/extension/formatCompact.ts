/**
 * Numbers as the status bar shows them: at most 5 significant digits, exponent notation for very small or large
 * values, so the item stays short while a run converges or diverges.
 */

/** `value` in at most 5 significant digits: `11.24`, `0.012346`, `2.5711e-6`, `1.6778e+7`. */
export function formatCompact(value: number): string {
	if (!Number.isFinite(value) || value === 0) return String(value);
	const magnitude = Math.abs(value);
	if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(5)));
	const [mantissa = '', exponent = ''] = value.toExponential(4).split('e');
	return `${mantissa.replace(/\.?0+$/, '')}e${exponent}`;
}
