/**
 * Values of IR nodes while the step-into walk is somewhere in the loss: at the top level, or inside iteration `k` of
 * a loop with its index bound and its carried variables' placeholders bound to their values entering the iteration.
 * A small evaluator over the IR with the forward rules of `graph/ops.ts` (as the reference interpreter uses them),
 * memoised per scope: a node is cached in the innermost scope that binds something it depends on, so loop-invariant
 * work is done once and an iteration's values are forgotten with its scope. Sums inside a statement (`sum(...)`,
 * `reduce`) are evaluated in full, as the statement computes them.
 */
import { childrenOf, type LossGraph, type Node } from '../../graph/node';
import { ops } from '../../graph/ops';

/** The placeholder parameters (negative indices) a node reads, cached by node id for one graph. */
export class PlaceholderReach {
	private readonly cache = new Map<number, readonly number[]>();

	of(root: Node): readonly number[] {
		const known = this.cache.get(root.id);
		if (known) return known;
		for (const node of postOrder(root, (n) => this.cache.has(n.id), true)) {
			const own = node.kind === 'param' && node.index < 0 ? [node.index] : [];
			const all = new Set(own);
			for (const child of childrenOf(node)) for (const p of this.cache.get(child.id)!) all.add(p);
			this.cache.set(node.id, [...all]);
		}
		return this.cache.get(root.id)!;
	}
}

export class WalkScope {
	private readonly memo = new Map<number, number>();

	private constructor(
		readonly graph: LossGraph,
		readonly x: ArrayLike<number>,
		readonly reach: PlaceholderReach,
		readonly parent: WalkScope | undefined,
		/** The loop this scope binds and its value, if any. */
		readonly loop: number | undefined,
		readonly k: number,
		/** Placeholder parameter index → value, for the carried variables entering an iteration. */
		readonly placeholders: ReadonlyMap<number, number>,
	) {}

	/** The top level of the loss at the point `x`. */
	static root(graph: LossGraph, x: ArrayLike<number>): WalkScope {
		return new WalkScope(graph, x, new PlaceholderReach(), undefined, undefined, 0, new Map());
	}

	/** A scope inside this one with `loop` = `k` (or no loop) and the given placeholders bound. */
	child(loop: number | undefined, k: number, placeholders: ReadonlyMap<number, number> = new Map()): WalkScope {
		return new WalkScope(this.graph, this.x, this.reach, this, loop, k, placeholders);
	}

	/** The value of `loop`'s index here. */
	index(loop: number): number {
		for (const s of this.chain()) if (s.loop === loop) return s.k;
		throw new Error(`internal: loop ${loop} is not bound`);
	}

	/** The value of `root` in this scope. */
	value(root: Node): number {
		const owner = this.ownerOf(root);
		const known = owner.memo.get(root.id);
		if (known !== undefined) return known;
		for (const node of postOrder(root, (n) => this.ownerOf(n).memo.has(n.id))) {
			this.ownerOf(node).memo.set(node.id, this.compute(node));
		}
		return owner.memo.get(root.id)!;
	}

	/** The innermost scope binding something `node` depends on (its own loop or a placeholder it reads). */
	private ownerOf(node: Node): WalkScope {
		for (const s of this.chain()) {
			if (!s.parent) return s;
			if (s.loop !== undefined && node.loops.includes(s.loop)) return s;
			if (s.placeholders.size > 0 && this.reach.of(node).some((p) => s.placeholders.has(p))) return s;
		}
		throw new Error('internal: a scope chain without a root');
	}

	/** This scope, then each enclosing one up to the top level. */
	private *chain(): Generator<WalkScope> {
		for (let s: WalkScope | undefined = this as WalkScope; s; s = s.parent) yield s;
	}

	private compute(node: Node): number {
		switch (node.kind) {
			case 'const':
				return node.value;
			case 'param':
				return node.index >= 0 ? this.x[node.index]! : this.placeholder(node.index);
			case 'paramAt': {
				const i = this.value(node.index);
				return Number.isInteger(i) && i >= 0 && i < node.length ? this.x[node.offset + i]! : Number.NaN;
			}
			case 'data':
				return this.graph.data[node.array]![this.value(node.index)] ?? Number.NaN;
			case 'index':
				return this.index(node.loop);
			case 'op': {
				const [a = 0, b = 0, c = 0] = node.args.map((arg) => this.value(arg));
				return ops[node.op].evaluate(a, b, c);
			}
			case 'sum': {
				let total = 0;
				for (let k = 0; k < node.count; k++) total += this.child(node.loop, k).value(node.body);
				return total;
			}
			default: {
				const never: never = node;
				return never;
			}
		}
	}

	private placeholder(index: number): number {
		for (const s of this.chain()) {
			const value = s.placeholders.get(index);
			if (value !== undefined) return value;
		}
		return Number.NaN;
	}
}

/**
 * Nodes under `root` (root last), arguments before users, skipping the subtrees where `done` holds; iterative, so
 * deep graphs need no deep recursion. A sum's body is entered only with `intoSums`: a sum evaluates it in its own scope.
 */
export function postOrder(root: Node, done: (node: Node) => boolean, intoSums = false): Node[] {
	const out: Node[] = [];
	const seen = new Set<number>();
	const stack: { node: Node; expanded: boolean }[] = [{ node: root, expanded: false }];
	while (stack.length > 0) {
		const top = stack.pop()!;
		if (top.expanded) {
			out.push(top.node);
			continue;
		}
		if (seen.has(top.node.id) || done(top.node)) continue;
		seen.add(top.node.id);
		stack.push({ node: top.node, expanded: true });
		if (intoSums || top.node.kind !== 'sum') for (const child of childrenOf(top.node)) stack.push({ node: child, expanded: false });
	}
	return out;
}
