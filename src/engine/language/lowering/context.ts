/**
 * The state of one lowering, shared by every front end's AST walker: the graph builder, a work budget that bounds
 * the time any input can take, the inlining stack that rejects recursion, the loops being lowered (their trip
 * counts, for index range checks and limits), placeholders for loop-carried values, and the step-into trace.
 *
 * Language-neutral: nothing here knows an AST. A walker creates one context per lowered loss and passes it down.
 */
import { LossSyntaxError, type SourceSpan } from '../../errors';
import type { Message } from '../../message';
import { GraphBuilder } from '../../graph/graphBuilder';
import type { Node, TraceEntry } from '../../graph/node';
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

export class LoweringContext {
	readonly builder = new GraphBuilder();
	/** Step-into entries, in statement order, without duplicates. */
	readonly trace: TraceEntry[] = [];
	private readonly traced = new Set<string>();
	private work = 0;
	private readonly calls: object[] = [];
	private readonly loopCounts = new Map<number, number>();
	private readonly trips: number[] = [];
	private nextPlaceholder = 0;

	/** `pool`, if given, is drawn from as well as this lowering's own budget. */
	constructor(private readonly pool?: WorkPool) {}

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

	/** Adds a step-into entry, once per name and position. */
	record(name: string, node: Node, span: SourceSpan): void {
		const key = `${name}@${span.line}:${span.column}`;
		if (this.traced.has(key)) return;
		this.traced.add(key);
		this.trace.push({ name, node, line: span.line, column: span.column });
	}
}
