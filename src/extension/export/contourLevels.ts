/**
 * Contour levels and band colours for the exported contour map, following the panel's rule (src/webview/levels.ts,
 * which the extension may not import): linear round levels when the grid's values are spread evenly, log-spaced
 * levels above the minimum when the lowest 5 % of the grid sits more than two decades below the top (Rosenbrock,
 * Himmelblau), so the valley is not one band. Colours: viridis (van der Walt & Smith, matplotlib 2015, CC0), the
 * same 33 evenly spaced stops of its 256-entry table as the panel, interpolated in sRGB.
 */
import { finiteExtent, niceStep } from './svgParts';

export interface Levels {
	/** Strictly increasing, each inside (min, max). */
	readonly levels: readonly number[];
	readonly scale: 'linear' | 'log';
}

/** Chooses about `count` levels for the grid `values` (non-finite values are ignored). */
export function contourLevels(values: ArrayLike<number>, count = 20): Levels {
	const [min, max] = finiteExtent(values);
	if (!(max > min) || !Number.isFinite(max - min)) return { levels: [], scale: 'linear' };
	const span = max - min;
	const low = lowQuantile(values, min, 0.05);
	if (!(low > 0) || Math.log10(span / low) > 2) {
		const a = Math.max(low, span * 1e-6);
		const levels = Array.from({ length: count }, (_, k) => min + a * Math.exp((Math.log(span / a) * k) / count));
		return { levels: increasingInside(levels, min, max), scale: 'log' };
	}
	const step = niceStep(span, count);
	const levels = Array.from({ length: 4 * count }, (_, i) => (Math.floor(min / step) + 1 + i) * step);
	return { levels: increasingInside(levels, min, max), scale: 'linear' };
}

function increasingInside(levels: readonly number[], min: number, max: number): number[] {
	const kept: number[] = [];
	for (const level of levels) if (level > min && level < max && !(level <= kept[kept.length - 1]!)) kept.push(level);
	return kept;
}

/** The `q` quantile of `value - min` over the finite values. */
function lowQuantile(values: ArrayLike<number>, min: number, q: number): number {
	const finite = Float64Array.from(Array.from(values).filter(Number.isFinite), (v) => v - min).sort();
	return finite.length === 0 ? 0 : finite[Math.min(finite.length - 1, Math.floor(q * finite.length))]!;
}

const viridisStops = (
	'440154 470d60 48186a 482374 472d7b 453781 424086 3e4989 3b528b 375b8d 33638d 2f6b8e 2c728e 297a8e 26828e 23898e ' +
	'21918c 1f978b 1f9f88 21a685 27ad81 31b57b 3dbc74 4cc26c 5cc863 6ece58 81d34d 95d840 aadc32 c0df25 d5e21a eae51a fde725'
)
	.split(' ')
	.map((hex) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)));

/** Viridis at `t` in [0, 1] (clamped) as `#rrggbb`. */
export function viridis(t: number): string {
	const x = (Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0) * (viridisStops.length - 1);
	const i = Math.min(viridisStops.length - 2, Math.floor(x));
	const a = viridisStops[i]!;
	const b = viridisStops[i + 1]!;
	return `#${a.map((c, j) => Math.round(c + (b[j]! - c) * (x - i)).toString(16).padStart(2, '0')).join('')}`;
}

/** Whether dark lines read better than light ones over `hex` (WCAG relative luminance above 0.3). */
export function isLight(hex: string): boolean {
	const channel = (k: number) => {
		const s = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16) / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2) > 0.3;
}
