/**
 * Exact Hessian-vector products and Hessians, of the generated code (compileGraph.ts) and of the reference
 * interpreter alike: against Hessians derived by hand for the classic test functions (≤1e-10 relative), and against
 * central differences of the autodiff gradient for losses that use every op of the IR. Then the threshold 2/λ_max checked empirically: gradient descent just below it converges, just
 * above it diverges.
 */
import { describe, expect, it } from 'vitest';
import { compileLoss, type Loss } from '../../../src/engine/compileLoss';
import { curvatureOf, hessianMatrix } from '../../../src/engine/curvature/curvature';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import { describeStop } from '../../../src/engine/session/stopReason';

const compiledMath = (source: string) => compileLoss(source, { language: 'math' });
const product = (loss: Loss, x: number[]) => (v: Float64Array, out: Float64Array) => void loss.hessianVector(x, v, out);

function expectMatrixClose(actual: Float64Array, expected: number[][], tolerance: number, label: string): void {
	const d = expected.length;
	const scale = Math.max(...expected.flat().map(Math.abs), 1e-300);
	for (let i = 0; i < d; i++) {
		for (let j = 0; j < d; j++) expect(Math.abs(actual[i * d + j]! - expected[i]![j]!) / scale, `${label} H[${i}][${j}]`).toBeLessThanOrEqual(tolerance);
	}
}

/** Hand-derived Hessians. */
const classics: { name: string; source: string; points: number[][]; hessian: (x: number, y: number) => number[][] }[] = [
	{
		name: 'rosenbrock',
		source: 'f(x, y) = (1 - x)^2 + 100 (y - x^2)^2',
		points: [[-1.2, 1], [1, 1], [0.3, -2]],
		hessian: (x, y) => [[2 - 400 * (y - x * x) + 800 * x * x, -400 * x], [-400 * x, 200]],
	},
	{
		name: 'himmelblau',
		source: 'f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
		points: [[-1, 1], [3, 2], [0.5, -0.25]],
		hessian: (x, y) => [[12 * x * x + 4 * y - 42, 4 * x + 4 * y], [4 * x + 4 * y, 12 * y * y + 4 * x - 26]],
	},
	{
		name: 'quadratic',
		source: 'f(x, y) = x^2 + 3 y^2 + x y',
		points: [[2, -1]],
		hessian: () => [[2, 1], [1, 6]],
	},
	{
		name: 'exp-sin',
		source: 'f(x, y) = exp(x) sin(y)',
		points: [[0.3, 1.1], [-1, -2]],
		hessian: (x, y) => [[Math.exp(x) * Math.sin(y), Math.exp(x) * Math.cos(y)], [Math.exp(x) * Math.cos(y), -Math.exp(x) * Math.sin(y)]],
	},
];

const implementations = [
	['generated code', false],
	['the interpreter', true],
] as const;

