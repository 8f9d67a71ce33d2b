/**
 * Tapes for the backward pass of nested sums in generated code (compileGraph.ts). A sum inside another sum's body is
 * differentiated by running its iterations again inside the enclosing body's backward pass; without a tape that
 * recomputes every call (`Math.tanh`, `Math.exp`, ...) and every inner sum of the forward pass. A tape keeps those
 * values per iteration, in a Float64Array allocated once with the compiled function, and the backward pass reads
 * them back, as reverse-mode AD keeps its forward values (Griewank & Walther, "Evaluating Derivatives", 2nd ed.,
 * SIAM 2008, §4.1) and as a hand-written backward pass keeps a network's hidden activations.
 *
 * A loop's position on its tape counts its iterations across the taped loops around it (`c_outer · count + k`),
 * because a taped outer loop does not run its body's forward pass again before that body's backward pass. A loop
 * whose tape would be too large, and the top-level loops (fused: each iteration's backward pass directly follows
 * its forward pass), have no tape; the positions of the loops inside them start again from their own index.
 */
import { topScope, type CodeScopes } from './codeScopes';
import { collectNodes, type Node, type SumNode } from './node';
import type { OpName } from './ops';

/** A tape: its variable name, its length, the slot of each taped node, and the taped loop around it. */
export interface Tape {
	readonly name: string;
	readonly size: number;
	readonly slots: ReadonlyMap<number, number>;
	readonly outer: number | undefined;
}

/** Elements all tapes of one compiled loss may hold (8 MB). */
const maxTapeElements = 1 << 20;

/** Arithmetic that costs less to recompute than to store and load. */
const cheap: ReadonlySet<OpName> = new Set<OpName>(['add', 'mul', 'neg']);

function taped(node: Node, live: ReadonlySet<number>): boolean {
	if (!live.has(node.id)) return false;
	return node.kind === 'sum' || (node.kind === 'op' && !cheap.has(node.op));
}

/** The tape of each nested loop whose backward pass would recompute something worth keeping. */
export function nestedTapes(scopes: CodeScopes, live: ReadonlySet<number>): Map<number, Tape> {
	const tapes = new Map<number, Tape>();
	const positions = new Map<number, number>();
	let total = 0;
	const sums = collectNodes(scopes.output).filter((n): n is SumNode => n.kind === 'sum' && live.has(n.id));
	// collectNodes lists arguments first; reversed, a sum comes before the sums inside its body.
	for (const sum of sums.reverse()) {
		const around = scopes.scopeOf(sum);
		if (around === topScope) continue;
		const outer = tapes.has(around) ? around : undefined;
		const count = (outer === undefined ? 1 : positions.get(outer)!) * sum.count;
		const nodes = scopes.nodesIn(sum.loop).filter((n) => taped(n, live));
		const size = count * nodes.length;
		if (nodes.length === 0 || total + size > maxTapeElements) continue;
		total += size;
		positions.set(sum.loop, count);
		tapes.set(sum.loop, { name: `T${sum.loop}`, size, slots: new Map(nodes.map((n, i) => [n.id, i])), outer });
	}
	return tapes;
}
