/**
 * Loops stay loops. A loop of known trip count is lowered by running its body once symbolically: the loop index is a
 * fresh IR index node and each loop-carried variable a placeholder. A variable that comes out as
 * `placeholder + delta` (`s += e`, `s -= e`, `s = s + e`, also under an `if`) is updated additively, so after the loop
 * it is `before + sum(delta)`: one `sum` node however many iterations. A variable that does not depend on any carried
 * value is overwritten each iteration, so it ends as its last iteration's value. Anything else (`p *= x`,
 * `m = Math.max(m, x)`, `s = 0.9 * s + x`) is unrolled with constant indices while that stays small, and is an error
 * naming the variable beyond that.
 *
 * The front end supplies one iteration as a function of the carried values and the index, so the same analysis
 * serves `for` statements, `for ... of`, `reduce`, Python's `for ... in range(...)` and `sum(...)`.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { foldConstant } from './constantFold';
import { fail, formatCount, limits, NotConstantError, type LoweringContext } from './context';
import { additiveDelta, countNodesSince, reachesAny, substituteLoops } from './nodeAnalysis';
import { expectScalar, scalar, type Value, type VectorValue } from './values';
import { msg, type Message, type MessageArgument } from '../../message';

/** A loop of `count` iterations over `names`, which hold numbers (or nothing yet: `undefined`). */
export interface LoopSpec {
	readonly count: number;
	/** The loop-carried variables, for messages. */
	readonly names: readonly MessageArgument[];
	/** Their values before the loop. */
	readonly initial: readonly (Node | undefined)[];
	/** The loop statement or call, for messages. */
	readonly span: SourceSpan;
	/**
	 * One iteration: the carried values after the body, given those before it and the iteration number `k` (a
	 * symbolic index node counting 0 .. count - 1, or a constant when unrolled).
	 */
	step(carried: readonly (Node | undefined)[], k: Node): readonly (Node | undefined)[];
	/** True for a loop statement whose iterations the step-into trace records (`lowerScopedLoop`). */
	readonly traced?: boolean;
}

type Probe =
	| { readonly kind: 'summed'; readonly values: (Node | undefined)[] }
	| { readonly kind: 'unroll'; readonly nodes: number; readonly blame: Message }
	| { readonly kind: 'needsConstant'; readonly error: NotConstantError };

/** The carried values after the loop. */
export function lowerLoop(ctx: LoweringContext, spec: LoopSpec): (Node | undefined)[] {
	if (spec.count <= 0) return [...spec.initial];
	return spec.traced ? lowerTrips(ctx, spec) : ctx.untraced(() => lowerTrips(ctx, spec));
}

function lowerTrips(ctx: LoweringContext, spec: LoopSpec): (Node | undefined)[] {
	return ctx.withTrips(spec.count, spec.span, () => {
		const probe = symbolicIteration(ctx, spec);
		switch (probe.kind) {
			case 'summed':
				return probe.values;
			case 'unroll':
				if (spec.count * Math.max(1, probe.nodes) > limits.unrollNodes) tooLong(spec, probe.blame, probe.nodes);
				return unroll(ctx, spec);
			case 'needsConstant':
				if (spec.count > limits.unrollNodes) throw probe.error;
				return unroll(ctx, spec);
			default: {
				const never: never = probe;
				return never;
			}
		}
	});
}

function tooLong(spec: LoopSpec, blame: Message, nodes: number): never {
	const limit = formatCount(limits.unrollNodes);
	const count = formatCount(spec.count);
	return fail(
		msg`${blame} and is too long to unroll (${count} iterations × ${nodes} nodes; the limit is ${limit}). Only additive updates (s += ...) stay loops`,
		spec.span,
	);
}

