/**
 * The stepping session, the runtime every surface drives: the panel's buttons, the palette commands, the debug
 * adapter and the CLI all call these methods and render what they return. It holds the loss, the optimizer and its
 * state, and the history; it is independent of VS Code and of the Debug Adapter Protocol (the split of
 * vscode-mock-debug's `mockRuntime.ts`).
 *
 * Step back is an index move. Stepping forward from an earlier point drops the abandoned future and continues from
 * there with the current settings; the optimizer state at that point is rebuilt from the nearest checkpoint by
 * replaying the recorded gradients, so replays give the same numbers bit for bit.
 */
import type { Loss } from '../compileLoss';
import { paramShape } from '../graph/node';
import { cloneState, type Objective, type Optimizer, type OptimizerName, type OptimizerState } from '../optim/optimizer';
import { createOptimizer } from '../optim/optimizers';
import { ScheduledOptimizer } from '../optim/scheduledOptimizer';
import { Breakpoints, type BreakpointSpec, type BreakpointStatus } from './breakpoints';
import { History } from './history';
import { batchForStep } from './miniBatch';
import { resolveSessionSettings, type SessionSettings, type SessionSettingsInput } from './sessionSettings';
import type { SessionImage } from './sessionImage';
import { SessionVariables } from './sessionVariables';
import { norm, stopAt, stopRuleInHistory, type StepOutcome } from './stopRules';
import type { StopReason, StopResult } from './stopReason';
import { ContinueRun } from './continueRun';
import { suggestLearningRate } from './suggestLearningRate';
import { curvatureAt } from '../curvature/curvature';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const checkpointEvery = 1024;

/** Everything a view needs to draw the current point. Arrays are copies. */
export interface SessionSnapshot {
	readonly step: number;
	readonly historyLength: number;
	readonly params: readonly string[];
	readonly x: Float64Array;
	readonly loss: number;
	readonly gradient: Float64Array;
	readonly gradientNorm: number;
	/** The learning rate of the update from this point. */
	readonly learningRate: number;
	readonly optimizer: { readonly name: string; readonly options: Readonly<Record<string, unknown>>; readonly state: OptimizerState };
	readonly settings: SessionSettings;
	readonly lastStop: StopReason;
}

/** A change of optimizer or hyper-parameters, in effect from update `from`. */
interface Segment {
	readonly from: number;
	readonly optimizer: Optimizer;
	/** The optimizer under the schedule then in effect (for a momentum the schedule cycled). */
	readonly scheduled: ScheduledOptimizer;
}

export class OptimizationSession {
	readonly history: History;
	readonly breakpoints = new Breakpoints();
	readonly variables: SessionVariables;
	private settingsValue: SessionSettings;
	private optimizer: Optimizer;
	/** The optimizer under the current schedule: each update's rate, and the momentum OneCycleLR/CyclicLR set. */
	private scheduled: ScheduledOptimizer;
	/** Per update k, the momentum (or beta1) a cycling schedule gave it, for replays. */
	private momenta: number[] = [];
	private readonly lossAt = (j: number): number => this.history.loss(j);
	/** The parameter tensors' shapes (Adafactor factors a matrix's second moments). */
	private readonly shapes: readonly (readonly number[])[];
	private segments: Segment[] = [];
	private checkpoints = new Map<number, OptimizerState>();
	/** Per record k, the points (and losses) the update into k evaluated: L-BFGS's line-search probes. */
	private probes = new Map<number, Float64Array>();
	/** Optimizer state after `history.length - 1` updates. */
	private state: OptimizerState;
	private positionValue = 0;
	private lastStopValue: StopReason = { kind: 'entry' };
	private startPoint: Float64Array;
	private readonly scratch: { x: Float64Array; batch?: Int32Array };
	/** The last record, kept out of the history's chunks for the hot path of `advance`. */
	private readonly head: {
		x: Float64Array;
		gradient: Float64Array;
		loss: number;
		lr: number;
		growthRun: number;
		lossBeforeGrowth: number;
		startLoss: number;
	};
	/** Reused for every update's stop check, so the hot path does not allocate. */
	private readonly outcome: Mutable<StepOutcome> = {
		step: 0, loss: 0, previousLoss: 0, gradientNorm: 0, stepLength: 0, pointNorm: 0, growthRun: 0, lossBeforeGrowth: 0, startLoss: 0,
	};

