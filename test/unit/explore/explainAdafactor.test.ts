// Adafactor's update-rule card: its terms (factored R and C of a matrix, v of a vector, β̂₂ = 1 − t^τ, ρ = min(lr, 1/√t),
// the clipping by d, α = max(ε₂, RMS(w))·ρ, decoupled weight decay) against numbers worked out by hand from PyTorch
// 2.5's documented algorithm, on a 2×2 matrix and a vector of 2; and the card's formula w_new = w·(1 − ηλ) − α·Û gives
// the optimizer's own next point.
import { describe, expect, it } from 'vitest';
import { explainUpdate } from '../../../src/engine/optim/explainUpdate';
import { createOptimizer } from '../../../src/engine/optim/optimizers';
import type { OptionValue } from '../../../src/engine/optim/optimizer';

const shapes = [[2, 2], [2]];
// W = [[1, 2], [3, 4]] and v = (1, −2); the gradient G = [[1, 1], [1, 3]] and (2, −1).
const x = Float64Array.from([1, 2, 3, 4, 1, -2]);
const gradient = Float64Array.from([1, 1, 1, 3, 2, -1]);

function firstStep(options: Record<string, OptionValue>) {
	const optimizer = createOptimizer('adafactor', options);
	const state = optimizer.init(x.length, shapes);
	return { optimizer, state, explanation: explainUpdate(optimizer, state, x, gradient, options['lr'] as number) };
}

describe('explainUpdate for Adafactor', () => {
	it('step 1: β̂₂ = 0, R and C the row and column means of G², V̂ = R·C/mean(R), U clipped to RMS 1, α = RMS(W)·lr', () => {
		const { explanation } = firstStep({ lr: 0.01 });
		expect(explanation.kind).toBe('adafactor');
		expect(explanation.constants).toMatchObject({ t: 1, tau: -0.8, beta2hat: 0, rho: 0.01, d: 1, eps1: Number.EPSILON, eps2: 1e-3, factored: 1, unfactored: 1 });
		const [w00, w01, w10, w11, v0, v1] = explanation.rows.map((row) => row.terms);
		// Row means of G²: (1 + 1)/2 = 1, (1 + 9)/2 = 5; column means the same; mean(R) = 3.
		expect(w01).toMatchObject({ row: 0, col: 1, R0: 0, R: 1, C0: 0, C: 5, rMean: 3 });
		expect(w10).toMatchObject({ row: 1, col: 0, R: 5, C: 1 });
		expect(w00!.vHat).toBeCloseTo(1 / 3, 15);
		expect(w11!.vHat).toBeCloseTo(25 / 3, 14);
		// U = G/√V̂ = (√3, √0.6, √0.6, 3√3/5): mean of U² = (3 + 0.6 + 0.6 + 1.08)/4 = 1.32.
		expect(w00!.U).toBeCloseTo(Math.sqrt(3), 14);
		expect(w11!.U).toBeCloseTo((3 * Math.sqrt(3)) / 5, 14);
		expect(w00!.rmsU).toBeCloseTo(Math.sqrt(1.32), 14);
		expect(w01!.uHat).toBeCloseTo(Math.sqrt(0.6) / Math.sqrt(1.32), 14);
		// RMS(W) = √(30/4); α = √7.5 · 0.01.
		expect(w10!.rmsW).toBeCloseTo(Math.sqrt(7.5), 14);
		expect(w10!.alpha).toBeCloseTo(0.01 * Math.sqrt(7.5), 16);
		expect(explanation.rows[0]!.next).toBeCloseTo(1 - (0.01 * Math.sqrt(7.5) * Math.sqrt(3)) / Math.sqrt(1.32), 14);
		// The vector: v = g² = (4, 1), U = sign(g), RMS(U) = 1 is not clipped, α = √2.5 · 0.01.
		expect(v0).toMatchObject({ v0: 0, v: 4, vHat: 4, U: 1, rmsU: 1, uHat: 1 });
		expect(v1).toMatchObject({ v: 1, U: -1, uHat: -1 });
		expect(v1!.alpha).toBeCloseTo(0.01 * Math.sqrt(2.5), 16);
		expect(explanation.rows[5]!.next).toBeCloseTo(-2 + 0.01 * Math.sqrt(2.5), 15);
	});

	it('decoupled weight decay shrinks w after α is taken from the undecayed RMS(w); d = 2 leaves RMS(U) = 1.15 unclipped', () => {
		const { explanation } = firstStep({ lr: 0.01, weight_decay: 0.5, d: 2 });
		const [w00, , , , v0] = explanation.rows.map((row) => row.terms);
		expect(w00!.wDecayed).toBeCloseTo(1 - 0.01 * 0.5, 16);
		expect(w00!.uHat).toBeCloseTo(Math.sqrt(3), 14);
		expect(w00!.alpha).toBeCloseTo(0.01 * Math.sqrt(7.5), 16);
		expect(explanation.rows[0]!.next).toBeCloseTo(0.995 - 0.01 * Math.sqrt(7.5) * Math.sqrt(3), 14);
		expect(explanation.rows[4]!.next).toBeCloseTo(0.995 - 0.01 * Math.sqrt(2.5), 15);
		expect(v0!.wDecayed).toBeCloseTo(0.995, 16);
	});

	it('step 2: β̂₂ = 1 − 2^−0.8 blends the stored R, C, v with the new gradient; ρ = min(lr, 1/√2)', () => {
		const optimizer = createOptimizer('adafactor', { lr: 0.9 });
		const state = optimizer.init(x.length, shapes);
		const w = Float64Array.from(x);
		optimizer.step(state, w, gradient, 0.9);
		// The second gradient: G = [[2, 0], [0, 1]], (0.5, 3). Row and column means of G²: (2, 0.5) both.
		const g2 = Float64Array.from([2, 0, 0, 1, 0.5, 3]);
		const explanation = explainUpdate(optimizer, state, w, g2, 0.9);
		const b = 1 - 2 ** -0.8;
		expect(explanation.constants.beta2hat).toBeCloseTo(b, 15);
		expect(explanation.constants.rho).toBeCloseTo(1 / Math.sqrt(2), 15);
		const terms = explanation.rows.map((row) => row.terms);
		const r = [b * 1 + (1 - b) * 2, b * 5 + (1 - b) * 0.5];
		expect(terms[0]!.R).toBeCloseTo(r[0]!, 14);
		expect(terms[3]!.C).toBeCloseTo(r[1]!, 14);
		expect(terms[1]!.vHat).toBeCloseTo((r[0]! * r[1]!) / ((r[0]! + r[1]!) / 2), 14);
		expect(terms[5]!.v).toBeCloseTo(b * 1 + (1 - b) * 9, 14);
		const rmsW = Math.sqrt((w[0]! ** 2 + w[1]! ** 2 + w[2]! ** 2 + w[3]! ** 2) / 4);
		expect(terms[2]!.alpha).toBeCloseTo(rmsW / Math.sqrt(2), 14);
	});

	it('its printed rule w_new = w·(1 − ηλ) − α·Û gives the optimizer’s own next point', () => {
		const { explanation } = firstStep({ lr: 0.05, weight_decay: 0.1, beta2_decay: -0.5 });
		for (const row of explanation.rows) {
			const t = row.terms;
			expect(t.wDecayed! - t.alpha! * t.uHat!).toBeCloseTo(row.next, 14);
		}
	});

	it('maximize falls back to the generic card (its forms are written for descent)', () => {
		expect(firstStep({ lr: 0.01, maximize: true }).explanation.kind).toBe('other');
	});
});
