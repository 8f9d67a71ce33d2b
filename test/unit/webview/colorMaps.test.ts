/** Colour maps: the published endpoints, clamping, and monotone luminance (what makes them readable in grayscale and for colour-blind readers). */
import { describe, expect, it } from 'vitest';

import { bandColor, colorAt, colorMapNamed, cssColor, relativeLuminance, type ColorMapName } from '../../../src/webview/colorMaps';

const hex = (rgb: readonly number[]) => rgb.map((c) => c.toString(16).padStart(2, '0')).join('');

describe('colour maps', () => {
	it('have the published endpoints', () => {
		expect(hex(colorAt('viridis', 0))).toBe('440154');
		expect(hex(colorAt('viridis', 1))).toBe('fde725');
		expect(hex(colorAt('viridis', 0.5))).toBe('21918c');
		expect(hex(colorAt('cividis', 0))).toBe('002051');
		expect(hex(colorAt('cividis', 1))).toBe('fdea45');
	});

	it('clamp t outside [0, 1] and treat NaN as 0', () => {
		expect(colorAt('viridis', -3)).toEqual(colorAt('viridis', 0));
		expect(colorAt('viridis', 7)).toEqual(colorAt('viridis', 1));
		expect(colorAt('cividis', NaN)).toEqual(colorAt('cividis', 0));
	});

	for (const [name, stops] of [['viridis', 32], ['cividis', 16], ['grayscale', 1]] as [ColorMapName, number][]) {
		it(`${name} has increasing luminance`, () => {
			// Strictly increasing at the published stops ...
			for (let k = 1; k <= stops; k++) {
				expect(relativeLuminance(colorAt(name, k / stops)), `${name} stop ${k}`).toBeGreaterThan(relativeLuminance(colorAt(name, (k - 1) / stops)));
			}
			// ... and between them, up to 8-bit rounding (a dip of at most 0.001 in relative luminance).
			let previous = -1;
			for (let i = 0; i <= 1024; i++) {
				const l = relativeLuminance(colorAt(name, i / 1024));
				expect(l, `${name} at ${i}/1024`).toBeGreaterThan(previous - 1e-3);
				previous = Math.max(previous, l);
			}
			expect(relativeLuminance(colorAt(name, 1)) - relativeLuminance(colorAt(name, 0))).toBeGreaterThan(0.6);
		});
	}

	it('maps band indices onto the whole map and names onto known maps', () => {
		expect(bandColor('viridis', 0, 5)).toEqual(colorAt('viridis', 0));
		expect(bandColor('viridis', 4, 5)).toEqual(colorAt('viridis', 1));
		expect(colorMapNamed('cividis')).toBe('cividis');
		expect(colorMapNamed('jet')).toBe('viridis');
		expect(cssColor([1, 2, 3])).toBe('rgb(1 2 3)');
		expect(cssColor([1, 2, 3], 0.5)).toBe('rgb(1 2 3 / 0.5)');
	});
});