	constructor(
		readonly loss: Loss,
		settings: SessionSettingsInput = {},
		start: ArrayLike<number> = loss.start,
	) {
		const d = loss.params.length;
		checkPoint(start, d);
		this.shapes = loss.paramSpecs.map(paramShape);
		this.settingsValue = resolveSessionSettings(settings);
		this.optimizer = createOptimizer(this.settingsValue.optimizer, this.settingsValue.optimizerOptions);
		this.scheduled = new ScheduledOptimizer(this.optimizer, this.settingsValue.schedule);
		this.history = new History(d);
		this.variables = new SessionVariables(this);
		this.scratch = { x: new Float64Array(d) };
		this.head = { x: new Float64Array(d), gradient: new Float64Array(d), loss: 0, lr: 0, growthRun: 0, lossBeforeGrowth: 0, startLoss: 0 };
		this.startPoint = Float64Array.from(start);
		this.state = this.optimizer.init(d, this.shapes);
		this.reset();
	}

	get settings(): SessionSettings {
		return this.settingsValue;
	}

	/** Index of the current record; 0 is the start point. */
	get position(): number {
		return this.positionValue;
	}

	get lastStop(): StopReason {
		return this.lastStopValue;
	}

	get start(): Float64Array {
		return Float64Array.from(this.startPoint);
	}

	/**
	 * The learning rate of the next update from the current position: the current settings, with the schedule at
	 * that step. After a step back and a change of `lr`, this is the new rate (the next update uses it), while the
	 * history keeps the rates the recorded updates used.
	 */
	get learningRate(): number {
		return this.learningRateFor(this.positionValue);
	}

	get currentOptimizer(): Optimizer {
		return this.optimizer;
	}

	/** First record of the settings in effect at record `k` (`k` itself while new settings await the next update). */
	settingsSince(k: number): number {
		const last = this.segments[this.segments.length - 1]!;
		if (k === this.history.length - 1 && last.optimizer !== this.optimizer) return k;
		return this.segments.filter((s) => s.from <= k).pop()!.from;
	}

	/** Takes `count` updates; stops early only when the run diverges. */
	step(count = 1): StopResult {
		let moved = 0;
		while (moved < count) {
			const full = this.historyFull();
			if (full) return this.finish(full, moved, []);
			const stop = this.advance();
			moved++;
			if (stop?.kind === 'diverged') return this.finish(this.withSuggestion(stop), moved, []);
		}
		return this.finish({ kind: 'step' }, moved, []);
	}

	/** Moves `count` records back in history (no recomputation). */
	stepBack(count = 1): StopResult {
		const target = Math.max(0, this.positionValue - count);
		const moved = this.positionValue - target;
		this.positionValue = target;
		return this.finish(target === 0 && moved < count ? { kind: 'historyStart' } : { kind: 'step' }, moved, []);
	}

	/** Jumps to record `k` of the history (for the panel's scrubber). */
	goTo(k: number): StopResult {
		const target = Math.max(0, Math.min(this.history.length - 1, Math.floor(k)));
		const moved = Math.abs(target - this.positionValue);
		this.positionValue = target;
		return this.finish({ kind: 'step' }, moved, []);
	}

	/** Starts a continue (forward) or reverse continue; drive it with `advance()` until it returns a result. */
	startContinue(direction: 'forward' | 'reverse' = 'forward', limit = this.settingsValue.maxSteps): ContinueRun {
		return new ContinueRun(this, direction, limit);
	}

