/**
 * `sum`, `np.mean`, `min` and `max` over a list, and over a comprehension without building it: `sum(f(x) for x in
 * xs if c(x))` is one loop whose body adds `f(x)` where `c(x)` holds (a `select`), and `for` clauses nest as loops.
 * Each loop goes through the shared loop lowering, so a sum over data is one `sum` node however long the data; a
 * minimum or maximum carries its value through `min`/`max` and is unrolled while that stays small.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail } from '../lowering/context';
import { lowerLoop, reduceVector, sumVector } from '../lowering/loops';
import type { Scope } from '../lowering/scope';
import { expectScalar, expectVector, scalar, type Value, type VectorValue } from '../lowering/values';
import { bindTarget } from './assignments';
import { argumentSpan, argumentValue, describeArgument, type Argument } from './callables';
import { describe, evaluate, evaluateNumber } from './expressions';
import type { Clause, ComprehensionExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg, type Message, type MessageArgument } from '../../message';

/** What a reduction computes over its elements. */
export type Reduction = 'sum' | 'mean' | 'min' | 'max';

/** The reduction of a call's argument: a comprehension in place, anything else as a list. */
export function reduceArgument(ctx: PythonContext, arg: Argument, kind: Reduction, display: string): Node {
	if ('expr' in arg && arg.expr.kind === 'comprehension') return reduceComprehension(ctx, arg.scope, arg.expr, kind);
	const what = describeArgument(arg, msg`the argument of ${display}`);
	const vector = expectVector(argumentValue(ctx, arg), what, argumentSpan(arg));
	return reduceList(ctx, vector, kind, display, argumentSpan(arg));
}

/** The reduction of the numbers in `vector`. */
export function reduceList(
	ctx: PythonContext,
	vector: VectorValue,
	kind: Reduction,
	display: string,
	span: SourceSpan,
): Node {
	const b = ctx.builder;
	switch (kind) {
		case 'sum':
			return sumVector(ctx, vector, span);
		case 'mean':
			return b.div(sumVector(ctx, vector, span), b.constant(vector.length));
		case 'min':
		case 'max': {
			if (vector.length === 0) fail(msg`${display}() of an empty sequence`, span);
			const combine = (acc: Node, element: Value) => {
				return scalar(b.op(kind, acc, expectScalar(element, msg`an element of ${vector.label}`, span)));
			};
			return reduceVector(ctx, vector, undefined, combine, span);
		}
		default: {
			const never: never = kind;
			return never;
		}
	}
}

/** The carried values of each reduction: the running total (and count, for a mean) or the best so far. */
function initialValues(ctx: PythonContext, kind: Reduction): Node[] {
	const b = ctx.builder;
	if (kind === 'mean') return [b.constant(0), b.constant(0)];
	if (kind === 'sum') return [b.constant(0)];
	return [b.constant(kind === 'min' ? Infinity : -Infinity)];
}

/** Folds one element `x` (counted where `condition` holds) into the carried values. */
function combine(
	ctx: PythonContext,
	kind: Reduction,
	carried: readonly Node[],
	x: Node,
	condition: Node | undefined,
): Node[] {
	const b = ctx.builder;
	const next = kind === 'min' || kind === 'max'
		? [b.op(kind, carried[0]!, x)]
		: kind === 'sum' ? [b.add(carried[0]!, x)] : [b.add(carried[0]!, x), b.add(carried[1]!, b.constant(1))];
	return condition ? next.map((n, i) => b.select(condition, n, carried[i]!)) : next;
}

/** `sum(element for ... in ... if ...)` and the other reductions, as nested loops. */
export function reduceComprehension(ctx: PythonContext, scope: Scope, comp: ComprehensionExpr, kind: Reduction): Node {
	const b = ctx.builder;
	const names = kind === 'mean' ? [msg`the sum`, msg`the count`] : [reductionName(kind)];
	const leaf: Leaf = (inner, carried, condition) => {
		return combine(ctx, kind, carried, evaluateNumber(ctx, inner, comp.element), condition);
	};
	const walk: ClauseWalk = { ctx, clauses: comp.clauses, names, leaf };
	const result = lowerClauses(walk, scope.child(), 0, initialValues(ctx, kind), undefined);
	if (kind !== 'mean') return result[0]!;
	return b.div(result[0]!, result[1]!);
}

/** Folds one innermost element into the carried values, given the scope binding the loop variables. */
type Leaf = (scope: Scope, carried: readonly Node[], condition: Node | undefined) => Node[];

/** What stays the same while the clauses of one comprehension are lowered. */
interface ClauseWalk {
	readonly ctx: PythonContext;
	readonly clauses: readonly Clause[];
	/** The carried values, for messages. */
	readonly names: readonly MessageArgument[];
	readonly leaf: Leaf;
}

/** Lowers clauses `from..` around the leaf: a `for` is a loop, an `if` narrows the condition. */
function lowerClauses(
	walk: ClauseWalk,
	scope: Scope,
	from: number,
	carried: readonly Node[],
	condition: Node | undefined,
): Node[] {
	const { ctx } = walk;
	const clause = walk.clauses[from];
	if (!clause) return walk.leaf(scope, carried, condition);
	const b = ctx.builder;
	if (clause.kind === 'if') {
		const test = evaluateNumber(ctx, scope, clause.test);
		const both = condition ? b.op('and', condition, b.op('ne', test, b.constant(0))) : test;
		return lowerClauses(walk, scope, from + 1, carried, both);
	}
	const vector = expectVector(evaluate(ctx, scope, clause.iterable), describe(clause.iterable), clause.iterable.span);
	const after = lowerLoop(ctx, {
		count: vector.length,
		names: walk.names,
		initial: carried,
		span: clause.span,
		step: (values, k) => {
			const inner = scope.child();
			bindTarget(ctx, clause.target, vector.element(k, clause.span), clause.span, (name, value, at) => {
				if (!inner.declares(name)) inner.declare(name, value, 'const', at);
			});
			return lowerClauses(walk, inner, from + 1, values as Node[], condition);
		},
	});
	return after.map((n) => n!);
}

/** How a message names the value a reduction carries. */
function reductionName(kind: Reduction): Message {
	if (kind === 'min') return msg`the minimum`;
	if (kind === 'max') return msg`the maximum`;
	return msg`the sum`;
}
