// Run hints on real sessions: each loss is built so that one diagnosis is known in closed form (curvatures, step
// multipliers), then the session runs and diagnoseRun reads its history.
import { describe, expect, it } from 'vitest';
import { curvatureAt } from '../../../src/engine/curvature/curvature';
import { diagnoseRun, largestCurvature, minSteps, roundDown, type RunHint, type RunHintKind } from '../../../src/engine/session/diagnoseRun';
import { OptimizationSession } from '../../../src/engine/session/optimizationSession';
import type { SessionSettingsInput } from '../../../src/engine/session/sessionSettings';
import type { Loss } from '../../../src/engine/compileLoss';
import { mesa, quadratic, rosenbrock, saturated, square, valley } from './sessionFixtures';

/** Diagnoses the session as it is, carrying `previous` like the panel host does. */
function diagnose(s: OptimizationSession, previous?: RunHintKind): RunHint | undefined {
	const lr = s.currentOptimizer.options.lr as number;
	return diagnoseRun({ history: s.history, position: s.position, since: s.settingsSince(s.position), learningRate: lr, optimizer: s.currentOptimizer.name, previous });
}

/** Steps `n` times, one diagnosis per step with hysteresis; the kinds seen ('-' for none). */
function run(loss: Loss, settings: SessionSettingsInput, n: number): { session: OptimizationSession; kinds: string[]; hints: (RunHint | undefined)[] } {
	const session = new OptimizationSession(loss, settings);
	const hints: (RunHint | undefined)[] = [];
	for (let i = 0; i < n && session.step().reason.kind === 'step'; i++) hints.push(diagnose(session, hints.at(-1)?.kind));
	return { session, kinds: hints.map((h) => h?.kind ?? '-'), hints };
}

describe('diagnoseRun', () => {
	it('says nothing before ten steps', () => {
		const { kinds } = run(valley(), { optimizerOptions: { lr: 0.038 } }, 30);
		expect(kinds.slice(0, minSteps - 1).every((k) => k === '-')).toBe(true);
		expect(kinds[minSteps - 1]).toBe('oscillating');
	});

	it('oscillating: lr just under 2/50 on 0.5(x² + 50y²) zig-zags across the valley; suggests half', () => {
		// y is multiplied by 1 − 0.038·50 = −0.9 per step: each step reverses, while x creeps along by 0.962.
		const { hints } = run(valley(), { optimizerOptions: { lr: 0.038 } }, 20);
		const hint = hints.at(-1)!;
		expect(hint.kind).toBe('oscillating');
		expect(hint.suggestion).toEqual({ setting: 'learningRate', value: 0.019 });
		expect(hint.count).toBeGreaterThanOrEqual(0.6 * (hint.window - 1));
	});

	it('crawling: x² with lr 1e-4 suggests ×10, and caps the increase below 2/κ', () => {
		const { hints } = run(square(), { optimizerOptions: { lr: 1e-4 } }, 30);
		expect(hints.at(-1)).toMatchObject({ kind: 'crawling', suggestion: { setting: 'learningRate', value: 0.001 } });
		expect(hints.at(-1)!.relativeChange).toBeCloseTo(4e-4, 4);
		// Along the valley floor of 0.5(x² + 50y²) with lr 0.003 the run crawls (x × 0.997 a step), but the first steps
		// crossed the valley (curvature ≈ 48 along them): ×10 = 0.03 would pass 2/50, so the cap 1/κ ≈ 0.0208 wins.
		const s = new OptimizationSession(valley(), { optimizerOptions: { lr: 0.003 } });
		s.step(60);
		expect(largestCurvature(s.history, 0, 60)).toBeCloseTo(48.1, 0);
		expect(diagnose(s)).toMatchObject({ kind: 'crawling', suggestion: { setting: 'learningRate', value: 0.02 } });
	});

	it('crawling under Adam suggests ×3', () => {
		const { hints } = run(square(), { optimizer: 'adam', optimizerOptions: { lr: 1e-3 } }, 30);
		expect(hints.at(-1)).toMatchObject({ kind: 'crawling', suggestion: { setting: 'learningRate', value: 0.003 } });
	});

	it('plateau: far out on 1 − exp(−(x²+y²)) and on a saturated tanh, SGD is told to try Adam', () => {
		for (const loss of [mesa(), saturated()]) {
			const { hints } = run(loss, { optimizerOptions: { lr: 0.1 } }, 30);
			expect(hints.at(-1), loss.name).toMatchObject({ kind: 'plateau', suggestion: { setting: 'optimizer', value: 'adam' } });
			expect(hints.at(-1)!.relativeChange).toBeLessThan(1e-3);
		}
	});

	it('plateau under Adam suggests a larger learning rate instead', () => {
		const { hints } = run(mesa(), { optimizer: 'adam', optimizerOptions: { lr: 1e-4 } }, 30);
		expect(hints.at(-1)).toMatchObject({ kind: 'plateau', suggestion: { setting: 'learningRate', value: 0.001 } });
	});

	it('diverging: x² with lr 1.01 grows 4% a step, a hint and not yet a stop; suggests half', () => {
		const { session, kinds, hints } = run(square(), { optimizerOptions: { lr: 1.01 } }, 40);
		expect(kinds[minSteps - 1]).toBe('diverging');
		expect(hints[minSteps - 1]!.suggestion).toEqual({ setting: 'learningRate', value: 0.5 });
		expect(session.step().reason.kind).toBe('step');
	});

	it('a well-tuned run gets no hint at any step', () => {
		for (const [loss, settings] of [
			[valley(), { optimizerOptions: { lr: 0.02 } }],
			[valley(), { optimizerOptions: { lr: 0.03 } }],
			[valley(), { optimizer: 'adam', optimizerOptions: { lr: 0.1 } }],
			[quadratic(), { optimizerOptions: { lr: 0.1 } }],
			[valley(), { optimizerOptions: { lr: 0.03, momentum: 0.5 } }],
		] as const) {
			const { kinds } = run(loss, settings, 150);
			expect(kinds.filter((k) => k !== '-'), `${loss.name} ${JSON.stringify(settings)}`).toEqual([]);
		}
	});

	it('hysteresis: a shown hint outlives its entry thresholds, and the run does not flicker', () => {
		const { session, kinds } = run(valley(), { optimizerOptions: { lr: 0.038 } }, 80);
		const fresh: string[] = [];
		session.goTo(0);
		for (let k = 1; k <= 80; k++) {
			session.goTo(k);
			fresh.push(diagnose(session)?.kind ?? '-');
		}
		const lastFresh = fresh.lastIndexOf('oscillating');
		const lastKept = kinds.lastIndexOf('oscillating');
		expect(lastKept).toBeGreaterThan(lastFresh);
		const changes = kinds.filter((k, i) => i > 0 && k !== kinds[i - 1]).length;
		expect(changes).toBe(2); // on once, off once
	});

	it('a loss that bounces up and down is an oscillation, not a divergence, and the hint holds still', () => {
		// Rosenbrock at lr 0.002: the first steps overshoot the valley, and the loss jumps up and down.
		const { kinds } = run(rosenbrock(), { optimizerOptions: { lr: 0.002 } }, 150);
		expect(kinds).not.toContain('diverging');
		expect(kinds).toContain('oscillating');
		expect(kinds.filter((k, i) => i > 0 && k !== kinds[i - 1]).length).toBeLessThanOrEqual(2);
	});

	it('forgets the old settings: after lr is halved the hint goes and does not come back', () => {
		const s = new OptimizationSession(valley(), { optimizerOptions: { lr: 0.038 } });
		s.step(20);
		expect(diagnose(s)?.kind).toBe('oscillating');
		s.updateSettings({ optimizerOptions: { lr: 0.019 } });
		expect(s.settingsSince(s.position)).toBe(s.position);
		expect(diagnose(s, 'oscillating')).toBeUndefined();
		for (let i = 0; i < 60; i++) {
			s.step();
			expect(diagnose(s, 'oscillating')).toBeUndefined();
		}
	});

	it('rounds suggestions down to two significant digits', () => {
		expect(roundDown(0.019)).toBe(0.019);
		expect(roundDown(0.0199999)).toBe(0.019);
		expect(roundDown(1 / 3)).toBe(0.33);
		expect(roundDown(5)).toBe(5);
		expect(roundDown(0.505)).toBe(0.5);
	});
});

