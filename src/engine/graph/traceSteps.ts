/**
 * The structured step-into trace a lowering records beside the graph: the loss function's statements in order, with
 * its loops as frames over one iteration's statements and its helper calls as frames over the helper's statements.
 * The debugger walks it (see `session/walk/`), evaluating each statement's node when the walk reaches it with the
 * loop index bound, so a loop over 10,000 samples costs nothing until the walk enters it.
 *
 * A symbolic loop (one that stayed a `sum`) has one iteration recorded over its IR loop index and placeholders for
 * the carried variables; an unrolled loop has each iteration recorded with constant indices.
 */
import type { Node } from './node';

/** A statement that computes a number: `h0 = sigmoid(z)`, `total += e`, `return total / 4`. */
export interface TraceStatement {
	readonly kind: 'statement';
	readonly name: string;
	readonly node: Node;
	readonly line: number;
	readonly column: number;
}

/** A variable the loop carries from one iteration to the next (every name its body assigns). */
export interface TraceCarried {
	readonly name: string;
	/** Its value entering the iteration: a placeholder in a symbolic loop, a node in an unrolled one. */
	readonly before: Node | undefined;
	/** Its value leaving the iteration. */
	readonly after: Node | undefined;
}

/** One iteration's statements; `index` is the IR loop index (symbolic) or the iteration number (unrolled). */
export interface TraceIteration {
	readonly index: Node;
	/** The loop variable's value (`n`), when it is a number. */
	readonly variable: Node | undefined;
	readonly body: readonly TraceStep[];
	readonly carried: readonly TraceCarried[];
}

/** A `for` loop of the loss (not a `sum(...)` or `reduce` inside an expression, which stay within their statement). */
export interface TraceLoop {
	readonly kind: 'loop';
	/** The loop variable's name (`n`), or `''` when it has none (a destructuring target). */
	readonly variable: string;
	readonly count: number;
	readonly line: number;
	readonly column: number;
	/** The IR loop of a symbolic loop, else undefined (unrolled). */
	readonly loop: number | undefined;
	/** One symbolic iteration, or `count` unrolled ones. */
	readonly iterations: readonly TraceIteration[];
	/** The carried variables' values before the loop, in `carried` order. */
	readonly initials: readonly (Node | undefined)[];
	/** The carried variables' values after the loop, in `carried` order. */
	readonly finals: readonly (Node | undefined)[];
}

/** A call of a helper function the loss defines: a frame on the Call Stack while the walk is inside it. */
export interface TraceCall {
	readonly kind: 'call';
	readonly name: string;
	readonly line: number;
	readonly column: number;
	/** The helper's parameters bound to numbers, in order. */
	readonly args: readonly TraceStatement[];
	readonly body: readonly TraceStep[];
}

export type TraceStep = TraceStatement | TraceLoop | TraceCall;

/** The iteration whose statements iteration `k` of `loop` runs. */
export function iterationAt(loop: TraceLoop, k: number): TraceIteration {
	return loop.loop === undefined ? loop.iterations[k]! : loop.iterations[0]!;
}

/** Every name the trace can show: statements, loop variables and helper arguments (for breakpoint conditions). */
export function traceNames(steps: readonly TraceStep[], into: Set<string> = new Set()): Set<string> {
	for (const step of steps) {
		if (step.kind === 'statement') into.add(step.name);
		else if (step.kind === 'call') {
			for (const arg of step.args) into.add(arg.name);
			traceNames(step.body, into);
		} else {
			if (step.variable !== '') into.add(step.variable);
			for (const iteration of step.iterations) traceNames(iteration.body, into);
		}
	}
	return into;
}

/**
 * The trace as nested `[name, line, column]` rows, for tests and logs: a loop as `for n` with its first
 * iteration's rows, a call as `name()` with its body's.
 */
export function outlineSteps(steps: readonly TraceStep[]): unknown[] {
	return steps.map((step) => {
		if (step.kind === 'statement') return [step.name, step.line, step.column];
		if (step.kind === 'call') return [`${step.name}()`, step.line, step.column, outlineSteps(step.body)];
		return [`for ${step.variable}`, step.line, step.column, outlineSteps(step.iterations[0]?.body ?? [])];
	});
}
