/**
 * Reverse mode over one statement of the loss, for the step-into walk's backward pass: given ∂L/∂(the statement's
 * value), pushes adjoints through the statement's own expression to what it reads. Reads of earlier statements'
 * values are cut points (their adjoint accumulates there, and the walk sweeps them when it reaches them, as
 * backpropagation through a Wengert list of statements does); parameters collect their contribution to the gradient;
 * loop placeholders collect the adjoint of a carried variable entering the iteration. Sums inside the statement are
 * swept iteration by iteration. The partials are the op table's (`graph/ops.ts`), the same rules the interpreter
 * and the compiled gradient use (Griewank & Walther, "Evaluating Derivatives", 2nd ed., §3.2).
 */
import type { Node } from '../../graph/node';
import { ops } from '../../graph/ops';
import { postOrder, type WalkScope } from './walkScope';

/** Where the adjoint leaving a statement goes. */
export interface SweepSink<K = unknown> {
	/** The instance of an earlier statement whose value is `node`, or undefined when `node` is no cut point. */
	cut(node: Node): K | undefined;
	toCut(key: K, adjoint: number): void;
	toParam(index: number, adjoint: number): void;
	toPlaceholder(index: number, adjoint: number): void;
	/** Sees each node the sweep propagates through, with its adjoint (for the graph view). */
	observe?(node: Node, adjoint: number): void;
}

/** Sweeps `root` (valued in `scope`) with ∂L/∂root = `seed`; a statement that repeats an earlier one's value passes its adjoint on whole. */
export function sweepStatement<K>(root: Node, seed: number, scope: WalkScope, sink: SweepSink<K>): void {
	if (seed === 0) return;
	const alias = sink.cut(root);
	if (alias !== undefined) return sink.toCut(alias, seed);
	const adjoints = new Map<number, number>([[root.id, seed]]);
	sweepInto(root, adjoints, scope, sink, undefined);
}

/**
 * Processes the nodes under `root` that belong to this sweep, highest id first (users before arguments), including
 * loop-invariant nodes read inside a sum's body. With `loop`, only nodes depending on it belong here; the others
 * keep their adjoint in `adjoints` for the caller.
 */
function sweepInto<K>(root: Node, adjoints: Map<number, number>, scope: WalkScope, sink: SweepSink<K>, loop: number | undefined): void {
	const owned = (n: Node) => loop === undefined || n.loops.includes(loop);
	const nodes = postOrder(root, (n) => n !== root && (!owned(n) || sink.cut(n) !== undefined), true);
	for (let j = nodes.length - 1; j >= 0; j--) {
		const node = nodes[j]!;
		const a = adjoints.get(node.id);
		if (a === undefined || a === 0) continue;
		adjoints.delete(node.id);
		sink.observe?.(node, a);
		propagate(node, a, adjoints, scope, sink);
	}
}

function propagate<K>(node: Node, a: number, adjoints: Map<number, number>, scope: WalkScope, sink: SweepSink<K>): void {
	switch (node.kind) {
		case 'param':
			return node.index >= 0 ? sink.toParam(node.index, a) : sink.toPlaceholder(node.index, a);
		case 'paramAt': {
			const i = scope.value(node.index);
			if (Number.isInteger(i) && i >= 0 && i < node.length) sink.toParam(node.offset + i, a);
			return;
		}
		case 'op': {
			const rule = ops[node.op];
			if (!rule.differentiable) return;
			const [x = 0, y = 0, z = 0] = node.args.map((arg) => scope.value(arg));
			const partials = rule.partials(x, y, z, scope.value(node));
			node.args.forEach((arg, i) => give(arg, a * partials[i]!, adjoints, sink));
			return;
		}
		case 'sum':
			for (let k = 0; k < node.count; k++) {
				const inner = new Map<number, number>([[node.body.id, a]]);
				sweepInto(node.body, inner, scope.child(node.loop, k), sink, node.loop);
				for (const [id, value] of inner) adjoints.set(id, (adjoints.get(id) ?? 0) + value);
			}
			return;
		case 'const':
		case 'data':
		case 'index':
			return;
		default: {
			const never: never = node;
			return never;
		}
	}
}

/** Adds `a` to the adjoint of `arg`: at a cut point, to the statement it stands for. */
function give<K>(arg: Node, a: number, adjoints: Map<number, number>, sink: SweepSink<K>): void {
	if (a === 0) return;
	const key = sink.cut(arg);
	if (key !== undefined) sink.toCut(key, a);
	else adjoints.set(arg.id, (adjoints.get(arg.id) ?? 0) + a);
}

