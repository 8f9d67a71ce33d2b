/**
 * The line-search view's numbers (src/engine/landscape/lineSlice.ts) against a quadratic L = ½xᵀHx, where the
 * lowest point along −∇L is α* = gᵀg / gᵀHg by hand (Nocedal & Wright eq. 3.26), and the verdict for steps that
 * are too long, too short, about right, against −∇L, or taken where there is no slope.
 */
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { lineSlice, verdictOf } from '../../../src/engine/landscape/lineSlice';

// H = diag(1, 10, 4): L = ½(x² + 10y² + 4z²).
const quadratic = compileLoss('function loss(x = 1, y = 1, z = 1) { return 0.5 * (x * x + 10 * y * y + 4 * z * z); }', { language: 'javascript' });
const h = [1, 10, 4];
const x0 = [1, 1, 1];
const g = x0.map((x, i) => h[i]! * x);
const gg = g.reduce((s, v) => s + v * v, 0);
const gHg = g.reduce((s, v, i) => s + v * h[i]! * v, 0);
const alphaStar = gg / gHg; // 117 / 1081
const sgdStep = (lr: number) => x0.map((x, i) => x - lr * g[i]!);

describe('lineSlice', () => {
	it('finds the exact line minimum of a quadratic, α* = gᵀg / gᵀHg', () => {
		const line = lineSlice(quadratic, x0, g, sgdStep(alphaStar), alphaStar);
		expect(line.minimum!.alpha).toBeCloseTo(alphaStar, 8);
		expect(line.minimum!.loss).toBeCloseTo(quadratic.value(sgdStep(alphaStar)), 10);
		expect(line.stepAlpha).toBeCloseTo(alphaStar, 12);
		expect(line.stepAngle).toBeCloseTo(0, 5);
		expect(line.verdict).toBe('aboutRight');
		expect(line.values[0]).toBe(quadratic.value(x0));
		expect(line.values.length).toBe(101);
	});

	it('a step of 2.5 α* is too long; 0.2 α* too short; 1.2 α* about right', () => {
		const long = lineSlice(quadratic, x0, g, sgdStep(2.5 * alphaStar), 2.5 * alphaStar);
		expect(long.verdict).toBe('tooLong');
		expect(long.ratio).toBeCloseTo(2.5, 6);
		expect(long.stepLineLoss).toBeGreaterThan(long.minimum!.loss);
		const short = lineSlice(quadratic, x0, g, sgdStep(0.2 * alphaStar), 0.2 * alphaStar);
		expect(short.verdict).toBe('tooShort');
		expect(short.ratio).toBeCloseTo(0.2, 6);
		// The minimum lies beyond 3 × the step: the chart is stretched to show it.
		expect(short.minimum!.alpha).toBeCloseTo(alphaStar, 8);
		expect(short.alphaMax).toBeGreaterThan(alphaStar);
		expect(lineSlice(quadratic, x0, g, sgdStep(1.2 * alphaStar), 1.2 * alphaStar).verdict).toBe('aboutRight');
	});

	it('projects a step that is not along −∇L onto the line and reports the angle', () => {
		const next = [x0[0]! - 0.1, x0[1]!, x0[2]!];
		const line = lineSlice(quadratic, x0, g, next, 0.01);
		// (next − x)·(−g) / gᵀg = 0.1 / 117
		expect(line.stepAlpha).toBeCloseTo(0.1 / gg, 12);
		expect(line.stepAngle).toBeCloseTo((Math.acos(1 / Math.sqrt(gg)) * 180) / Math.PI, 8);
		expect(line.stepLoss).toBeCloseTo(quadratic.value(next), 12);
	});

	it('says backward for a step against −∇L and flat where the gradient is zero', () => {
		expect(lineSlice(quadratic, x0, g, sgdStep(-0.01), 0.01).verdict).toBe('backward');
		const flat = lineSlice(quadratic, [0, 0, 0], [0, 0, 0], [0, 0, 0], 0.1);
		expect(flat.verdict).toBe('flat');
		expect(flat.minimum).toBeUndefined();
	});

	it('says too short when the loss keeps falling along the line (no minimum)', () => {
		const linear = compileLoss('function loss(x = 0, y = 0) { return -x - 2 * y; }', { language: 'javascript' });
		const line = lineSlice(linear, [0, 0], [-1, -2], [0.01, 0.02], 0.01);
		expect(line.minimum).toBeUndefined();
		expect(line.verdict).toBe('tooShort');
	});

	it('the verdict band is [α*/2, 3α*/2]', () => {
		expect(verdictOf(1, 0.49, true)).toBe('tooShort');
		expect(verdictOf(1, 0.5, true)).toBe('aboutRight');
		expect(verdictOf(1, 1.5, true)).toBe('aboutRight');
		expect(verdictOf(1, 1.51, true)).toBe('tooLong');
	});
});
