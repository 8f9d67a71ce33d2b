/** Layout in a short panel: labels on the map stay inside the plot, and a chart's legend moves below when it would not fit beside. */
import { describe, expect, it } from 'vitest';

import { labelSpot } from '../../../src/webview/mapMarkers';
import { legendPlacement } from '../../../src/webview/plotFit';

const rect = { left: 70, top: 30, width: 520, height: 280 };

describe('labelSpot', () => {
	it('keeps a label that would collide near the top edge inside the plot (below the other label, not above the edge)', () => {
		// "next" sits 15 px under the top edge; −∇L is asked for just above it: moving it up would leave the plot.
		const placed = [[300, rect.top + 15, 60]] as const;
		const [, y] = labelSpot(rect, placed, 310, rect.top + 10, 100);
		expect(y).toBeGreaterThanOrEqual(rect.top + 10);
		expect(Math.abs(y - (rect.top + 15))).toBeGreaterThanOrEqual(16);
	});

	it('keeps a label near the bottom edge inside the plot', () => {
		const bottom = rect.top + rect.height - 10;
		const [, y] = labelSpot(rect, [[300, bottom, 60]], 310, bottom, 100);
		expect(y).toBeLessThanOrEqual(bottom);
		expect(bottom - y).toBeGreaterThanOrEqual(16);
	});

	it('leaves a free label where it was asked for, and pulls one past the right edge back in', () => {
		expect(labelSpot(rect, [], 200, 100, 80)).toEqual([200, 100]);
		expect(labelSpot(rect, [], 580, 100, 80)[0]).toBe(rect.left + rect.width - 80 - 4);
	});
});

describe('legendPlacement', () => {
	it('puts five entries beside a 150 px chart and seven or twenty below it (a second column would be cut off)', () => {
		expect(legendPlacement(5, 150)).toBe('right');
		expect(legendPlacement(7, 150)).toBe('bottom');
		expect(legendPlacement(20, 150)).toBe('bottom');
	});
});
