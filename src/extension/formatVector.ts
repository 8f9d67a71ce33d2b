/**
 * Vectors as hovers, notifications and the output channel show them: `(1, 2.5, -3)`, long ones cut short.
 */

/** `values` for display with at most `limit` entries shown, e.g. `(1, 2.5, … 3 more)`. */
export function formatVector(values: ArrayLike<number>, format: (value: number) => string, limit = 8): string {
	const shown = Array.from(values).slice(0, limit).map(format);
	if (values.length > limit) shown.push(`… ${values.length - limit} more`);
	return `(${shown.join(', ')})`;
}
