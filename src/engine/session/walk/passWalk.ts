/**
 * The step-into walk through one optimizer update: the forward pass statement by statement, entering `for` loops
 * iteration by iteration and helper calls as frames, then the backward pass over the same statements in reverse
 * (iterations last to first), each statement's adjoint ∂L/∂local computed when the walk reaches it and the
 * parameters' gradient accumulated as it goes. Nothing is computed ahead: an iteration's values are evaluated when
 * the walk enters it, so a loss over 10,000 samples enters its first iteration at once.
 *
 * Pure engine state over `LossGraph.steps`; the debug adapter turns positions into stops and stack frames.
 */
import type { LossGraph } from '../../graph/node';
import type { TraceLoop, TraceStatement } from '../../graph/traceSteps';
import { sweepStatement, type SweepSink } from './adjointSweep';
import { cutsBefore, isCarried } from './walkCuts';
import {
	afterKey,
	argumentKey,
	callLevel,
	initialKey,
	iterationLevel,
	keyAt,
	rootLevel,
	type InstanceKey,
	type Level,
} from './walkLevel';
import { WalkScope } from './walkScope';

export type WalkPhase = 'forward' | 'backward';

export class PassWalk {
	private phaseNow: WalkPhase = 'forward';
	private levelStack: Level[] = [];
	private readonly root: WalkScope;
	/** Adjoints by bucket (an iteration or the top level), then by instance. */
	private readonly adjoints = new Map<string, Map<string, number>>();
	/** Carried variables' values leaving each iteration, by loop instance, for the backward pass's re-evaluation. */
	private readonly afters = new Map<string, Float64Array[]>();
	/** The parameters' gradient accumulated by the backward pass so far. */
	readonly gradient: Float64Array;
	/** Moves made since entering, for stepping back by replay. */
	moves = 0;

	private constructor(readonly graph: LossGraph, x: ArrayLike<number>) {
		this.root = WalkScope.root(graph, x);
		this.gradient = new Float64Array(graph.paramNames.length);
	}

	/** Enters the forward pass at its first statement; undefined when the loss has none to stop on. */
	static enter(graph: LossGraph, x: ArrayLike<number>): PassWalk | undefined {
		const walk = new PassWalk(graph, Float64Array.from(x));
		walk.levelStack = [rootLevel(graph.steps, walk.root, 0)];
		return walk.settleForward() ? walk : undefined;
	}

	get phase(): WalkPhase {
		return this.phaseNow;
	}

	/** The levels from the loss body (first) to the innermost frame. */
	get levels(): readonly Level[] {
		return this.levelStack;
	}

	get depth(): number {
		return this.levelStack.length;
	}

	private get top(): Level {
		return this.levelStack[this.levelStack.length - 1]!;
	}

	/** The statement the walk stands on. */
	get statement(): TraceStatement {
		return this.top.steps[this.top.i] as TraceStatement;
	}

	/** The value of the current statement, or of statement `j` of `level`. */
	valueAt(level: Level = this.top, j: number = level.i): number {
		return level.scope.value((level.steps[j] as TraceStatement).node);
	}

	adjoint(key: InstanceKey): number {
		return this.adjoints.get(key.bucket)?.get(key.local) ?? 0;
	}

	/**
	 * The adjoints of the statements visible from the walk's position (each level's own statements and those of
	 * calls it has made), by statement, for the graph view.
	 */
	statementAdjoints(): Map<TraceStatement, number> {
		const out = new Map<TraceStatement, number>();
		const visit = (level: Level) => {
			level.steps.forEach((step, j) => {
				if (step.kind === 'statement') out.set(step, this.adjoint(keyAt(level, j)));
				else if (step.kind === 'call') {
					step.args.forEach((arg, m) => out.set(arg, this.adjoint(argumentKey(level, j, m))));
					visit(callLevel({ ...level, i: j }, step, 0));
				}
			});
		};
		for (const level of this.levelStack) visit(level);
		return out;
	}

	/** Moves to the next statement instance; false once the backward pass is done. */
	next(): boolean {
		this.moves++;
		if (this.phaseNow === 'forward') {
			this.top.i++;
			if (this.settleForward()) return true;
			return this.startBackward();
		}
		this.top.i--;
		return this.settleBackward();
	}

	private settleForward(): boolean {
		for (;;) {
			const level = this.levelStack[this.levelStack.length - 1];
			if (!level) return false;
			if (level.i >= level.steps.length) {
				this.leaveForward();
				continue;
			}
			const step = level.steps[level.i]!;
			if (step.kind === 'statement') return true;
			if (step.kind === 'call') this.levelStack.push(callLevel(level, step, 0));
			else if (step.count === 0) level.i++;
			else this.levelStack.push(this.iteration(level, step, 0, 0));
		}
	}

	private leaveForward(): void {
		const level = this.levelStack.pop()!;
		const parent = this.levelStack[this.levelStack.length - 1];
		if (level.frame.kind === 'loop' && parent) {
			const { step, k } = level.frame;
			if (step.loop !== undefined) this.storeAfters(parent, level, step, k);
			if (k + 1 < step.count) {
				this.levelStack.push(this.iteration(parent, step, k + 1, 0));
				return;
			}
		}
		if (parent) parent.i++;
	}

	private startBackward(): boolean {
		this.phaseNow = 'backward';
		const steps = this.graph.steps;
		const root = rootLevel(steps, this.root, steps.length - 1);
		this.levelStack = [root];
		for (let j = steps.length - 1; j >= 0; j--) {
			const step = steps[j]!;
			if (step.kind === 'statement' && step.node === this.graph.output) {
				this.add(keyAt(root, j), 1);
				break;
			}
		}
		return this.settleBackward();
	}

