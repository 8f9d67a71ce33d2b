/**
 * Sums over data alone (a mean of the targets, a normalization constant) are numbers known before the loss runs, so
 * they are computed once while lowering, with the reference interpreter: the graph gets a constant instead of a loop
 * that would run at every step (and that a mini-batch would wrongly sample).
 */
import { interpretValue } from '../../graph/interpreter';
import { collectNodes, type Node } from '../../graph/node';
import type { LoweringContext } from './context';

/** Interpreter work (nodes × iterations) allowed for one folded sum. */
const maxWork = 1_000_000;
/** The interpreter recurses through the graph, so only small graphs are folded. */
const maxNodes = 2_000;

/** `node` as a constant when it depends on no parameter and no enclosing loop and is cheap to evaluate; else `node`. */
export function foldConstant(ctx: LoweringContext, node: Node): Node {
	if (node.kind === 'const' || node.loops.length > 0) return node;
	const nodes = collectNodes(node);
	if (nodes.length > maxNodes || nodes.some((n) => n.kind === 'param' || n.kind === 'paramAt')) return node;
	let trips = 1;
	for (const n of nodes) {
		if (n.kind === 'sum') trips = Math.max(trips, n.loops.reduce((p, l) => p * (ctx.loopCount(l) ?? 1), n.count));
	}
	if (trips * nodes.length > maxWork) return node;
	const b = ctx.builder;
	const graph = { output: node, params: [], paramNames: [], start: [], data: b.data, steps: [] };
	return b.constant(interpretValue(graph, []));
}
