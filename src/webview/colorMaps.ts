/**
 * Colour-blind-safe sequential colour maps for the contour bands, chosen by `settings.colorMap`.
 *
 * viridis: van der Walt & Smith's default map for matplotlib (2015, CC0), 33 evenly spaced stops of its 256-entry
 * table. cividis: Nuñez, Anderton & Renslow, "Optimizing colormaps with consideration for color vision deficiency"
 * (PLOS ONE, 2018), 17 evenly spaced stops. grayscale: a neutral ramp that avoids pure black and white so isolines
 * stay visible. Between stops, colours are interpolated linearly in sRGB (the stops are close enough that the
 * error is below one level of 8-bit colour in practice).
 */

export type ColorMapName = 'viridis' | 'cividis' | 'grayscale';
export type Rgb = readonly [number, number, number];

const viridisStops =
	'440154 470d60 48186a 482374 472d7b 453781 424086 3e4989 3b528b 375b8d 33638d 2f6b8e 2c728e 297a8e 26828e 23898e ' +
	'21918c 1f978b 1f9f88 21a685 27ad81 31b57b 3dbc74 4cc26c 5cc863 6ece58 81d34d 95d840 aadc32 c0df25 d5e21a eae51a fde725';
const cividisStops = '002051 012b65 11366c 26426e 3c4d6e 51586e 62646f 727071 7f7c75 8c8877 9a9478 a9a177 bbaf71 cebd68 e2cb5c f3da4f fdea45';
const grayscaleStops = '1a1a1a f0f0f0';

const parseStops = (text: string): Rgb[] =>
	text.split(' ').map((hex) => [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] as const);

const tables: Record<ColorMapName, Rgb[]> = {
	viridis: parseStops(viridisStops),
	cividis: parseStops(cividisStops),
	grayscale: parseStops(grayscaleStops),
};

/** A known colour map name, or viridis. */
export function colorMapNamed(name: string | undefined): ColorMapName {
	return name === 'cividis' || name === 'grayscale' ? name : 'viridis';
}

/** The colour at `t` in [0, 1] (clamped), as integer sRGB components. */
export function colorAt(name: ColorMapName, t: number): Rgb {
	const stops = tables[name];
	const x = (Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0) * (stops.length - 1);
	const i = Math.min(stops.length - 2, Math.floor(x));
	const f = x - i;
	const a = stops[i]!;
	const b = stops[i + 1]!;
	return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** `rgb(r g b)` for canvas fill styles. */
export function cssColor(rgb: Rgb, alpha = 1): string {
	return alpha >= 1 ? `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})` : `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]} / ${alpha})`;
}

/** WCAG 2 relative luminance in [0, 1]. */
export function relativeLuminance(rgb: Rgb): number {
	const channel = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** The colour of band `band` of `bandCount` bands (band 0 is the lowest). */
export function bandColor(name: ColorMapName, band: number, bandCount: number): Rgb {
	return colorAt(name, bandCount <= 1 ? 0 : band / (bandCount - 1));
}
