/**
 * Questions the loop lowering asks of IR nodes built during a symbolic iteration: does a value depend on a
 * placeholder, is it `placeholder + delta` (an additive update, which becomes a sum), how many nodes did an
 * iteration create, and what is a node with the loop index fixed to a constant. All walks are iterative, so long
 * chains (unrolled loops) cannot overflow the stack.
 */
import type { GraphBuilder } from '../../graph/graphBuilder';
import { childrenOf, type Node } from '../../graph/node';

/** True when `root` reaches a node whose id is in `targets`. Nodes older than every target are skipped. */
export function reachesAny(root: Node, targets: ReadonlySet<number>): boolean {
	if (targets.size === 0) return false;
	const oldest = Math.min(...targets);
	const seen = new Set<number>();
	const stack = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.id < oldest || seen.has(node.id)) continue;
		if (targets.has(node.id)) return true;
		seen.add(node.id);
		stack.push(...childrenOf(node));
	}
	return false;
}

/**
 * If `node` is `placeholder + delta` with `delta` free of every id in `carried` (adds in any order and nesting,
 * subtractions as added negations, `select`s whose condition is free of them), returns `delta`; else undefined.
 */
export function additiveDelta(b: GraphBuilder, node: Node, placeholder: Node, carried: ReadonlySet<number>): Node | undefined {
	const free = (n: Node) => !reachesAny(n, carried);
	const terms: Node[] = [];
	let spine = node;
	while (spine !== placeholder) {
		if (spine.kind !== 'op') return undefined;
		if (spine.op === 'add') {
			const [x, y] = spine.args as [Node, Node];
			const xFree = free(x);
			if (xFree === free(y)) return undefined;
			terms.push(xFree ? x : y);
			spine = xFree ? y : x;
		} else if (spine.op === 'select') {
			const [c, t, f] = spine.args as [Node, Node, Node];
			if (!free(c)) return undefined;
			const dt = additiveDelta(b, t, placeholder, carried);
			const df = dt && additiveDelta(b, f, placeholder, carried);
			if (!dt || !df) return undefined;
			terms.push(b.select(c, dt, df));
			break;
		} else {
			return undefined;
		}
	}
	return terms.reduceRight<Node>((sum, t) => b.add(t, sum), b.constant(0));
}

/** The number of distinct nodes with id >= `since` reachable from `roots` through such nodes. */
export function countNodesSince(roots: readonly Node[], since: number): number {
	const seen = new Set<number>();
	const stack = [...roots];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.id < since || seen.has(node.id)) continue;
		seen.add(node.id);
		stack.push(...childrenOf(node));
	}
	return seen.size;
}

/** `root` with the index of `loop` replaced by `value`, rebuilt through the builder (so it folds and shares). */
export function substituteLoop(b: GraphBuilder, root: Node, loop: number, value: Node): Node {
	const done = new Map<number, Node>();
	const stack = [root];
	while (stack.length > 0) {
		const node = stack[stack.length - 1]!;
		if (done.has(node.id)) {
			stack.pop();
		} else if (!node.loops.includes(loop)) {
			done.set(node.id, node);
			stack.pop();
		} else {
			const pending = childrenOf(node).filter((c) => !done.has(c.id));
			if (pending.length > 0) {
				stack.push(...pending);
				continue;
			}
			stack.pop();
			done.set(node.id, rebuild(b, node, (c) => done.get(c.id)!, loop, value));
		}
	}
	return done.get(root.id)!;
}

function rebuild(b: GraphBuilder, node: Node, get: (child: Node) => Node, loop: number, value: Node): Node {
	switch (node.kind) {
		case 'const':
		case 'param':
			return node;
		case 'index':
			return node.loop === loop ? value : node;
		case 'paramAt':
			return b.paramAt(node.offset, node.length, get(node.index));
		case 'data':
			return b.data_(node.array, get(node.index));
		case 'op':
			return b.op(node.op, ...node.args.map(get));
		case 'sum':
			return b.sum(node.loop, node.count, get(node.body));
		default: {
			const never: never = node;
			return never;
		}
	}
}