	/** Continue to the next stop in one call (for the CLI and tests; hosts with a UI use `startContinue`). */
	continue(limit = this.settingsValue.maxSteps): StopResult {
		return this.startContinue('forward', limit).advance(() => false)!;
	}

	/**
	 * Where to go on from after a divergence, so that a new learning rate is tried from a sane point rather than from
	 * the blown-up one: the last record before the run of rising (or non-finite) losses that ended in the divergence,
	 * or the start. Undefined unless the session stands at the end of a history that diverged.
	 */
	recoveryPoint(): number | undefined {
		const stop = this.lastStopValue;
		if (stop.kind !== 'diverged' || this.positionValue !== this.history.length - 1) return undefined;
		let k = Math.max(0, Math.min(stop.since, this.positionValue) - 1);
		const h = this.history;
		while (k > 0 && (!Number.isFinite(h.loss(k)) || !Number.isFinite(h.gradientNorm(k)) || h.loss(k) > h.loss(k - 1))) k--;
		return k;
	}

	/** Back to the start point (or a new one) with the same settings; clears history and breakpoint hit counts. */
	restart(start?: ArrayLike<number>): StopResult {
		if (start) {
			checkPoint(start, this.startPoint.length);
			this.startPoint = Float64Array.from(start);
		}
		this.reset();
		return this.finish({ kind: 'entry' }, 0, []);
	}

	/** Changes settings; they apply from the next update. Same optimizer keeps its state, another starts fresh. */
	updateSettings(input: SessionSettingsInput): void {
		const next = resolveSessionSettings(input, this.settingsValue);
		const optimizer = createOptimizer(next.optimizer, next.optimizerOptions);
		const scheduled = new ScheduledOptimizer(optimizer, next.schedule);
		this.settingsValue = next;
		this.optimizer = optimizer;
		this.scheduled = scheduled;
		if (this.positionValue === this.history.length - 1) {
			this.head.lr = this.learningRateFor(this.positionValue);
			this.history.setLearningRate(this.positionValue, this.head.lr);
		}
	}

	/** Sets one coordinate of the current point (the debugger's setVariable); the future from here is dropped. */
	setCoordinate(index: number, value: number): void {
		this.prepareForward();
		const x = this.history.readPoint(this.positionValue, new Float64Array(this.startPoint.length));
		x[index] = value;
		if (this.positionValue === 0) this.startPoint = Float64Array.from(x);
		this.history.truncate(this.positionValue);
		this.scheduled.forgetFrom(this.positionValue + 1);
		for (const p of [...this.probes.keys()]) if (p >= this.positionValue) this.probes.delete(p);
		if (this.positionValue > 0) this.reloadHead();
		this.record(x, this.positionValue);
	}

	setBreakpoints(specs: readonly BreakpointSpec[]): BreakpointStatus[] {
		return this.breakpoints.set(specs, this.variables.names());
	}

	snapshot(): SessionSnapshot {
		const k = this.positionValue;
		const d = this.startPoint.length;
		const gradient = this.history.readGradient(k, new Float64Array(d));
		return {
			step: k,
			historyLength: this.history.length,
			params: this.loss.params,
			x: this.history.readPoint(k, new Float64Array(d)),
			loss: this.history.loss(k),
			gradient,
			gradientNorm: norm(gradient),
			learningRate: this.learningRateFor(k),
			optimizer: { name: this.optimizer.name, options: this.scheduled.optimizerAt(k, this.lossAt).options, state: this.stateAt(k) },
			settings: this.settingsValue,
			lastStop: this.lastStopValue,
		};
	}

