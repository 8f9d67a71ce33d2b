/**
 * The state of one lowering, shared by every front end's AST walker: the graph builder, a work budget that bounds
 * the time any input can take, the inlining stack that rejects recursion, the loops being lowered (their trip
 * counts, for index range checks and limits), placeholders for loop-carried values, and the step-into trace (the
 * loss's statements, with its `for` loops and helper calls as frames; see `graph/traceSteps.ts`).
 *
 * Language-neutral: nothing here knows an AST. A walker creates one context per lowered loss and passes it down.
 */
import { noDataFiles, type DataFiles } from '../data/dataFiles';
import { LossSyntaxError, type SourceSpan } from '../../errors';
import type { Message } from '../../message';
import { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import type { TraceCall, TraceCarried, TraceIteration, TraceLoop, TraceStatement, TraceStep } from '../../graph/traceSteps';
import { msg } from '../../message';

/**
 * A value had to be known before the loss runs (a loop bound, a slice, a condition deciding which arrays to use) but
 * depends on a loop index or a parameter. A loop whose body throws this when its index is symbolic may still be
 * unrolled with a constant index.
 */
export class NotConstantError extends LossSyntaxError {}

/** Bounds that keep lowering fast and generated code small whatever the input. */
export const limits = {
	/** Expressions and statements visited in one lowering. */
	work: 1_000_000,
	/** Iterations of one loop. */
	trips: 10_000_000,
	/** Iterations of a loop nest, all levels multiplied. */
	nestedTrips: 100_000_000,
	/** Nodes an unrolled loop may create. */
	unrollNodes: 20_000,
	/** Inlined calls in flight. */
	callDepth: 100,
} as const;

/** Throws a `LossSyntaxError`; typed `never` so walkers can `return fail(...)`. */
export function fail(message: Message, span: SourceSpan): never {
	throw new LossSyntaxError(message, span);
}

/** A number for messages: `10,000,000`. */
export function formatCount(n: number): string {
	return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

/** Work shared by several lowerings (listing every function of a file), so the total stays bounded too. */
export interface WorkPool {
	remaining: number;
}

/** A trace block being recorded: the loss body, a call's body or one loop iteration. */
interface OpenBlock {
	readonly steps: TraceStep[];
	readonly keys: Set<string>;
	readonly args?: TraceStatement[];
	variable?: Node;
}

export class LoweringContext {
	readonly builder = new GraphBuilder();
	/** The loss's step-into trace, filled by `traceRoot`. */
	readonly steps: TraceStep[] = [];
	private readonly blocks: OpenBlock[] = [];
	private readonly loopIterations: TraceIteration[][] = [];
	private untracedDepth = 0;
	private work = 0;
	private readonly calls: object[] = [];
	private readonly loopCounts = new Map<number, number>();
	private readonly trips: number[] = [];
	private nextPlaceholder = 0;

	/** `pool`, if given, is drawn from as well as this lowering's own budget. */
	constructor(
		private readonly pool?: WorkPool,
		/** The data files the host read for this source, by the path as written (`data/dataFiles.ts`). */
		readonly files: DataFiles = noDataFiles,
	) {}

	/** Counts one unit of lowering work; throws once the budget is spent, so no input can hang the front end. */
	tick(span: SourceSpan): void {
		if (++this.work > limits.work || (this.pool && --this.pool.remaining < 0)) {
			fail(msg`the loss is too large to lower (${formatCount(this.work)} steps); keep loops as sums`, span);
		}
	}

	/**
	 * Runs `body` as an inlined call of the function identified by `key`. A function already being inlined is
	 * recursion, which has no fixed graph, so it is an error at the call.
	 */
	inline<T>(key: object, name: string, span: SourceSpan, body: () => T): T {
		if (this.calls.includes(key)) fail(msg`recursion is not supported: '${name}' calls itself`, span);
		if (this.calls.length >= limits.callDepth) fail(msg`calls nest more than ${limits.callDepth} deep`, span);
		this.calls.push(key);
		try {
			return body();
		} finally {
			this.calls.pop();
		}
	}

	/** A fresh leaf standing for a loop-carried value in a symbolic iteration. It must never reach the output. */
	placeholder(): Node {
		return this.builder.param(-1 - this.nextPlaceholder++);
	}

	/** Runs `body` inside a loop of `count` iterations, checking the trip limits of the loop nest. */
	withTrips<T>(count: number, span: SourceSpan, body: () => T): T {
		if (count > limits.trips) {
			const most = formatCount(limits.trips);
			fail(msg`the loop runs ${formatCount(count)} times; at most ${most} iterations are supported`, span);
		}
		const nested = this.trips.reduce((p, c) => p * c, count);
		if (nested > limits.nestedTrips) {
			const most = formatCount(limits.nestedTrips);
			fail(msg`nested loops run ${formatCount(nested)} times in all; at most ${most} are supported`, span);
		}
		this.trips.push(count);
		try {
			return body();
		} finally {
			this.trips.pop();
		}
	}

	/** A new loop variable for a sum of `count` terms. */
	newLoop(count: number): { loop: number; index: Node } {
		const { loop, index } = this.builder.newLoop();
		this.loopCounts.set(loop, count);
		return { loop, index };
	}

	/** The trip count of a loop made by `newLoop`. */
	loopCount(loop: number): number | undefined {
		return this.loopCounts.get(loop);
	}

	/** Records the step-into trace of the loss body `body` (statements, loops and calls inside it). */
	traceRoot<T>(body: () => T): T {
		this.blocks.push({ steps: this.steps, keys: new Set() });
		try {
			return body();
		} finally {
			this.blocks.pop();
		}
	}

	/** Runs `body` with nothing recorded: loops inside expressions (`sum`, `reduce`) have no frames to walk. */
	untraced<T>(body: () => T): T {
		this.untracedDepth++;
		try {
			return body();
		} finally {
			this.untracedDepth--;
		}
	}

	private get open(): OpenBlock | undefined {
		return this.untracedDepth > 0 ? undefined : this.blocks[this.blocks.length - 1];
	}

	/** Adds a statement to the block being recorded, once per name and position. */
	record(name: string, node: Node, span: SourceSpan): void {
		const block = this.open;
		const key = `${name}@${span.line}:${span.column}`;
		if (!block || block.keys.has(key)) return;
		block.keys.add(key);
		block.steps.push({ kind: 'statement', name, node, line: span.line, column: span.column });
	}

	/** Records a helper's parameter bound to a number, inside `traceCall`. */
	recordArgument(name: string, node: Node, span: SourceSpan): void {
		this.open?.args?.push({ kind: 'statement', name, node, line: span.line, column: span.column });
	}

	/**
	 * Runs `body` as a call of the helper `name`, recorded as a call frame; returns the frame too, so a call answered
	 * from a memo can be recorded again with `replayCall`.
	 */
	traceCall<T>(name: string, span: SourceSpan, body: () => T): { value: T; frame: TraceCall | undefined } {
		const parent = this.open;
		if (!parent) return { value: body(), frame: undefined };
		const block: OpenBlock = { steps: [], keys: new Set(), args: [] };
		this.blocks.push(block);
		let value: T;
		try {
			value = body();
		} finally {
			this.blocks.pop();
		}
		const frame: TraceCall = { kind: 'call', name, line: span.line, column: span.column, args: block.args!, body: block.steps };
		parent.steps.push(frame);
		return { value, frame };
	}

	/** Records a call again whose value came from a memo (the same nodes, so the same frame). */
	replayCall(frame: TraceCall | undefined): void {
		const parent = this.open;
		if (frame && parent) parent.steps.push(frame);
	}

	/**
	 * Runs `body`, a `for` loop of `count` iterations over `variable` whose iterations go through `traceIteration`;
	 * `body` returns the carried values after the loop. A symbolic probe followed by unrolled iterations keeps only
	 * the unrolled ones.
	 */
	traceLoop<T>(
		variable: string,
		count: number,
		span: SourceSpan,
		body: () => { value: T; initials: readonly (Node | undefined)[]; finals: readonly (Node | undefined)[] },
	): T {
		const parent = this.open;
		if (!parent) return body().value;
		const iterations: TraceIteration[] = [];
		this.loopIterations.push(iterations);
		let result: { value: T; initials: readonly (Node | undefined)[]; finals: readonly (Node | undefined)[] };
		try {
			result = body();
		} finally {
			this.loopIterations.pop();
		}
		const first = iterations[0];
		const symbolic = iterations.length === 1 && first!.index.kind === 'index';
		const kept = !symbolic && first?.index.kind === 'index' ? iterations.slice(1) : iterations;
		const loop = symbolic && first!.index.kind === 'index' ? first!.index.loop : undefined;
		const at = { line: span.line, column: span.column };
		const { initials, finals } = result;
		const step: TraceLoop = { kind: 'loop', variable, count, ...at, loop, iterations: kept, initials, finals };
		parent.steps.push(step);
		return result.value;
	}

	/** One iteration of the innermost `traceLoop`, `k` its index node; `body` returns the carried values. */
	traceIteration(k: Node, body: () => TraceCarried[]): TraceCarried[] {
		const iterations = this.loopIterations[this.loopIterations.length - 1];
		if (!iterations || !this.open) return body();
		const block: OpenBlock = { steps: [], keys: new Set() };
		this.blocks.push(block);
		let carried: TraceCarried[];
		try {
			carried = body();
		} finally {
			this.blocks.pop();
		}
		iterations.push({ index: k, variable: block.variable, body: block.steps, carried });
		return carried;
	}

	/** The current iteration's loop variable, when it is a number. */
	recordLoopVariable(node: Node): void {
		const block = this.open;
		if (block && !block.args) block.variable = node;
	}
}