describe.each(implementations)('Hessian-vector products of %s', (_label, interpret) => {
	const math = (source: string) => compileLoss(source, { language: 'math', interpret });
	const javascript = (source: string) => compileLoss(source, { language: 'javascript', interpret });

	it('come from the implementation named', () => {
		expect(math('f(x, y) = x^2 y').compiled).toBe(!interpret);
	});

	it.each(classics.flatMap((c) => c.points.map((p) => [`${c.name} at (${p.join(', ')})`, c, p] as const)))('%s matches the hand-derived Hessian', (label, c, p) => {
		const loss = math(c.source);
		expectMatrixClose(hessianMatrix(product(loss, p), 2), c.hessian(p[0]!, p[1]!), 1e-10, label);
	});

	const mixed = [
		'f(a, b, c) = log(1 + a^2) + sqrt(b^2 + 1) * tanh(c) + a / (2 + b^2) + atan(a * c) + cos(b) ^ 3',
		'f(x, y) = atan2(y, x + 3) + sinh(x y) - cosh(y) / 4 + asin(x / 3) + log1p(y^2) + exp(-x) * tan(y / 2) + cbrt(x + 2)',
		'f(x, y) = expm1(x y) + acos(x / 2) * sin(y) + log(x + 2) / (y^2 + 1) + (x + 2)^y',
	];
	it.each(mixed)('matches central differences of the gradient: %s', (source) => expectCentralDifferences(math(source)));

	it('matches central differences on the piecewise ops too (abs, min, max, %, sign, rounding, a ternary, comparisons)', () => {
		expectCentralDifferences(javascript(`function loss(x = 0, y = 0) {
	return Math.abs(x - 1) * y ** 2 + Math.max(x, y) ** 2 + Math.min(x * y, 1) * x + (x * x + y) % 1.5 + Math.sign(y) * x ** 3
		+ Math.floor(x + 3) * y * y + (x > y && y >= 0 ? x * x * y : Math.sin(x * y)) + Math.atan2(y, 2) * Math.round(x + 0.7) + Math.trunc(x) - Math.ceil(y);
}`));
	});

	function expectCentralDifferences(loss: Loss): void {
		const d = loss.params.length;
		const x = Array.from({ length: d }, (_, i) => 0.4 - 0.35 * i);
		const h = hessianMatrix(product(loss, x), d);
		const step = 1e-5;
		for (let j = 0; j < d; j++) {
			const plus = new Float64Array(d);
			const minus = new Float64Array(d);
			loss.valueAndGradient(x.map((v, i) => (i === j ? v + step : v)), plus);
			loss.valueAndGradient(x.map((v, i) => (i === j ? v - step : v)), minus);
			for (let i = 0; i < d; i++) expect(Math.abs(h[i * d + j]! - (plus[i]! - minus[i]!) / (2 * step)), `H[${i}][${j}]`).toBeLessThan(1e-7);
		}
	}

	it('takes a mini-batch like the gradient, and sums over data stay loops', () => {
		const loss = javascript('const X = [1, 2, 3, 4];\nconst Y = [2, 3, 5, 9];\nfunction loss(w = 0.5, b = 0) { let s = 0; for (let i = 0; i < 4; i++) s += (w * X[i] + b - Y[i]) ** 2; return s / 4; }');
		// Mean squared error: H = (2/n)·Σ [[x², x], [x, 1]].
		expectMatrixClose(hessianMatrix(product(loss, [0.5, 0]), 2), [[15, 5], [5, 2]], 1e-12, 'mse');
		const out = new Float64Array(2);
		loss.hessianVector([0.5, 0], [1, 0], out, [3]);
		// One sample (x = 4) scaled by n/B = 4: (2/4)·4·[16, 4].
		expect(Array.from(out)).toEqual([32, 8]);
	});
});

describe('the stability threshold 2/λ_max, empirically', () => {
	const math = compiledMath;
	function finalLoss(loss: Loss, start: number[], lr: number, steps: number): number {
		const session = new OptimizationSession(loss, { optimizer: 'sgd', optimizerOptions: { lr }, maxSteps: steps, divergenceSteps: 0 }, start);
		session.step(steps);
		return session.snapshot().loss;
	}

	it('on a quadratic with known spectrum: η just below 2/λ_max converges, just above diverges', () => {
		const loss = math('f(x, y) = 0.5 (8 x^2 + 0.5 y^2)');
		const c = curvatureOf(product(loss, [1, 1]), 2);
		expect(c.lambdaMax).toBeCloseTo(8, 12);
		expect(c.lambdaMin).toBeCloseTo(0.5, 12);
		expect(c.stabilityThreshold).toBeCloseTo(0.25, 12);
		expect(finalLoss(loss, [1, 1], 0.98 * c.stabilityThreshold, 2000)).toBeLessThan(1e-12);
		expect(finalLoss(loss, [1, 1], 1.02 * c.stabilityThreshold, 2000)).toBeGreaterThan(1e6);
	});

	it('near Rosenbrock’s minimum, with λ_max from the Hessian there (above it, the run is thrown off the minimum)', () => {
		const loss = math('f(x, y) = (1 - x)^2 + 100 (y - x^2)^2');
		const c = curvatureOf(product(loss, [1, 1]), 2);
		// H(1, 1) = [[802, −400], [−400, 200]]: λ_max = 501 + √(301² + 400²).
		expect(c.lambdaMax).toBeCloseTo(501 + Math.hypot(301, 400), 9);
		const start = [1.001, 1.001];
		expect(finalLoss(loss, start, 0.95 * c.stabilityThreshold, 20000)).toBeLessThan(1e-10);
		// Just above, the iterate is pushed out along the top eigenvector until the valley's curvature bends it into
		// an oscillation that never settles: it ends far above the start's loss of about 4e-4.
		expect(finalLoss(loss, start, 1.05 * c.stabilityThreshold, 20000)).toBeGreaterThan(1e-2);
	});

	it('says so when a run diverges: η is above 2/λ_max at the point where the divergence began', () => {
		const loss = math('f(x, y) = 0.5 (8 x^2 + 0.5 y^2)');
		const session = new OptimizationSession(loss, { optimizer: 'sgd', optimizerOptions: { lr: 0.3 } }, [1, 1]);
		const stop = session.continue(500).reason;
		expect(stop.kind).toBe('diverged');
		expect(describeStop(stop)).toContain('η = 0.3 is above 2/λ_max = 0.25 at this point.');
	});
});
