// The update rule written out with numbers: SGD, momentum and Adam, first and second steps, against numbers worked
// out by hand from the textbook rules, and against the session's own next point (PyTorch's order of operations).
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { explainUpdate } from '../../../src/engine/optim/explainUpdate';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import type { SessionSettingsInput } from '../../../src/engine/session/sessionSettings';

const quadratic = compileLoss('function loss(x = 5) { return (x - 1) ** 2 + 1; }', { language: 'javascript' });
const bowl = compileLoss('function loss(x = 1, y = -2) { return x * x + 3 * y * y; }', { language: 'javascript' });

function explainAt(loss: typeof quadratic, settings: SessionSettingsInput, steps: number, maxRows?: number) {
	const session = new OptimizationSession(loss, settings);
	if (steps > 0) session.step(steps);
	const next = session.nextUpdate();
	const explanation = explainUpdate(next.optimizer, next.state, next.x, next.gradient, next.learningRate, maxRows);
	return { explanation, peek: session.peekNext() };
}

describe('explainUpdate', () => {
	it('writes out plain SGD: w_new = w − η·g', () => {
		const first = explainAt(quadratic, { optimizer: 'sgd', optimizerOptions: { lr: 0.1 } }, 0).explanation;
		expect(first.kind).toBe('sgd');
		expect(first.rows[0]).toMatchObject({ w: 5, g: 8, next: 4.2 });
		expect(first.learningRate).toBe(0.1);
		const second = explainAt(quadratic, { optimizer: 'sgd', optimizerOptions: { lr: 0.1 } }, 1).explanation;
		expect(second.rows[0]!.w).toBeCloseTo(4.2, 14);
		expect(second.rows[0]!.g).toBeCloseTo(6.4, 14);
		expect(second.rows[0]!.next).toBeCloseTo(3.56, 14);
	});

	it('writes out momentum: v = g on the first step, then v = μ·v + g, w −= η·v', () => {
		const settings = { optimizer: 'sgd', optimizerOptions: { lr: 0.1, momentum: 0.9 } } as const;
		const first = explainAt(quadratic, settings, 0).explanation;
		expect(first.kind).toBe('momentum');
		expect(first.constants).toMatchObject({ momentum: 0.9, dampening: 0, t: 1 });
		expect(first.rows[0]!.terms).toEqual({ v0: 0, v: 8 });
		expect(first.rows[0]!.next).toBeCloseTo(4.2, 14);
		const second = explainAt(quadratic, settings, 1).explanation;
		expect(second.constants.t).toBe(2);
		expect(second.rows[0]!.terms.v0).toBeCloseTo(8, 14);
		expect(second.rows[0]!.g).toBeCloseTo(6.4, 14);
		expect(second.rows[0]!.terms.v).toBeCloseTo(0.9 * 8 + 6.4, 13);
		expect(second.rows[0]!.next).toBeCloseTo(4.2 - 0.1 * 13.6, 13);
	});

	it('writes out Adam: m, v, their bias corrections m̂, v̂, and w −= η·m̂/(√v̂ + ε)', () => {
		const settings = { optimizer: 'adam', optimizerOptions: { lr: 0.1 } } as const;
		const first = explainAt(quadratic, settings, 0).explanation;
		expect(first.kind).toBe('adam');
		expect(first.constants).toMatchObject({ beta1: 0.9, beta2: 0.999, eps: 1e-8, t: 1 });
		const t1 = first.rows[0]!.terms;
		expect(t1.m).toBeCloseTo(0.8, 14);
		expect(t1.v).toBeCloseTo(0.064, 14);
		expect(t1.mHat).toBeCloseTo(8, 12);
		expect(t1.vHat).toBeCloseTo(64, 10);
		expect(first.rows[0]!.next).toBeCloseTo(5 - (0.1 * 8) / (8 + 1e-8), 14);
		const second = explainAt(quadratic, settings, 1).explanation;
		const row = second.rows[0]!;
		expect(row.g).toBeCloseTo(7.8, 8);
		expect(row.terms.m0).toBeCloseTo(0.8, 14);
		expect(row.terms.m).toBeCloseTo(0.9 * 0.8 + 0.1 * row.g, 14);
		expect(row.terms.v).toBeCloseTo(0.999 * 0.064 + 0.001 * row.g * row.g, 14);
		expect(row.terms.mHat).toBeCloseTo(row.terms.m! / 0.19, 12);
		expect(row.terms.vHat).toBeCloseTo(row.terms.v! / (1 - 0.999 ** 2), 10);
		// By hand with g = 7.8: m̂ = 1.5/0.19, v̂ = 0.124776/0.001999.
		expect(row.next).toBeCloseTo(4.9 - (0.1 * (1.5 / 0.19)) / (Math.sqrt(0.124776 / 0.001999) + 1e-8), 7);
	});

	it('reproduces the formula it prints, and its result is the session’s next point exactly', () => {
		const table: SessionSettingsInput[] = [
			{ optimizer: 'sgd', optimizerOptions: { lr: 0.05 } },
			{ optimizer: 'sgd', optimizerOptions: { lr: 0.05, momentum: 0.9 } },
			{ optimizer: 'sgd', optimizerOptions: { lr: 0.05, momentum: 0.9, nesterov: true } },
			{ optimizer: 'adam', optimizerOptions: { lr: 0.1, weight_decay: 0.01 } },
			{ optimizer: 'adamw', optimizerOptions: { lr: 0.1, weight_decay: 0.1 } },
			{ optimizer: 'rmsprop', optimizerOptions: { lr: 0.01 } },
		];
		for (const settings of table) {
			for (const steps of [0, 1, 7]) {
				const { explanation, peek } = explainAt(bowl, settings, steps);
				const name = `${settings.optimizer} ${JSON.stringify(settings.optimizerOptions)} after ${steps}`;
				explanation.rows.forEach((row, i) => {
					expect(row.next, name).toBe(peek[i]);
					expect(printed(explanation.kind, explanation.constants, explanation.learningRate, row), name).toBeCloseTo(row.next, 10);
				});
			}
		}
	});

	it('lists the first rows and summarises the rest', () => {
		const wide = compileLoss('function loss(w = [1, 2, 3, 4, 5, 6, 7, 8]) { return w.reduce((s, v) => s + v * v, 0); }', { language: 'javascript' });
		const { explanation } = explainAt(wide, { optimizer: 'sgd', optimizerOptions: { lr: 0.1 } }, 0);
		expect(explanation.rows.length).toBe(6);
		expect(explanation.size).toBe(8);
		expect(explanation.largestChange).toBeCloseTo(1.6, 14);
		expect(explanation.stepNorm).toBeCloseTo(0.2 * Math.hypot(1, 2, 3, 4, 5, 6, 7, 8), 12);
	});
});