	/**
	 * This session as data (`sessionImage.ts`): the small state in full, and the history, checkpoints and probes from
	 * record `from` on (0: everything).
	 */
	image(from = 0): SessionImage {
		const optimizerOf = (s: Segment) => ({ from: s.from, name: s.optimizer.name, options: s.optimizer.options, schedule: s.scheduled.schedule });
		const since = <T>(map: Map<number, T>) => [...map].filter(([k]) => k >= from);
		return {
			settings: this.settingsValue,
			start: this.start,
			position: this.positionValue,
			lastStop: this.lastStopValue,
			segments: this.segments.map(optimizerOf),
			pending: !this.inEffect(this.segments[this.segments.length - 1]!),
			momenta: this.momenta.slice(),
			state: cloneState(this.state),
			head: { growthRun: this.head.growthRun, lossBeforeGrowth: this.head.lossBeforeGrowth, startLoss: this.head.startLoss },
			breakpoints: this.breakpoints.image(),
			from,
			records: this.history.packed(from),
			checkpoints: since(this.checkpoints).map(([k, state]) => [k, cloneState(state)] as const),
			probes: since(this.probes),
		};
	}

	/** Becomes the session `image` describes; records before `image.from` must be this session's already. */
	restore(image: SessionImage): void {
		this.settingsValue = image.settings;
		this.startPoint = Float64Array.from(image.start);
		this.segments = image.segments.map((s) => {
			const optimizer = createOptimizer(s.name as OptimizerName, s.options);
			return { from: s.from, optimizer, scheduled: new ScheduledOptimizer(optimizer, s.schedule) };
		});
		const last = this.segments[this.segments.length - 1]!;
		this.optimizer = image.pending ? createOptimizer(image.settings.optimizer, image.settings.optimizerOptions) : last.optimizer;
		this.scheduled = image.pending ? new ScheduledOptimizer(this.optimizer, image.settings.schedule) : last.scheduled;
		this.momenta = image.momenta.slice();
		this.state = cloneState(image.state);
		this.history.replaceFrom(image.from, image.records);
		for (const map of [this.checkpoints, this.probes] as Map<number, unknown>[]) for (const k of [...map.keys()]) if (k >= image.from) map.delete(k);
		for (const [k, state] of image.checkpoints) this.checkpoints.set(k, cloneState(state));
		for (const [k, probe] of image.probes) this.probes.set(k, probe);
		this.reloadHead();
		Object.assign(this.head, image.head);
		this.positionValue = image.position;
		this.lastStopValue = image.lastStop;
		this.breakpoints.restore(image.breakpoints, this.variables.names());
	}

	/** Where the next update from the current point would go, without taking it (the panel draws it first). */
	peekNext(): Float64Array {
		const { optimizer, state, x, gradient, learningRate, objective } = this.nextUpdate();
		optimizer.step(state, x, gradient, learningRate, objective);
		return x;
	}

	/** What the next update from the current point starts from (copies): for `peekNext` and `explainUpdate`. */
	nextUpdate(): { optimizer: Optimizer; state: OptimizerState; x: Float64Array; gradient: Float64Array; learningRate: number; objective?: Objective } {
		const k = this.positionValue;
		const x = this.history.readPoint(k, new Float64Array(this.startPoint.length));
		const gradient = this.history.readGradient(k, new Float64Array(x.length));
		const learningRate = this.learningRateFor(k);
		const objective = this.objectiveFor(k, x, this.history.loss(k), [], this.optimizer);
		const optimizer = this.scheduled.optimizerAt(k, this.lossAt);
		return { optimizer, state: this.stateForNextUpdate(k), x, gradient, learningRate, ...(objective ? { objective } : {}) };
	}

	/**
	 * The points the update into record `k` evaluated the loss at besides its start (L-BFGS's inner iterations and
	 * line-search probes), as [x₀, …, x_{d−1}, loss] per evaluation; empty for optimizers that only use the gradient.
	 */
	probesAt(k: number): Float64Array {
		return this.probes.get(k) ?? new Float64Array(0);
	}

