/**
 * First steps computed by hand from the update rules, and one focused check per option: what each option changes,
 * seen on a step or two where the arithmetic is easy to follow.
 */

import { describe, expect, it } from 'vitest';

import type { OptionValue, Optimizer, OptimizerState } from '../../../src/engine/optim/optimizer';
import { createOptimizer } from '../../../src/engine/optim/optimizers';

/** Runs `optimizer` over `gradients` (one per step) from `start`; returns the points after each step and the state. */
function run(
	optimizer: Optimizer,
	start: readonly number[],
	gradients: readonly (readonly number[])[],
	lr = optimizer.options['lr'] as number,
): { points: number[][]; state: OptimizerState } {
	const params = Float64Array.from(start);
	const state = optimizer.init(params.length);
	const points = gradients.map((g) => {
		optimizer.step(state, params, Float64Array.from(g), lr);
		return Array.from(params);
	});
	return { points, state };
}

const make = (name: Parameters<typeof createOptimizer>[0], options: Record<string, OptionValue> = {}): Optimizer =>
	createOptimizer(name, options);

/** Movement of each coordinate from `from` to `to`. */
const delta = (from: readonly number[], to: readonly number[]): number[] => to.map((x, i) => x - from[i]!);

describe('first steps by hand', () => {
	const start = [1, -2];
	const g = [4, -0.003];

	it('adam moves each coordinate by lr * g / (|g| + eps), about lr * sign(g)', () => {
		const lr = 0.01;
		const [p1] = run(make('adam', { lr }), start, [g]).points;
		const moved = delta(start, p1!);
		g.forEach((gi, i) => {
			expect(moved[i], `x${i}`).toBeCloseTo((-lr * gi) / (Math.abs(gi) + 1e-8), 14);
			expect(Math.abs(moved[i]! + lr * Math.sign(gi)), `x${i}`).toBeLessThan(1e-7);
		});
	});

	it('sgd with momentum: the first step equals plain sgd, the second adds momentum * buffer', () => {
		const lr = 0.1;
		const g2 = [1, 1];
		const plain = run(make('sgd', { lr }), start, [g, g2]).points;
		const heavy = run(make('sgd', { lr, momentum: 0.9 }), start, [g, g2]).points;
		expect(heavy[0]).toEqual(plain[0]);
		expect(heavy[1]![0]).toBeCloseTo(plain[1]![0]! - lr * 0.9 * g[0]!, 14);
		expect(heavy[1]![1]).toBeCloseTo(plain[1]![1]! - lr * 0.9 * g[1]!, 14);
	});

	it('sgd: p - lr * g exactly', () => {
		const [p1] = run(make('sgd', { lr: 0.25 }), start, [g]).points;
		expect(p1).toEqual([1 - 0.25 * 4, -2 + 0.25 * 0.003]);
	});

	it('adagrad: sum = g^2, so the first step is lr * g / (|g| + eps)', () => {
		const [p1] = run(make('adagrad', { lr: 0.5 }), start, [g]).points;
		expect(delta(start, p1!)[0]).toBeCloseTo(-0.5 * (4 / (4 + 1e-10)), 14);
	});

	it('rmsprop: square_avg = (1 - alpha) g^2, so the first step is lr * g / (sqrt(0.01) |g| + eps)', () => {
		const [p1] = run(make('rmsprop', { lr: 0.01 }), start, [g]).points;
		expect(delta(start, p1!)[0]).toBeCloseTo((-0.01 * 4) / (0.1 * 4 + 1e-8), 13);
	});

	it('adamax: exp_inf = |g| + eps, so the first step is lr * g / (|g| + eps)', () => {
		const [p1] = run(make('adamax', { lr: 0.002 }), start, [g]).points;
		expect(delta(start, p1!)[1]).toBeCloseTo((-0.002 * -0.003) / (0.003 + 1e-8), 15);
	});

	it('nadam: first step from mu_1, mu_2 of the momentum schedule', () => {
		const lr = 0.002;
		const mu1 = 0.9 * (1 - 0.5 * 0.96 ** 0.004);
		const mu2 = 0.9 * (1 - 0.5 * 0.96 ** 0.008);
		const { points, state } = run(make('nadam', { lr }), start, [g]);
		const denom = 4 + 1e-8; // sqrt(v / (1 - beta2)) = |g| on the first step
		const expected = -lr * ((1 - mu1) / (1 - mu1)) * (4 / denom) - ((lr * mu2) / (1 - mu1 * mu2)) * ((0.1 * 4) / denom);
		expect(delta(start, points[0]!)[0]).toBeCloseTo(expected, 14);
		expect(state.scalars['mu_product']).toBeCloseTo(mu1, 15);
	});

	it('radam: the first step is plain sgd on the bias-corrected momentum, lr * g', () => {
		const [p1] = run(make('radam', { lr: 0.01 }), start, [g]).points;
		expect(delta(start, p1!)[0]).toBeCloseTo(-0.01 * 4, 14);
		expect(delta(start, p1!)[1]).toBeCloseTo(-0.01 * -0.003, 16);
	});
});

