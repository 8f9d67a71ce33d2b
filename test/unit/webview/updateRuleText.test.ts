import { describe, expect, it } from 'vitest';
import type { UpdateRuleInfo } from '../../../src/shared/messages';
import { Strings } from '../../../src/webview/strings';
import { updateRuleText } from '../../../src/webview/updateRuleText';

const strings = new Strings();

describe('update rule text', () => {
	it('writes SGD out with the numbers, negative ones in brackets', () => {
		const info: UpdateRuleInfo = {
			kind: 'sgd', optimizer: 'sgd', learningRate: 0.1, constants: { weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 5, g: 8, terms: {}, next: 4.2 }, { index: 1, w: -2, g: -12, terms: {}, next: -0.8 }], size: 2, stepNorm: 1, largestChange: 1.2,
		};
		const text = updateRuleText(info, ['x', 'y'], strings);
		expect(text.formulas).toEqual(['w_new = w − η·∇L']);
		expect(text.rows).toEqual([
			{ name: 'x', lines: ['x_new = 5 − 0.1 × 8 = 4.2'] },
			{ name: 'y', lines: ['y_new = −2 − 0.1 × (−12) = −0.8'] },
		]);
		expect(text.summary).toBeUndefined();
	});

	it('writes momentum and Adam with their own terms, and summarises unlisted parameters', () => {
		const momentum = updateRuleText({
			kind: 'momentum', optimizer: 'sgd', learningRate: 0.1, constants: { momentum: 0.9, dampening: 0, weightDecay: 0, t: 2 },
			rows: [{ index: 0, w: 4.2, g: 6.4, terms: { v0: 8, v: 13.6 }, next: 2.84 }], size: 8, stepNorm: 2, largestChange: 1.36,
		}, ['x'], strings);
		expect(momentum.formulas).toEqual(['v = μ·v + ∇L', 'w_new = w − η·v']);
		expect(momentum.rows[0]!.lines).toEqual(['v = 0.9 × 8 + 6.4 = 13.6', 'x_new = 4.2 − 0.1 × 13.6 = 2.84']);
		expect(momentum.summary).toContain('7 more parameters');
		const adam = updateRuleText({
			kind: 'adam', optimizer: 'adam', learningRate: 0.1, constants: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 5, g: 8, terms: { m0: 0, v0: 0, m: 0.8, v: 0.064, mHat: 8, vHat: 64 }, next: 4.9 }], size: 1, stepNorm: 0.1, largestChange: 0.1,
		}, ['x'], strings);
		expect(adam.rows[0]!.lines).toEqual([
			'm = 0.9 × 0 + 0.1 × 8 = 0.8',
			'v = 0.999 × 0 + 0.001 × 8² = 0.064',
			'm̂ = 0.8 / (1 − 0.9^1) = 8',
			'v̂ = 0.064 / (1 − 0.999^1) = 64',
			'x_new = 5 − 0.1 × 8 / (√64 + 1e-8) = 4.9',
		]);
	});

	it('writes Adadelta, Rprop and L-BFGS with their own terms', () => {
		const adadelta = updateRuleText({
			kind: 'adadelta', optimizer: 'adadelta', learningRate: 1, constants: { rho: 0.9, eps: 0.01, weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 5, g: 2, terms: { s0: 0, u0: 0, s: 0.4, delta: 0.3, u: 0.009 }, next: 4.7 }], size: 1, stepNorm: 0.3, largestChange: 0.3,
		}, ['x'], strings);
		expect(adadelta.formulas).toEqual(['s = ρ·s + (1 − ρ)·∇L²', 'Δ = √(u + ε) / √(s + ε)·∇L', 'u = ρ·u + (1 − ρ)·Δ²', 'w_new = w − η·Δ']);
		expect(adadelta.rows[0]!.lines).toEqual([
			's = 0.9 × 0 + 0.1 × 2² = 0.4',
			'Δ = √(0 + 0.01) / √(0.4 + 0.01) × 2 = 0.3',
			'u = 0.9 × 0 + 0.1 × 0.3² = 0.009',
			'x_new = 5 − 1 × 0.3 = 4.7',
		]);
		const rprop = updateRuleText({
			kind: 'rprop', optimizer: 'rprop', learningRate: 0.01, constants: { etaminus: 0.5, etaplus: 1.2, stepMin: 1e-6, stepMax: 50, weightDecay: 0, t: 3 },
			rows: [
				{ index: 0, w: 1, g: 3, terms: { prev: 2, factor: 1.2, step0: 0.5, step: 0.6, flipped: 0 }, next: 0.4 },
				{ index: 1, w: 2, g: -1, terms: { prev: 4, factor: 0.5, step0: 0.5, step: 0.25, flipped: 1 }, next: 2 },
			], size: 2, stepNorm: 0.6, largestChange: 0.6,
		}, ['x', 'y'], strings);
		expect(rprop.rows[0]!.lines).toEqual(['step = clamp(0.5 × 1.2, 1e-6, 50) = 0.6', 'x_new = 1 − sign(3) × 0.6 = 0.4']);
		expect(rprop.rows[1]!.lines).toEqual(['step = clamp(0.5 × 0.5, 1e-6, 50) = 0.25', strings.get('update.rprop.flip'), 'y_new = 2']);
		const lbfgs = updateRuleText({
			kind: 'lbfgs', optimizer: 'lbfgs', learningRate: 1, constants: { alpha: 1, iterations: 3, evaluations: 4, pairs: 2, weightDecay: 0, t: 1 },
			rows: [{ index: 0, w: 1, g: 2, terms: { d: -1 }, next: 0 }], size: 1, stepNorm: 1, largestChange: 1,
		}, ['x'], strings);
		expect(lbfgs.formulas.slice(0, 2)).toEqual(['d = −H·∇L', 'w_new = w + α·d']);
		expect(lbfgs.formulas[3]).toContain('3 inner iterations, 4 evaluations of L, 2 stored');
		expect(lbfgs.rows[0]!.lines).toEqual(['d = −1', 'x_new = 1 + (−1) = 0']);
	});


	it('names each row by its own parameter: b_new for b, W_new[0][1] for W[0][1]; the formulas keep w', () => {
		const info = {
			kind: 'adamw', optimizer: 'adamw', learningRate: 0.5, constants: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1, t: 1 },
			rows: [{ index: 1, w: 2, g: 4, terms: { wDecayed: 1.9, m0: 0, m: 0.4, v0: 0, v: 0.016, mHat: 4, vHat: 16 }, next: 1.4 }], size: 2, stepNorm: 0.6, largestChange: 0.6,
		} as const;
		const text = updateRuleText(info, ['W[0][0]', 'W[0][1]'], strings);
		expect(text.rows[0]!.name).toBe('W[0][1]');
		expect(text.rows[0]!.lines[0]).toBe('W[0][1] ← 2 × (1 − 0.5 × 0.1) = 1.9');
		expect(text.rows[0]!.lines.at(-1)).toBe('W_new[0][1] = 1.9 − 0.5 × 4 / (√16 + 1e-8) = 1.4');
		expect(text.formulas.at(-1)).toBe('w_new = w − η·m̂ / (√v̂ + ε)');
		const b = updateRuleText({ ...info, kind: 'sgd', constants: { t: 1 }, rows: [{ index: 0, w: 1, g: 2, terms: {}, next: 0 }] }, ['b'], strings);
		expect(b.rows[0]!.lines).toEqual(['b_new = 1 − 0.5 × 2 = 0']);
	});

	it('writes Adafactor with its own terms: R and C of a matrix entry, v of a vector entry, U, Û, α and the decay', () => {
		const constants = { t: 2, tau: -0.8, beta2hat: 0.5, rho: 0.01, d: 1, eps1: 1e-3, eps2: 1e-3, weightDecay: 0.5, factored: 1, unfactored: 1 };
		const text = updateRuleText({
			kind: 'adafactor', optimizer: 'adafactor', learningRate: 0.01, constants,
			rows: [
				{ index: 1, w: 2, g: -1, terms: { row: 0, col: 1, rowSq: 1, colSq: 5, R0: 3, R: 2, C0: 1, C: 3, rMean: 2.5, vHat: 2.4, U: -0.6, rmsU: 1.2, uHat: -0.5, rmsW: 3, alpha: 0.03, wDecayed: 1.99 }, next: 2.005 },
				{ index: 4, w: 1, g: 2, terms: { v0: 0, v: 2, vHat: 2, U: 1.5, rmsU: 1, uHat: 1.5, rmsW: 2, alpha: 0.02, wDecayed: 0.995 }, next: 0.965 },
			], size: 6, stepNorm: 0.03, largestChange: 0.03,
		}, ['W[0][0]', 'W[0][1]', 'W[1][0]', 'W[1][1]', 'v[0]', 'v[1]'], strings);
		expect(text.formulas.slice(0, 6)).toEqual([
			'β̂₂ = 1 − t^τ,  ρ = min(η, 1/√t),  α = max(ε₂, RMS(w))·ρ',
			'w ← w·(1 − η·λ)',
			'R = β̂₂·R + (1 − β̂₂)·mean_row(∇L²),  C = β̂₂·C + (1 − β̂₂)·mean_col(∇L²)',
			'V̂ = R·C / max(mean(R), ε₁)',
			'v = β̂₂·v + (1 − β̂₂)·∇L²,  V̂ = v',
			'U = ∇L / √max(V̂, ε₁²),  Û = U / max(1, RMS(U)/d)',
		]);
		expect(text.formulas.at(-1)).toBe('here β̂₂ = 0.5 (τ = −0.8), ρ = 0.01, d = 1, ε₁ = 0.001, ε₂ = 0.001');
		expect(text.rows[0]!.lines).toEqual([
			'R[0] = 0.5 × 3 + 0.5 × 1 = 2',
			'C[1] = 0.5 × 1 + 0.5 × 5 = 3',
			'V̂ = 2 × 3 / max(2.5, 0.001) = 2.4',
			'U = (−1) / √max(2.4, 0.001²) = −0.6',
			'Û = (−0.6) / max(1, 1.2 / 1) = −0.5',
			'α = max(0.001, 3) × 0.01 = 0.03',
			'W[0][1] ← 2 × (1 − 0.01 × 0.5) = 1.99',
			'W_new[0][1] = 1.99 − 0.03 × (−0.5) = 2.005',
		]);
		expect(text.rows[1]!.lines.slice(0, 2)).toEqual(['v = 0.5 × 0 + 0.5 × 2² = 2', 'U = 2 / √max(2, 0.001²) = 1.5']);
		const vectorOnly = updateRuleText({ kind: 'adafactor', optimizer: 'adafactor', learningRate: 0.01, constants: { ...constants, weightDecay: 0, factored: 0 }, rows: [], size: 0, stepNorm: 0, largestChange: 0 }, [], strings);
		expect(vectorOnly.formulas.slice(0, 3)).toEqual(['β̂₂ = 1 − t^τ,  ρ = min(η, 1/√t),  α = max(ε₂, RMS(w))·ρ', 'v = β̂₂·v + (1 − β̂₂)·∇L²,  V̂ = v', 'U = ∇L / √max(V̂, ε₁²),  Û = U / max(1, RMS(U)/d)']);
	});
});
