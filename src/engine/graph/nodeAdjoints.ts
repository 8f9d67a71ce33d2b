/**
 * Values and adjoints of chosen nodes at a point, for the debugger's step-into: the forward pass shows each local's
 * value, the backward pass its adjoint ∂L/∂local. Built on the reference interpreter only, with no second
 * evaluator: a node's value is the interpreter run on the node as output, and its adjoint is the interpreter's
 * gradient with respect to a fresh parameter substituted for the node (the textbook definition of an adjoint:
 * the derivative of the output with the node cut loose from its inputs, Griewank & Walther, "Evaluating
 * Derivatives", 2nd ed., §3.2). The graph is never mutated; the substitute is a copy of the affected path.
 *
 * Nodes inside a loop (one value per iteration) and nodes that reach a lowering placeholder have no single value
 * and read as `undefined`.
 */
import { batchInfo, interpretValue, interpretValueAndGradient } from './interpreter';
import { childrenOf, collectNodes, type LossGraph, type Node } from './node';

/** A node's value and ∂L/∂node at one point; `adjoint` is undefined for nodes that cannot vary. */
export interface NodeReading {
	readonly value: number;
	readonly adjoint: number | undefined;
}

/**
 * Reads `nodes` of `graph` at `x`. With `batch`, sums over data use only those samples, as the session's update
 * does (see `compileGraph`). One interpreter run per node for the value and one for the adjoint.
 */
export function readNodes(
	graph: LossGraph,
	nodes: readonly Node[],
	x: ArrayLike<number>,
	batch?: ArrayLike<number>,
): (NodeReading | undefined)[] {
	const batchCount = batchInfo(graph).count;
	return nodes.map((node) => {
		if (node.loops.length > 0 || reachesPlaceholder(node)) return undefined;
		const sub = asOutput(graph, node);
		const value = interpretValue(sub, x, batchFor(sub, batchCount, batch));
		return { value, adjoint: node.varies ? adjointOf(graph, node, value, x, batch) : undefined };
	});
}

/** ∂L/∂node: the gradient of the output with respect to a parameter standing in for `node` (valued `value`). */
function adjointOf(graph: LossGraph, node: Node, value: number, x: ArrayLike<number>, batch?: ArrayLike<number>): number {
	const d = graph.paramNames.length;
	const cutGraph: LossGraph = { ...graph, output: substituteParam(graph.output, node, d) };
	const point = Float64Array.from({ length: d + 1 }, (_, i) => (i < d ? x[i]! : value));
	const gradient = new Float64Array(d + 1);
	interpretValueAndGradient(cutGraph, point, gradient, batchFor(cutGraph, batchInfo(graph).count, batch));
	return gradient[d]!;
}

/**
 * The batch applies only where the interpreter would pick the same sums as in the whole graph: when the largest
 * data set the sub-graph sums over is the whole graph's. Otherwise a smaller sum would wrongly take the batch.
 */
function batchFor(sub: LossGraph, wholeCount: number, batch: ArrayLike<number> | undefined): ArrayLike<number> | undefined {
	return batch !== undefined && batchInfo(sub).count === wholeCount ? batch : undefined;
}

function asOutput(graph: LossGraph, node: Node): LossGraph {
	return node === graph.output ? graph : { ...graph, output: node };
}

/**
 * `root` with every use of `target` replaced by the parameter `x[index]`. Nodes off the path to `target` are shared; nodes on
 * it are copied with fresh ids above every existing id, assigned in topological order (arguments first), so ids stay
 * unique and ascending from arguments to users as the interpreter and compiler expect.
 */
export function substituteParam(root: Node, target: Node, index: number): Node {
	const nodes = collectNodes(root);
	let nextId = nodes[nodes.length - 1]!.id + 1;
	const param: Node = { kind: 'param', index, id: nextId++, loops: [], varies: true };
	const rebuilt = new Map<number, Node>([[target.id, param]]);
	for (const node of nodes) {
		if (rebuilt.has(node.id)) continue;
		const children = childrenOf(node);
		if (!children.some((c) => rebuilt.has(c.id))) continue;
		rebuilt.set(node.id, withChildren(node, children.map((c) => rebuilt.get(c.id) ?? c), nextId++));
	}
	return rebuilt.get(root.id) ?? root;
}

/** A copy of `node` with new arguments (in `childrenOf` order) and a new id. */
function withChildren(node: Node, children: readonly Node[], id: number): Node {
	switch (node.kind) {
		case 'const':
		case 'param':
		case 'index':
			return { ...node, id };
		case 'paramAt':
		case 'data':
			return { ...node, id, index: children[0]! };
		case 'op':
			return { ...node, id, args: children };
		case 'sum':
			return { ...node, id, body: children[0]! };
		default: {
			const never: never = node;
			return never;
		}
	}
}

/** True when `node` reads a placeholder (`param` with a negative index) that front ends use for loop-carried values. */
function reachesPlaceholder(node: Node): boolean {
	return collectNodes(node).some((n) => n.kind === 'param' && n.index < 0);
}