describe('sgd options', () => {
	const start = [1];
	it('nesterov: the first step is lr * (1 + momentum) * g', () => {
		const [p1] = run(make('sgd', { lr: 0.1, momentum: 0.5, nesterov: true }), start, [[2]]).points;
		expect(p1![0]).toBeCloseTo(1 - 0.1 * 1.5 * 2, 15);
	});

	it('dampening is not applied on the first step, then scales the new gradient by 1 - dampening', () => {
		const { points, state } = run(make('sgd', { lr: 0.1, momentum: 0.5, dampening: 0.5 }), start, [[2], [4]]);
		expect(points[0]![0]).toBeCloseTo(1 - 0.1 * 2, 15);
		expect(state.buffers['momentum_buffer']![0]).toBeCloseTo(0.5 * 2 + 0.5 * 4, 15);
		expect(points[1]![0]).toBeCloseTo(points[0]![0]! - 0.1 * 3, 15);
	});

	it('weight_decay adds weight_decay * param to the gradient', () => {
		const [p1] = run(make('sgd', { lr: 0.1, weight_decay: 0.5 }), [2], [[1]]).points;
		expect(p1![0]).toBeCloseTo(2 - 0.1 * (1 + 0.5 * 2), 15);
	});
});

describe('adagrad options', () => {
	it('lr_decay: clr = lr / (1 + (step - 1) * lr_decay)', () => {
		const lr = 0.5;
		const { points } = run(make('adagrad', { lr, lr_decay: 1 }), [0], [[1], [1]]);
		expect(points[1]![0]! - points[0]![0]!).toBeCloseTo((-lr / 2) * (1 / (Math.SQRT2 + 1e-10)), 14);
	});

	it('initial_accumulator_value starts the sum', () => {
		const { points, state } = run(make('adagrad', { lr: 1, initial_accumulator_value: 3 }), [0], [[1]]);
		expect(points[0]![0]).toBeCloseTo(-1 / (2 + 1e-10), 15);
		expect(state.buffers['sum']![0]).toBe(4);
	});
});

describe('rmsprop options', () => {
	it('centered: divides by sqrt(v - g_avg^2) + eps; first step sqrt(alpha (1 - alpha)) |g|', () => {
		const { points, state } = run(make('rmsprop', { lr: 0.01, centered: true }), [0], [[2]]);
		expect(points[0]![0]).toBeCloseTo((-0.01 * 2) / (Math.sqrt(0.99 * 0.01) * 2 + 1e-8), 13);
		expect(state.buffers['grad_avg']![0]).toBeCloseTo(0.02, 15);
	});

	it('momentum: buffer = momentum * buffer + g / avg, param -= lr * buffer', () => {
		const { points, state } = run(make('rmsprop', { lr: 0.01, momentum: 0.9 }), [0], [[2], [2]]);
		const avg1 = Math.sqrt(0.01 * 4) + 1e-8;
		const avg2 = Math.sqrt(0.99 * 0.01 * 4 + 0.01 * 4) + 1e-8;
		const buf2 = 0.9 * (2 / avg1) + 2 / avg2;
		expect(state.buffers['momentum_buffer']![0]).toBeCloseTo(buf2, 12);
		expect(points[1]![0]).toBeCloseTo(-0.01 * (2 / avg1) - 0.01 * buf2, 13);
	});
});