	/**
	 * PyTorch's closure for an optimizer that re-evaluates the loss (L-BFGS) or needs its Hessian (Newton) in the update from record `k` at `x`: the
	 * same batch and gradient source as record `k`. Each evaluation's point and loss are appended to `evaluations`.
	 */
	private objectiveFor(k: number, x: Float64Array, loss: number, evaluations: number[], optimizer = this.optimizer): Objective | undefined {
		if (optimizer.evaluates !== true) return undefined;
		const batch = this.batchFor(k)?.slice();
		const numeric = this.settingsValue.gradientSource === 'numeric';
		const evaluate = (at: Float64Array, gradient: Float64Array): number => {
			const value = numeric ? this.loss.numericGradient(at, gradient, batch) : this.loss.valueAndGradient(at, gradient, batch);
			evaluations.push(...at, value);
			return value;
		};
		const hessianVector = (at: Float64Array, v: Float64Array, out: Float64Array): void => void this.loss.hessianVector(at, v, out, batch);
		// With a mini-batch, the closure's loss at the start is the batch's, not the recorded full loss.
		const start = batch ? this.loss.value(x, batch) : loss;
		return { loss: start, evaluate, hessianVector };
	}

	/** A copy of the state the next update from record `k` would start from, under the current optimizer. */
	private stateForNextUpdate(k: number): OptimizerState {
		const state = this.stateAt(k);
		const inEffect = this.segments.filter((s) => s.from <= k).pop()!;
		return inEffect.optimizer.name === this.optimizer.name ? state : this.optimizer.init(this.startPoint.length, this.shapes);
	}

	/** The optimizer state after `k` updates (rebuilt from a checkpoint when `k` is not the latest). */
	stateAt(k: number): OptimizerState {
		if (k === this.history.length - 1) return cloneState(this.state);
		return this.replayState(k);
	}

	/** The stop due before an update from the current position when its record would pass `maxHistoryBytes`. @internal */
	historyFull(): StopReason | undefined {
		const records = this.positionValue + 1;
		const bytes = this.history.bytesPerRecord;
		if ((records + 1) * bytes <= this.settingsValue.maxHistoryBytes) return undefined;
		return { kind: 'historyFull', records, megabytes: Math.round((records * bytes) / 2 ** 20) };
	}

	/** One update from the current point; returns the stop rule's verdict at the new point, if any. @internal */
	advance(): StopReason | undefined {
		this.prepareForward();
		const head = this.head;
		const k = this.positionValue;
		const x = copyInto(this.scratch.x, head.x);
		const evaluations: number[] = [];
		const momentum = this.scheduled.momentum(k, this.lossAt);
		if (momentum !== undefined) this.momenta[k] = momentum;
		const optimizer = momentum === undefined ? this.optimizer : this.scheduled.optimizerWith(momentum);
		optimizer.step(this.state, x, head.gradient, head.lr, this.objectiveFor(k, head.x, head.loss, evaluations));
		if (evaluations.length > 0) this.probes.set(k + 1, Float64Array.from(evaluations));
		if ((k + 1) % checkpointEvery === 0) this.checkpoints.set(k + 1, cloneState(this.state));
		let stepLength = 0;
		let pointNorm = 0;
		for (let i = 0; i < x.length; i++) {
			stepLength += (x[i]! - head.x[i]!) ** 2;
			pointNorm += x[i]! ** 2;
		}
		const previousLoss = head.loss;
		this.record(x, k + 1);
		const outcome = this.outcome;
		outcome.step = k + 1;
		outcome.loss = head.loss;
		outcome.previousLoss = previousLoss;
		outcome.gradientNorm = norm(head.gradient);
		outcome.stepLength = Math.sqrt(stepLength);
		outcome.pointNorm = Math.sqrt(pointNorm);
		outcome.growthRun = head.growthRun;
		outcome.lossBeforeGrowth = head.lossBeforeGrowth;
		outcome.startLoss = head.startLoss;
		return stopAt(this.settingsValue, outcome);
	}

