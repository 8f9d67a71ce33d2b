/**
 * Round numbers for axis ticks and linear contour levels: steps of 1, 2 or 5 times a power of ten, the choice
 * described by Heckbert, "Nice numbers for graph labels" (Graphics Gems, 1990). Pure; shared by the plots and
 * `levels.ts`.
 */

/** The 1-2-5 step closest above `rough` (a positive span divided by the number of intervals wanted). */
export function niceStep(rough: number): number {
	if (!(rough > 0) || !Number.isFinite(rough)) return 1;
	const power = 10 ** Math.floor(Math.log10(rough));
	const fraction = rough / power;
	const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
	return nice * power;
}

/** About `count` round values inside [min, max], ascending (empty when the span is not a finite positive number). */
export function niceTicks(min: number, max: number, count = 5): number[] {
	if (!(max > min) || !Number.isFinite(max - min)) return [];
	const step = niceStep((max - min) / Math.max(1, count));
	const ticks: number[] = [];
	const first = Math.ceil(min / step);
	const last = Math.floor(max / step);
	for (let k = first; k <= last && ticks.length <= 1000; k++) {
		// Multiplying the integer index, not accumulating, keeps 0.1 + 0.2 noise out of the labels.
		ticks.push(k * step);
	}
	return ticks;
}