	private settleBackward(): boolean {
		for (;;) {
			const level = this.levelStack[this.levelStack.length - 1];
			if (!level) return false;
			if (level.i < 0) {
				this.leaveBackward();
				continue;
			}
			const step = level.steps[level.i]!;
			if (step.kind === 'statement') {
				this.sweep(step.node, keyAt(level, level.i), level, cutsBefore(this.levelStack, level.i));
				return true;
			}
			if (step.kind === 'call') this.levelStack.push(callLevel(level, step, step.body.length - 1));
			else if (step.count === 0) level.i--;
			else this.enterIterationBackward(level, step, step.count - 1);
		}
	}

	private enterIterationBackward(parent: Level, step: TraceLoop, k: number): void {
		const level = this.iteration(parent, step, k, -1);
		this.levelStack.push(level);
		const cuts = cutsBefore(this.levelStack, level.steps.length);
		if (level.frame.kind === 'loop') {
			level.frame.iteration.carried.forEach((c, index) => {
				if (step.loop !== undefined && isCarried(c)) this.sweep(c.after!, afterKey(parent, parent.i, k, index), level, cuts);
			});
		}
		level.i = level.steps.length - 1;
	}

	private leaveBackward(): void {
		const level = this.levelStack.pop()!;
		const parent = this.levelStack[this.levelStack.length - 1];
		if (!parent) return;
		if (level.frame.kind === 'loop') {
			const { step, k } = level.frame;
			// The last iteration's adjoints stay: they are the carried variables' adjoints after the loop.
			if (k < step.count - 1) this.adjoints.delete(level.bucket);
			if (k > 0) return this.enterIterationBackward(parent, step, k - 1);
			const cuts = cutsBefore(this.levelStack, parent.i);
			step.initials.forEach((initial, c) => {
				if (initial && isCarried(step.iterations[0]?.carried[c])) this.sweep(initial, initialKey(parent, parent.i, c), parent, cuts);
			});
		} else if (level.frame.kind === 'call') {
			const args = level.frame.step.args;
			for (let j = args.length - 1; j >= 0; j--) {
				const cuts = cutsBefore(this.levelStack, parent.i);
				args.slice(0, j).forEach((a, m) => cuts.set(a.node.id, argumentKey(parent, parent.i, m)));
				this.sweep(args[j]!.node, argumentKey(parent, parent.i, j), parent, cuts);
			}
		}
		parent.i--;
	}

	/** Iteration `k` of `step` (at `parent.steps[parent.i]`), its carried placeholders bound, standing at `i`. */
	private iteration(parent: Level, step: TraceLoop, k: number, i: number): Level {
		if (step.loop === undefined) return iterationLevel(parent, step, k, parent.scope.child(undefined, k), i);
		const placeholders = new Map<number, number>();
		const afters = this.aftersOf(parent, step);
		step.iterations[0]!.carried.forEach((c, index) => {
			if (c.before?.kind !== 'param' || c.before.index >= 0) return;
			const initial = step.initials[index];
			const value = k > 0 ? afters[index]![k - 1]! : initial ? parent.scope.value(initial) : Number.NaN;
			placeholders.set(c.before.index, value);
		});
		return iterationLevel(parent, step, k, parent.scope.child(step.loop, k, placeholders), i);
	}

	private aftersOf(parent: Level, step: TraceLoop): Float64Array[] {
		const key = `${parent.bucket}|${parent.path}/${parent.i}`;
		let afters = this.afters.get(key);
		if (!afters) {
			afters = step.iterations[0]!.carried.map(() => new Float64Array(step.count));
			this.afters.set(key, afters);
		}
		return afters;
	}

	private storeAfters(parent: Level, level: Level, step: TraceLoop, k: number): void {
		const afters = this.aftersOf(parent, step);
		step.iterations[0]!.carried.forEach((c, index) => {
			afters[index]![k] = c.after ? level.scope.value(c.after) : Number.NaN;
		});
	}

	/** Pushes the adjoint of instance `key` (whose value is `node`) through its statement. */
	private sweep(node: TraceStatement['node'], key: InstanceKey, level: Level, cuts: Map<number, InstanceKey>): void {
		sweepStatement(node, this.adjoint(key), level.scope, this.sink(cuts));
	}

	private sink(cuts: Map<number, InstanceKey>): SweepSink<InstanceKey> {
		return {
			cut: (node) => cuts.get(node.id),
			toCut: (key, a) => this.add(key, a),
			toParam: (index, a) => {
				this.gradient[index]! += a;
			},
			toPlaceholder: (index, a) => {
				const key = this.placeholderKey(index);
				if (key) this.add(key, a);
			},
		};
	}

	/** The instance a carried variable's placeholder stands for: the previous iteration's value, or the one before the loop. */
	private placeholderKey(index: number): InstanceKey | undefined {
		for (let d = this.levelStack.length - 1; d > 0; d--) {
			const frame = this.levelStack[d]!.frame;
			if (frame.kind !== 'loop') continue;
			const c = frame.iteration.carried.findIndex((v) => v.before?.kind === 'param' && v.before.index === index);
			if (c < 0) continue;
			const parent = this.levelStack[d - 1]!;
			return frame.k > 0 ? afterKey(parent, parent.i, frame.k - 1, c) : initialKey(parent, parent.i, c);
		}
		return undefined;
	}

	private add(key: InstanceKey, a: number): void {
		let bucket = this.adjoints.get(key.bucket);
		if (!bucket) this.adjoints.set(key.bucket, (bucket = new Map()));
		bucket.set(key.local, (bucket.get(key.local) ?? 0) + a);
	}
}