describe('diagnoseRun with the Hessian (plain gradient descent)', () => {
	/** The diagnosis with the Hessian at the session's point, from Hessian-vector products (Lanczos). */
	function withCurvature(s: OptimizationSession, previous?: RunHintKind): RunHint | undefined {
		const lr = s.currentOptimizer.options.lr as number;
		const curvature = () => curvatureAt(s.loss, s.snapshot().x);
		return diagnoseRun({ history: s.history, position: s.position, since: s.settingsSince(s.position), learningRate: lr, optimizer: s.currentOptimizer.name, previous, curvature });
	}

	it('an oscillation quotes η·λ_max near 2 and suggests 1/λ_max', () => {
		// 0.5(x² + 50y²): λ_max = 50, 2/λ_max = 0.04; lr 0.038 gives η·λ_max = 1.9; 1/λ_max = 0.02 makes y settle at once.
		const s = new OptimizationSession(valley(), { optimizerOptions: { lr: 0.038 } });
		s.step(20);
		const hint = withCurvature(s)!;
		expect(hint.kind).toBe('oscillating');
		expect(hint.curvature!.product).toBeCloseTo(1.9, 12);
		expect(hint.curvature!.threshold).toBeCloseTo(0.04, 12);
		expect(hint.suggestion).toEqual({ setting: 'learningRate', value: 0.02 });
	});

	it('a crawl quotes η·λ_min and caps its ×10 at 1/λ_max', () => {
		// Along the floor of 0.5(x² + 50y²) with lr 0.003: η·λ_min = 0.003; ×10 = 0.03 is above 1/λ_max = 0.02.
		const s = new OptimizationSession(valley(), { optimizerOptions: { lr: 0.003 } });
		s.step(60);
		const hint = withCurvature(s)!;
		expect(hint.kind).toBe('crawling');
		expect(hint.curvature!.product).toBeCloseTo(0.003, 12);
		expect(hint.curvature!.threshold).toBeCloseTo(0.04, 12);
		expect(hint.suggestion).toEqual({ setting: 'learningRate', value: 0.02 });
		// x² with lr 1e-4: η·λ_min = 2e-4, and ×10 stays below 1/λ_max = 0.5.
		const t = new OptimizationSession(square(), { optimizerOptions: { lr: 1e-4 } });
		t.step(30);
		expect(withCurvature(t)).toMatchObject({ kind: 'crawling', suggestion: { value: 0.001 }, curvature: { product: 2e-4, threshold: 1 } });
	});
});
