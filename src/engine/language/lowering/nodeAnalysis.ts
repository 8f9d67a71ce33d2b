/**
 * Questions the loop lowering asks of IR nodes built during a symbolic iteration: does a value depend on a
 * placeholder, is it `placeholder + delta` (an additive update, which becomes a sum), how many nodes did an
 * iteration create, and what is a node with a loop index replaced (fixed to a constant, or moved to a fresh loop).
 * The walks over node chains are iterative, so long chains (unrolled loops) cannot overflow the stack.
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
export function additiveDelta(
	b: GraphBuilder,
	node: Node,
	placeholder: Node,
	carried: ReadonlySet<number>,
): Node | undefined {
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

/** Makes a new loop variable of `count` iterations (`LoweringContext.newLoop`). */
export type FreshLoop = (count: number) => { loop: number; index: Node };

/**
 * `root` with the index of each loop in `mapping` replaced by its node, rebuilt through the builder (so it folds and
 * shares). Every rebuilt `sum` gets a fresh loop variable: the IR gives each sum its own loop, and a copy of a sum
 * with a different body is a different sum.
 */
export function substituteLoops(
	b: GraphBuilder,
	root: Node,
	mapping: ReadonlyMap<number, Node>,
	fresh: FreshLoop,
): Node {
	const affected = (node: Node) => node.loops.some((l) => mapping.has(l));
	const done = new Map<number, Node>();
	const stack = [root];
	while (stack.length > 0) {
		const node = stack[stack.length - 1]!;
		if (done.has(node.id)) {
			stack.pop();
		} else if (!affected(node)) {
			done.set(node.id, node);
			stack.pop();
		} else if (node.kind === 'sum') {
			stack.pop();
			const renamed = fresh(node.count);
			const body = substituteLoops(b, node.body, new Map([...mapping, [node.loop, renamed.index]]), fresh);
			done.set(node.id, b.sum(renamed.loop, node.count, body));
		} else {
			const pending = childrenOf(node).filter((c) => !done.has(c.id));
			if (pending.length > 0) {
				stack.push(...pending);
				continue;
			}
			stack.pop();
			done.set(node.id, rebuild(b, node, (c) => done.get(c.id)!, mapping));
		}
	}
	return done.get(root.id)!;
}

function rebuild(b: GraphBuilder, node: Node, get: (child: Node) => Node, mapping: ReadonlyMap<number, Node>): Node {
	switch (node.kind) {
		case 'const':
		case 'param':
			return node;
		case 'index':
			return mapping.get(node.loop) ?? node;
		case 'paramAt':
			return b.paramAt(node.offset, node.length, get(node.index));
		case 'data':
			return b.data_(node.array, get(node.index));
		case 'op':
			return b.op(node.op, ...node.args.map(get));
		case 'sum':
			throw new Error('internal: sums are renamed by substituteLoops');
		default: {
			const never: never = node;
			return never;
		}
	}
}
