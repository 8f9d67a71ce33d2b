// The landscape's time budget at every cost per evaluation (issue #14): on a fake clock that each evaluation advances
// by a fixed cost, the map's measurement and values together stay within the 40 ms budget (plus the measurement's
// own evaluations), shrinking the grid down to no grid at all, where the reply carries the cost instead.
import { describe, expect, it } from 'vitest';
import { budgetedGrid, minimumCurvePoints, minimumGridSide, planGrid } from '../../../src/engine/landscape/gridBudget';

/** A loss of `costMs` per evaluation on a fake clock; counts its evaluations. */
function fakeLoss(costMs: number) {
	const loss = { clock: 0, evaluations: 0 };
	const evaluate = () => {
		loss.clock += costMs;
		loss.evaluations++;
	};
	return { loss, evaluate, now: () => loss.clock };
}

const budget = { budgetMs: 40, maxValues: 250_000 };

describe('a landscape within its time budget', () => {
	it('evaluates a loss of 140 ms once and answers that it is too slow (the 16 × 16 floor of before made that 256 evaluations)', () => {
		const { loss, evaluate, now } = fakeLoss(140);
		expect(budgetedGrid(evaluate, 200, 200, { ...budget, now })).toEqual({ kind: 'tooSlow', msPerEvaluation: 140 });
		expect(loss.evaluations).toBe(1);
	});

	it('shrinks the grid in proportion: 1 ms per evaluation leaves 40 values, a 6 × 6 grid of 200 × 200', () => {
		const { loss, evaluate, now } = fakeLoss(1);
		// Measured: the first evaluation, then two more within the 2 ms window, 1 ms each.
		expect(budgetedGrid(evaluate, 200, 200, { ...budget, now })).toEqual({ kind: 'grid', nx: 6, ny: 6 });
		expect(loss.evaluations).toBe(3);
	});

	it('draws nothing once fewer than 4 × 4 values fit: 3 ms per evaluation leaves 13', () => {
		const { evaluate, now } = fakeLoss(3);
		expect(budgetedGrid(evaluate, 200, 200, { ...budget, now })).toEqual({ kind: 'tooSlow', msPerEvaluation: 3 });
		expect(planGrid(200, 200, 2.5, budget)).toEqual({ kind: 'grid', nx: minimumGridSide, ny: minimumGridSide });
	});

	it('keeps a cheap grid whole, and caps it at 250,000 values', () => {
		expect(planGrid(100, 100, 1e-4, budget)).toEqual({ kind: 'grid', nx: 100, ny: 100 });
		expect(planGrid(1000, 1000, 1e-6, budget)).toEqual({ kind: 'grid', nx: 500, ny: 500 });
	});

	it('shortens a curve down to 8 points, then draws none', () => {
		expect(planGrid(400, 1, 1, budget)).toEqual({ kind: 'grid', nx: 40, ny: 1 });
		expect(planGrid(400, 1, 5, budget)).toEqual({ kind: 'grid', nx: minimumCurvePoints, ny: 1 });
		expect(planGrid(400, 1, 6, budget)).toEqual({ kind: 'tooSlow', msPerEvaluation: 6 });
	});

	it('holds the budget at every cost from 1 µs to 10 s per evaluation', () => {
		for (let exponent = -3; exponent <= 4; exponent += 0.25) {
			const cost = 10 ** exponent;
			const { loss, evaluate, now } = fakeLoss(cost);
			const plan = budgetedGrid(evaluate, 400, 300, { ...budget, now });
			const values = plan.kind === 'grid' ? plan.nx * plan.ny : 0;
			const total = loss.clock + values * cost;
			// A cost at or over the budget is paid once. Below it, the measurement is the first evaluation plus a
			// 2 ms window (which may overshoot by one evaluation), and the values fit the budget.
			const bound = cost >= budget.budgetMs ? cost : budget.budgetMs + 2 + 2 * cost;
			expect(total, `${cost} ms per evaluation`).toBeLessThanOrEqual(bound + 1e-9);
			if (plan.kind === 'tooSlow') expect(plan.msPerEvaluation).toBeCloseTo(cost, 9);
		}
	});
});