function symbolicIteration(ctx: LoweringContext, spec: LoopSpec): Probe {
	const b = ctx.builder;
	const marker = ctx.placeholder();
	const placeholders = spec.names.map(() => ctx.placeholder());
	const { loop, index } = ctx.newLoop(spec.count);
	let after: readonly (Node | undefined)[];
	try {
		after = spec.step(placeholders, index);
	} catch (error) {
		if (error instanceof NotConstantError) return { kind: 'needsConstant', error };
		throw error;
	}
	const carried = new Set(placeholders.map((p) => p.id));
	const fresh = (count: number) => ctx.newLoop(count);
	const values: (Node | undefined)[] = [];
	let loopUsed = false;
	for (let i = 0; i < spec.names.length; i++) {
		const node = after[i];
		const p = placeholders[i]!;
		const initial = spec.initial[i];
		if (node === undefined || node === p) {
			values.push(initial);
		} else if (!reachesAny(node, carried)) {
			values.push(substituteLoops(b, node, new Map([[loop, b.constant(spec.count - 1)]]), fresh));
		} else {
			const delta = additiveDelta(b, node, p, carried);
			if (!delta) {
				const nodes = countNodesSince(after.filter((n): n is Node => n !== undefined), marker.id);
				return { kind: 'unroll', nodes, blame: howCarried(spec.names[i]!, node, p) };
			}
			if (initial === undefined) fail(msg`'${spec.names[i]!}' is added to before it has a value`, spec.span);
			// Each sum gets its own loop variable; the first takes the probe's, the others a renamed copy.
			const own = loopUsed ? fresh(spec.count) : { loop, index };
			const body = loopUsed ? substituteLoops(b, delta, new Map([[loop, own.index]]), fresh) : delta;
			loopUsed = true;
			values.push(b.add(initial, foldConstant(ctx, b.sum(own.loop, spec.count, body))));
		}
	}
	return { kind: 'summed', values };
}

function howCarried(name: MessageArgument, node: Node, placeholder: Node): Message {
	const direct = node.kind === 'op' && node.args.includes(placeholder);
	if (node.kind === 'op' && (node.op === 'mul' || node.op === 'div') && direct) {
		return msg`the loop carries '${name}' multiplicatively`;
	}
	if (node.kind === 'op' && (node.op === 'min' || node.op === 'max') && direct) {
		return msg`the loop carries '${name}' through ${node.op}`;
	}
	return msg`the loop carries '${name}' non-additively`;
}

function unroll(ctx: LoweringContext, spec: LoopSpec): (Node | undefined)[] {
	let values: readonly (Node | undefined)[] = spec.initial;
	for (let k = 0; k < spec.count; k++) {
		ctx.tick(spec.span);
		values = spec.step(values, ctx.builder.constant(k));
	}
	return [...values];
}

/**
 * `initial` folded with `combine` over the elements of `vector` (JavaScript's `reduce`; with no initial value the
 * first element starts and the fold runs over the rest). The accumulator must stay a number.
 */
export function reduceVector(
	ctx: LoweringContext,
	vector: VectorValue,
	initial: Node | undefined,
	combine: (accumulator: Node, element: Value, index: Node) => Value,
	span: SourceSpan,
): Node {
	const b = ctx.builder;
	const first = initial === undefined ? 1 : 0;
	if (initial === undefined && vector.length === 0) {
		fail(msg`reduce of an empty array (${vector.label}) with no initial value`, span);
	}
	const head = () => expectScalar(vector.element(b.constant(0), span), msg`the first element of ${vector.label}`, span);
	const start = initial ?? head();
	const [result] = lowerLoop(ctx, {
		count: vector.length - first,
		names: [msg`the accumulator`],
		initial: [start],
		span,
		step: ([accumulator], k) => {
			const index = b.add(k, b.constant(first));
			const next = combine(accumulator!, vector.element(index, span), index);
			return [expectScalar(next, msg`the value returned to reduce`, span)];
		},
	});
	return result!;
}

/** The sum of the elements of `vector`, which must be numbers: one `sum` node. */
export function sumVector(ctx: LoweringContext, vector: VectorValue, span: SourceSpan): Node {
	return reduceVector(ctx, vector, ctx.builder.constant(0), (acc, element) => {
		return scalar(ctx.builder.add(acc, expectScalar(element, msg`an element of ${vector.label}`, span)));
	}, span);
}
