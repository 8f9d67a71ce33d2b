/**
 * Where each node of a graph lives in generated code: at the top level, or inside the loop of the innermost sum it
 * depends on. Nodes that do not depend on a loop are computed outside it (loop-invariant code motion falls out of
 * this), and within a scope nodes are emitted in id order, which is topological.
 */
import { collectNodes, type Node, type SumNode } from './node';

/** The top level of the function. */
export const topScope = -1;

export class CodeScopes {
	/** Nodes per scope (a loop id, or `topScope`), in emission order. */
	private readonly members = new Map<number, Node[]>();
	private readonly sums = new Map<number, SumNode>();
	private readonly depths = new Map<number, number>();

	constructor(readonly output: Node) {
		const nodes = collectNodes(output);
		for (const node of nodes) if (node.kind === 'sum') this.sums.set(node.loop, node);
		for (const node of nodes) {
			const scope = this.scopeOf(node);
			let list = this.members.get(scope);
			if (!list) this.members.set(scope, (list = []));
			list.push(node);
		}
	}

	/** The loop whose body computes `node`, or `topScope`. */
	scopeOf(node: Node): number {
		let best = topScope;
		let bestDepth = 0;
		for (const loop of node.loops) {
			const depth = this.depthOf(loop);
			if (depth > bestDepth) {
				best = loop;
				bestDepth = depth;
			}
		}
		return best;
	}

	/** Nodes computed in `scope`, arguments first. */
	nodesIn(scope: number): readonly Node[] {
		return this.members.get(scope) ?? [];
	}

	sumOf(loop: number): SumNode {
		return this.sums.get(loop)!;
	}

	/** Trip count of each loop, for static index range checks. */
	loopCount(loop: number): number {
		return this.sums.get(loop)?.count ?? 0;
	}

	/** True when `scope` is `outer` or nested inside it. */
	isWithin(scope: number, outer: number): boolean {
		if (outer === topScope) return true;
		if (scope === topScope) return false;
		return scope === outer || this.sumOf(scope).loops.some((l) => this.isWithin(l, outer));
	}

	private depthOf(loop: number): number {
		const known = this.depths.get(loop);
		if (known !== undefined) return known;
		const sum = this.sums.get(loop);
		const depth = 1 + Math.max(0, ...(sum?.loops ?? []).map((l) => this.depthOf(l)));
		this.depths.set(loop, depth);
		return depth;
	}
}

/** The interval an index expression can take, or `undefined` when it cannot be bounded statically. */
export function indexRange(node: Node, scopes: CodeScopes): [number, number] | undefined {
	switch (node.kind) {
		case 'const':
			return Number.isInteger(node.value) ? [node.value, node.value] : undefined;
		case 'index':
			return [0, scopes.loopCount(node.loop) - 1];
		case 'op': {
			const [a, b] = node.args.map((n) => indexRange(n, scopes));
			if (!a || (node.args.length > 1 && !b)) return undefined;
			if (node.op === 'add') return [a[0] + b![0], a[1] + b![1]];
			if (node.op === 'neg') return [-a[1], -a[0]];
			if (node.op === 'mul') {
				const c = [a[0] * b![0], a[0] * b![1], a[1] * b![0], a[1] * b![1]];
				return [Math.min(...c), Math.max(...c)];
			}
			return undefined;
		}
		default:
			return undefined;
	}
}