describe('adam family options', () => {
	it('amsgrad keeps the running max of exp_avg_sq, so a burst keeps later steps small', () => {
		const gradients = [[10], [0.1], [0.1], [0.1]];
		const plain = run(make('adam', { lr: 0.1 }), [0], gradients);
		const ams = run(make('adam', { lr: 0.1, amsgrad: true }), [0], gradients);
		const maxSq = ams.state.buffers['max_exp_avg_sq']![0]!;
		expect(maxSq).toBeGreaterThan(ams.state.buffers['exp_avg_sq']![0]!);
		expect(maxSq).toBeCloseTo(0.001 * 100, 12);
		expect(Math.abs(delta(ams.points[2]!, ams.points[3]!)[0]!)).toBeLessThan(
			Math.abs(delta(plain.points[2]!, plain.points[3]!)[0]!),
		);
	});

	it('adamw decays the weights by 1 - lr * weight_decay; adam adds weight_decay * param to g', () => {
		const zero = [[0], [0], [0]];
		const decoupled = run(make('adamw', { lr: 0.1, weight_decay: 0.5 }), [2], zero).points;
		expect(decoupled.map((p) => p[0])).toEqual([2 * 0.95, 2 * 0.95 * 0.95, 2 * 0.95 * 0.95 * 0.95]);
		const coupled = run(make('adam', { lr: 0.1, weight_decay: 0.5 }), [2], zero).points;
		expect(coupled[0]![0]).toBeCloseTo(2 - 0.1, 7);
	});

	it("adam with decoupled_weight_decay is adamw, bit for bit (PyTorch 2.x's AdamW is that Adam)", () => {
		const gradients = [[3, -1], [2, 0.5], [-1, 0.25]];
		const options = { lr: 0.05, weight_decay: 0.2, amsgrad: true };
		const adamw = run(make('adamw', options), [1, 1], gradients).points;
		const adam = run(make('adam', { ...options, decoupled_weight_decay: true }), [1, 1], gradients).points;
		expect(adam).toEqual(adamw);
	});

	it('nadam decoupled_weight_decay multiplies by 1 - lr * weight_decay instead of touching g', () => {
		const zero = [[0], [0]];
		const decoupled = run(make('nadam', { lr: 0.1, weight_decay: 0.5, decoupled_weight_decay: true }), [2], zero);
		expect(decoupled.points.map((p) => p[0])).toEqual([2 * 0.95, 2 * 0.95 * 0.95]);
		expect(decoupled.state.buffers['exp_avg']![0]).toBe(0);
		const coupled = run(make('nadam', { lr: 0.1, weight_decay: 0.5 }), [2], zero);
		expect(coupled.state.buffers['exp_avg']![0]).toBeGreaterThan(0);
	});

	it('radam decoupled_weight_decay multiplies by 1 - lr * weight_decay instead of touching g', () => {
		const decoupled = run(make('radam', { lr: 0.1, weight_decay: 0.5, decoupled_weight_decay: true }), [2], [[0]]);
		expect(decoupled.points[0]![0]).toBe(2 * 0.95);
		const coupled = run(make('radam', { lr: 0.1, weight_decay: 0.5 }), [2], [[0]]);
		expect(coupled.points[0]![0]).toBeCloseTo(2 - 0.1 * 0.5 * 2, 14);
	});
});

describe('radam rectification', () => {
	// With a constant gradient g, m_hat = g: steps 1-5 move by lr * g (rho_t <= 5 for beta2 = 0.999),
	// from step 6 on by lr * r_t * g * sqrt(1 - beta2^t) / (sqrt(v) + eps), about lr * r_t * sign(g).
	const lr = 0.001;
	const g = 100;
	const { points } = run(make('radam', { lr }), [0], Array.from({ length: 8 }, () => [g]));
	const steps = points.map((p, i) => p[0]! - (i === 0 ? 0 : points[i - 1]![0]!));

	it('takes un-adapted steps while rho_t <= 5 (steps 1 to 5)', () => {
		for (const s of steps.slice(0, 5)) {
			expect(s).toBeCloseTo(-lr * g, 12);
		}
	});

	it('takes rectified adaptive steps once rho_t > 5 (step 6 on)', () => {
		const rhoInf = 2 / (1 - 0.999) - 1;
		const rhoT = (t: number): number => rhoInf - (2 * t * 0.999 ** t) / (1 - 0.999 ** t);
		const r = (t: number): number =>
			Math.sqrt(((rhoT(t) - 4) * (rhoT(t) - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT(t)));
		expect(rhoT(5)).toBeLessThanOrEqual(5);
		expect(rhoT(6)).toBeGreaterThan(5);
		for (const t of [6, 7, 8]) {
			expect(steps[t - 1], `step ${t}`).toBeCloseTo(-lr * r(t), 9);
		}
	});
});
