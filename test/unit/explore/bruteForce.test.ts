// Brute force against descent: a grid search finds the minimum of a bowl with k² evaluations, and the count of a
// full search grows as kⁿ (the study note's 1000^500000).
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { bruteForceCombinations, gridSearch } from '../../../src/engine/landscape/bruteForce';

const bowl = compileLoss('function loss(x = 3, y = 3) { return (x - 1) ** 2 + 2 * (y + 0.5) ** 2; }', { language: 'javascript' });
const curve = compileLoss('function loss(x = 5) { return (x - 1) ** 2 + 1; }', { language: 'javascript' });

describe('brute force', () => {
	it('searches k × k points of a 2-D view and keeps the best', () => {
		const result = gridSearch(bowl, { at: [3, 3], axes: [0, 1], xMin: -2, xMax: 3, yMin: -3, yMax: 2, k: 11 });
		expect(result.evaluations).toBe(121);
		expect(Array.from(result.best)).toEqual([1, -0.5]);
		expect(result.bestLoss).toBe(0);
	});

	it('searches k points of a curve', () => {
		const result = gridSearch(curve, { at: [5], axes: [0, -1], xMin: -3, xMax: 5, yMin: 0, yMax: 0, k: 9 });
		expect(result.evaluations).toBe(9);
		expect(result.bestLoss).toBe(1);
	});

	it('counts a full search as a power of ten: 1000^500000 = 10^1500000', () => {
		expect(bruteForceCombinations(1000, 500_000)).toBeCloseTo(1_500_000, 6);
		expect(bruteForceCombinations(100, 2)).toBeCloseTo(4, 12);
	});
});

describe('the panel’s brute-force request', () => {
	it('is checked: at most 500 values per axis', async () => {
		const { validateFromWebview } = await import('../../../src/shared/validatePanelMessage');
		const range = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
		expect(validateFromWebview({ type: 'requestBruteForce', range, axes: [0, 1], k: 100 })).toEqual({ type: 'requestBruteForce', range, axes: [0, 1], k: 100 });
		expect(validateFromWebview({ type: 'requestBruteForce', range, axes: [0, 1], k: 501 })).toBeUndefined();
	});
});