/** The new value as the panel prints the rule (textbook form, not PyTorch's operation order). */
function printed(kind: string, c: Readonly<Record<string, number>>, lr: number, row: { w: number; g: number; terms: Readonly<Record<string, number>>; next: number }): number {
	const t = row.terms;
	switch (kind) {
		case 'sgd':
			return row.w - lr * row.g;
		case 'momentum':
			return row.w - lr * t.v!;
		case 'nesterov':
			return row.w - lr * t.direction!;
		case 'adam':
			return row.w - (lr * t.mHat!) / (Math.sqrt(t.vHat!) + c.eps!);
		case 'adamw':
			return (t.wDecayed ?? row.w) - (lr * t.mHat!) / (Math.sqrt(t.vHat!) + c.eps!);
		default:
			return row.next;
	}
}

describe('explainUpdate for Adadelta, Rprop and L-BFGS', () => {
	it('writes out Adadelta: s, Δ = √(u + ε)/√(s + ε)·g, u and w −= η·Δ', () => {
		const { explanation, peek } = explainAt(quadratic, { optimizer: 'adadelta' }, 0);
		expect(explanation.kind).toBe('adadelta');
		expect(explanation.constants).toMatchObject({ rho: 0.9, eps: 1e-6, t: 1 });
		const delta = (Math.sqrt(1e-6) / Math.sqrt(0.1 * 64 + 1e-6)) * 8;
		const terms = explanation.rows[0]!.terms;
		expect(terms.s).toBeCloseTo(6.4, 14);
		expect(terms.delta).toBeCloseTo(delta, 15);
		expect(terms.u).toBeCloseTo(0.1 * delta * delta, 18);
		expect(explanation.rows[0]!.next).toBeCloseTo(5 - delta, 14);
		expect(explanation.rows[0]!.next).toBe(peek[0]);
	});

	it('writes out Rprop: the step grows by η₊ while the sign holds, shrinks by η₋ on a flip, where w stays', () => {
		const lr = 0.01;
		const first = explainAt(quadratic, { optimizer: 'rprop', optimizerOptions: { lr } }, 0).explanation;
		expect(first.kind).toBe('rprop');
		expect(first.rows[0]!.terms).toMatchObject({ prev: 0, factor: 1, step: lr, flipped: 0 });
		expect(first.rows[0]!.next).toBeCloseTo(5 - lr, 15);
		const second = explainAt(quadratic, { optimizer: 'rprop', optimizerOptions: { lr } }, 1).explanation;
		expect(second.rows[0]!.terms).toMatchObject({ factor: 1.2, step0: lr });
		expect(second.rows[0]!.terms.step).toBeCloseTo(1.2 * lr, 15);
		const nearMinimum = compileLoss('function loss(x = 1.005) { return (x - 1) ** 2 + 1; }', { language: 'javascript' });
		const flip = explainAt(nearMinimum, { optimizer: 'rprop', optimizerOptions: { lr } }, 1).explanation;
		expect(flip.rows[0]!.terms).toMatchObject({ factor: 0.5, flipped: 1 });
		expect(flip.rows[0]!.terms.step).toBeCloseTo(0.5 * lr, 15);
		expect(flip.rows[0]!.next).toBe(flip.rows[0]!.w);
	});

	it('writes out L-BFGS: its direction, last α and the counts of one step (one Newton step on a bowl)', () => {
		const session = new OptimizationSession(bowl, { optimizer: 'lbfgs', optimizerOptions: { line_search_fn: 'strong_wolfe' } });
		const next = session.nextUpdate();
		const explanation = explainUpdate(next.optimizer, next.state, next.x, next.gradient, next.learningRate, 6, next.objective);
		expect(explanation.kind).toBe('lbfgs');
		expect(explanation.constants.evaluations).toBeGreaterThanOrEqual(2);
		expect(explanation.constants.iterations).toBeGreaterThanOrEqual(2);
		expect(explanation.rows.map((r) => r.next)).toEqual(Array.from(session.peekNext()));
		// x² + 3y² is minimized at the origin; one L-BFGS step (its inner iterations) gets most of the way from (1, −2).
		expect(Math.hypot(...explanation.rows.map((r) => r.next))).toBeLessThan(1e-4);
	});
});