	/** The stop rules' verdict at record `k` (k ≥ 1), from the history. @internal */
	stopRuleAt(k: number): StopReason | undefined {
		return stopRuleInHistory(this.history, this.settingsValue, k);
	}

	/** Records the end of a call. @internal */
	finish(reason: StopReason, moved: number, logs: readonly string[]): StopResult {
		this.lastStopValue = reason;
		return { reason, step: this.positionValue, moved, logs };
	}

	/** Moves the current position (reverse continue). @internal */
	moveTo(k: number): void {
		this.positionValue = k;
	}

	/** Adds the back-off search's suggestion to a divergence. @internal */
	withSuggestion(stop: StopReason & { kind: 'diverged' }): StopReason {
		const above = this.aboveStability(stop.since);
		const withCurvature = above ? { ...stop, aboveStability: above } : stop;
		const lr = suggestLearningRate(this.loss, this.startPoint, this.settingsValue, Math.max(50, Math.min(stop.since + 10, 500)));
		if (lr === undefined) return withCurvature;
		return { ...withCurvature, suggestedLearningRate: lr };
	}

	/**
	 * The learning rate of the update where the divergence began and gradient descent's stability threshold 2/λ_max
	 * at the point it started from, when the rate exceeded it (undefined otherwise, or when the curvature costs too
	 * much to compute).
	 */
	private aboveStability(since: number): { readonly learningRate: number; readonly threshold: number } | undefined {
		const k = Math.max(0, Math.min(since - 1, this.history.length - 1));
		const lr = this.history.learningRate(k);
		const threshold = curvatureAt(this.loss, this.history.readPoint(k, new Float64Array(this.startPoint.length)))?.stabilityThreshold;
		if (threshold === undefined || !(lr > threshold)) return undefined;
		return { learningRate: roundTo(lr, 2), threshold: roundTo(threshold, 2) };
	}

	private reset(): void {
		this.history.truncate(0);
		this.scheduled.forgetFrom(0);
		this.momenta = [];
		this.segments = [{ from: 0, optimizer: this.optimizer, scheduled: this.scheduled }];
		this.state = this.optimizer.init(this.startPoint.length, this.shapes);
		this.checkpoints = new Map([[0, cloneState(this.state)]]);
		this.probes.clear();
		this.breakpoints.resetHits();
		this.positionValue = 0;
		this.record(this.startPoint, 0);
		this.lastStopValue = { kind: 'entry' };
	}

	/** Evaluates the loss at `x` as record `k`, appends it and makes it the head. */
	private record(x: Float64Array, k: number): void {
		const head = this.head;
		const batch = this.batchFor(k);
		const numeric = this.settingsValue.gradientSource === 'numeric';
		const value = numeric ? this.loss.numericGradient(x, head.gradient, batch) : this.loss.valueAndGradient(x, head.gradient, batch);
		const loss = batch ? this.loss.value(x) : value;
		if (k > 0 && loss > head.loss) {
			head.growthRun++;
			if (head.growthRun === 1) head.lossBeforeGrowth = head.loss;
		} else head.growthRun = 0;
		copyInto(head.x, x);
		head.loss = loss;
		if (k === 0) head.startLoss = loss;
		head.lr = this.learningRateFor(k);
		this.history.push(x, loss, head.gradient, head.lr);
		this.positionValue = k;
	}

	/** Reloads the head from the last record after the history was cut, with the growth rule's counters. */
	private reloadHead(): void {
		const h = this.history;
		const k = h.length - 1;
		h.readPoint(k, this.head.x);
		h.readGradient(k, this.head.gradient);
		this.head.loss = h.loss(k);
		this.head.lr = h.learningRate(k);
		let growth = 0;
		for (let j = k; j >= 1 && h.loss(j) > h.loss(j - 1); j--) growth++;
		this.head.growthRun = growth;
		this.head.lossBeforeGrowth = h.loss(k - growth);
	}

