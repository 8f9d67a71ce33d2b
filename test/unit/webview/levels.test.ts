/** Contour level choice: linear for even spreads, log-spaced above the minimum for steep bowls; always increasing and inside the range. */
import { describe, expect, it } from 'vitest';

import { bandOf, chooseLevels, linearLevels, logLevels } from '../../../src/webview/levels';

/** Values of f on an n×n grid over [lo, hi]². */
function grid(f: (x: number, y: number) => number, lo: number, hi: number, n = 120): Float64Array {
	const values = new Float64Array(n * n);
	for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) values[r * n + c] = f(lo + ((hi - lo) * c) / (n - 1), lo + ((hi - lo) * r) / (n - 1));
	return values;
}

const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const bowl = (x: number, y: number) => x * x + y * y;

function expectIncreasingInside(levels: readonly number[], min: number, max: number): void {
	expect(levels.length).toBeGreaterThanOrEqual(3);
	for (let i = 0; i < levels.length; i++) {
		expect(levels[i]!, `level ${i}`).toBeGreaterThan(min);
		expect(levels[i]!, `level ${i}`).toBeLessThan(max);
		if (i > 0) expect(levels[i]!, `level ${i} after ${levels[i - 1]}`).toBeGreaterThan(levels[i - 1]!);
	}
}

describe('chooseLevels', () => {
	it('uses linear, evenly spaced round levels for a round bowl', () => {
		const choice = chooseLevels(grid(bowl, -2, 2), 10);
		expect(choice.scale).toBe('linear');
		expectIncreasingInside(choice.levels, choice.min, choice.max);
		const steps = choice.levels.slice(1).map((l, i) => l - choice.levels[i]!);
		for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 9);
		// Covering the range: the gaps at both ends are at most one step.
		expect(choice.levels[0]! - choice.min).toBeLessThanOrEqual(steps[0]! + 1e-12);
		expect(choice.max - choice.levels.at(-1)!).toBeLessThanOrEqual(steps[0]! + 1e-12);
	});

	it('uses log-spaced levels for Rosenbrock, with a constant ratio above the minimum', () => {
		const choice = chooseLevels(grid(rosenbrock, -2, 2), 20);
		expect(choice.scale).toBe('log');
		expectIncreasingInside(choice.levels, choice.min, choice.max);
		const heights = choice.levels.map((l) => l - choice.min);
		const ratios = heights.slice(1).map((h, i) => h / heights[i]!);
		for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 6);
		// The first level resolves the valley (well under 1 % of the span) and the last reaches the walls.
		expect(heights[0]!).toBeLessThan((choice.max - choice.min) * 0.01);
		expect(heights.at(-1)!).toBeGreaterThan((choice.max - choice.min) * 0.4);
	});

	it('works for losses that are negative at the bottom (levels are relative to the minimum)', () => {
		const choice = chooseLevels(grid((x, y) => rosenbrock(x, y) - 1000, -2, 2), 20);
		expect(choice.scale).toBe('log');
		expectIncreasingInside(choice.levels, choice.min, choice.max);
	});

	it('ignores non-finite values and returns nothing for a flat grid', () => {
		const values = grid(bowl, -1, 1, 20);
		values[0] = Infinity;
		values[5] = NaN;
		const choice = chooseLevels(values, 8);
		expect(choice.max).toBeLessThanOrEqual(2);
		expectIncreasingInside(choice.levels, choice.min, choice.max);
		expect(chooseLevels(new Float64Array(100).fill(3)).levels).toEqual([]);
		expect(chooseLevels(new Float64Array(4).fill(NaN)).levels).toEqual([]);
	});

	it('keeps tiny and huge magnitudes strictly increasing', () => {
		for (const [min, max] of [[1e-300, 1e-290], [1e12, 1e12 + 1e-3], [-5e20, 5e20]] as const) {
			expectIncreasingInside(linearLevels(min, max, 10), min, max);
			const log = logLevels(min, max - min, (max - min) * 1e-4, 10);
			for (let i = 1; i < log.length; i++) expect(log[i]!).toBeGreaterThan(log[i - 1]!);
		}
	});
});

describe('bandOf', () => {
	it('counts the levels at or below a value', () => {
		const levels = [1, 2, 4];
		expect([0, 1, 1.5, 2, 3.9, 4, 100].map((v) => bandOf(levels, v))).toEqual([0, 1, 1, 2, 2, 3, 3]);
	});
});