	private batchFor(k: number): Int32Array | undefined {
		const { batchSize, seed, withReplacement } = this.settingsValue;
		const sampleCount = this.loss.sampleCount;
		if (batchSize <= 0 || sampleCount === 0 || batchSize >= sampleCount) return undefined;
		this.scratch.batch = batchForStep({ batchSize, sampleCount, seed, withReplacement }, k, this.scratch.batch);
		return this.scratch.batch;
	}

	private learningRateFor(k: number): number {
		return this.scheduled.learningRate(k, this.lossAt);
	}

	/** Before an update from the current position: drop the abandoned future and bring optimizer and state up to date. */
	/** True when `segment` runs the current optimizer under the current schedule. */
	private inEffect(segment: Segment): boolean {
		return segment.optimizer === this.optimizer && segment.scheduled === this.scheduled;
	}

	private prepareForward(): void {
		const k = this.positionValue;
		if (k < this.history.length - 1) {
			this.state = this.replayState(k);
			this.history.truncate(k + 1);
			this.scheduled.forgetFrom(k + 1);
			this.momenta.length = Math.min(this.momenta.length, k);
			this.segments = this.segments.filter((s) => s.from <= k);
			for (const c of [...this.checkpoints.keys()]) if (c > k) this.checkpoints.delete(c);
			for (const p of [...this.probes.keys()]) if (p > k) this.probes.delete(p);
			this.reloadHead();
		}
		const inEffect = this.segments[this.segments.length - 1]!;
		if (this.inEffect(inEffect)) return;
		if (inEffect.optimizer.name !== this.optimizer.name) this.state = this.optimizer.init(this.startPoint.length, this.shapes);
		this.segments.push({ from: k, optimizer: this.optimizer, scheduled: this.scheduled });
		this.checkpoints.set(k, cloneState(this.state));
		this.head.lr = this.learningRateFor(k);
		this.history.setLearningRate(k, this.head.lr);
	}

	/** The state after `k` updates: nearest checkpoint at or before `k`, then the recorded gradients replayed. */
	private replayState(k: number): OptimizerState {
		let from = 0;
		for (const c of this.checkpoints.keys()) if (c <= k && c > from) from = c;
		const state = cloneState(this.checkpoints.get(from)!);
		const d = this.startPoint.length;
		const x = new Float64Array(d);
		const gradient = new Float64Array(d);
		for (let j = from; j < k; j++) {
			const segment = this.segments.filter((s) => s.from <= j).pop()!;
			this.history.readPoint(j, x);
			const objective = this.objectiveFor(j, x, this.history.loss(j), [], segment.optimizer);
			const momentum = this.momenta[j];
			const optimizer = momentum === undefined ? segment.optimizer : segment.scheduled.optimizerWith(momentum);
			optimizer.step(state, x, this.history.readGradient(j, gradient), this.history.learningRate(j), objective);
		}
		return state;
	}
}

/** `x` to `digits` significant digits, as a number. */
function roundTo(x: number, digits: number): number {
	return Number(x.toPrecision(digits));
}

/** `target.set(source)` for the short vectors of the hot path, where a loop beats the builtin's call. */
function copyInto(target: Float64Array, source: Float64Array): Float64Array {
	for (let i = 0; i < source.length; i++) target[i] = source[i]!;
	return target;
}

/** A start point must be `d` finite numbers: strings, NaN or infinities would run a session of non-numbers. */
function checkPoint(start: ArrayLike<number>, d: number): void {
	if (start.length !== d) throw new RangeError(`the start point needs ${d} values, got ${start.length}`);
	for (let i = 0; i < d; i++) {
		const v: unknown = start[i];
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw new RangeError(`the start point needs ${d} finite numbers; value ${i + 1} is ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
		}
	}
}
