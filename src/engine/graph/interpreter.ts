/**
 * The reference evaluator of the IR: walks the graph for every loop iteration, recording each value on a tape (a
 * Wengert list), then sweeps the tape backwards for the gradient. Slow and obviously right; the compiler in
 * `compileGraph.ts` is tested against it, and it is the fallback where generated code cannot run.
 *
 * The tape is append-only and its order is topological, so reverse-mode autodiff is one backwards loop over it that
 * writes into a fresh gradient array; the graph itself is never mutated (micrograd's `backward()`, without its
 * `grad +=` on the nodes). Hessian-vector products differentiate that backwards loop in forward mode
 * (forward-over-reverse: Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 1994;
 * Griewank & Walther, "Evaluating Derivatives", 2nd ed., §5.4), with each op's second derivatives from `ops.ts`.
 */
import { CodeScopes, topScope } from './codeScopes';
import { childrenOf, type LossGraph, type Node } from './node';
import { ops } from './ops';

/** One recorded value: where its gradient goes (a parameter slot or earlier entries) and the local partials. */
interface TapeEntry {
	readonly value: number;
	readonly parents: readonly number[];
	readonly partials: readonly number[];
	/** Flat parameter index for a parameter leaf, else -1. */
	readonly param: number;
	/** ∂²value/∂parentᵢ∂parentⱼ (row-major), recorded only for Hessian-vector products; absent when all zero. */
	readonly second?: readonly number[];
}

class Tape {
	readonly entries: TapeEntry[] = [];
	/** Record second derivatives (for Hessian-vector products). */
	constructor(readonly withSecond = false) {}
	push(value: number, parents: readonly number[] = [], partials: readonly number[] = [], param = -1, second?: readonly number[]): number {
		this.entries.push(second ? { value, parents, partials, param, second } : { value, parents, partials, param });
		return this.entries.length - 1;
	}
	value(slot: number): number {
		return this.entries[slot]!.value;
	}
}

/** Evaluates the loss at `x`, optionally only over the samples in `batch` (see `compileGraph`). */
export function interpretValue(graph: LossGraph, x: ArrayLike<number>, batch?: ArrayLike<number>): number {
	const tape = new Tape();
	return tape.value(new Evaluation(graph, x, tape, batch).run());
}

/** Evaluates the loss and writes its gradient into `gradient`; returns the loss. */
export function interpretValueAndGradient(
	graph: LossGraph,
	x: ArrayLike<number>,
	gradient: Float64Array,
	batch?: ArrayLike<number>,
): number {
	const tape = new Tape();
	const out = new Evaluation(graph, x, tape, batch).run();
	gradient.fill(0);
	const adjoint = new Float64Array(tape.entries.length);
	adjoint[out] = 1;
	for (let slot = out; slot >= 0; slot--) {
		const a = adjoint[slot]!;
		if (a === 0) continue;
		const entry = tape.entries[slot]!;
		if (entry.param >= 0) gradient[entry.param]! += a;
		for (let j = 0; j < entry.parents.length; j++) adjoint[entry.parents[j]!]! += a * entry.partials[j]!;
	}
	return tape.value(out);
}

/**
 * Evaluates the loss at `x` and writes the Hessian-vector product H(x)·v into `out`; returns the loss. Exact (no
 * finite differences): the tangent of every value along `v`, then the tangent of every adjoint, whose parameter
 * entries are H·v. With `batch`, the Hessian is the mini-batch loss's, as for the gradient.
 */
export function interpretHessianVector(
	graph: LossGraph,
	x: ArrayLike<number>,
	v: ArrayLike<number>,
	out: Float64Array,
	batch?: ArrayLike<number>,
): number {
	const tape = new Tape(true);
	const root = new Evaluation(graph, x, tape, batch).run();
	const entries = tape.entries;
	const tangent = new Float64Array(entries.length);
	for (let slot = 0; slot <= root; slot++) {
		const entry = entries[slot]!;
		let t = entry.param >= 0 ? v[entry.param]! : 0;
		for (let j = 0; j < entry.parents.length; j++) t += entry.partials[j]! * tangent[entry.parents[j]!]!;
		tangent[slot] = t;
	}
	out.fill(0);
	const adjoint = new Float64Array(entries.length);
	const adjointTangent = new Float64Array(entries.length);
	adjoint[root] = 1;
	for (let slot = root; slot >= 0; slot--) {
		const a = adjoint[slot]!;
		const at = adjointTangent[slot]!;
		if (a === 0 && at === 0) continue;
		const entry = entries[slot]!;
		if (entry.param >= 0) out[entry.param]! += at;
		const k = entry.parents.length;
		for (let j = 0; j < k; j++) {
			let partialTangent = 0;
			if (entry.second) for (let m = 0; m < k; m++) partialTangent += entry.second[j * k + m]! * tangent[entry.parents[m]!]!;
			const parent = entry.parents[j]!;
			adjoint[parent]! += a * entry.partials[j]!;
			adjointTangent[parent]! += at * entry.partials[j]! + a * partialTangent;
		}
	}
	return tape.value(root);
}

class Evaluation {
	private readonly loopValues = new Map<number, number>();
	/** Tape slot of each node's current value; nodes inside a loop are overwritten each iteration. */
	private readonly slots = new Map<number, number>();
	private readonly scopes: CodeScopes;

	constructor(
		private readonly graph: LossGraph,
		private readonly x: ArrayLike<number>,
		private readonly tape: Tape,
		private readonly batch: ArrayLike<number> | undefined,
	) {
		this.scopes = new CodeScopes(graph.output);
	}

	/** Evaluates scope by scope in id order (topological), so deep graphs need no deep recursion. */
	run(): number {
		this.evaluateScope(topScope);
		return this.slot(this.graph.output);
	}

	private evaluateScope(scope: number): void {
		for (const node of this.scopes.nodesIn(scope)) this.slots.set(node.id, this.record(node));
	}

	private slot(node: Node): number {
		return this.slots.get(node.id)!;
	}

	private record(node: Node): number {
		switch (node.kind) {
			case 'const':
				return this.tape.push(node.value);
			case 'param':
				return this.tape.push(this.x[node.index]!, [], [], node.index);
			case 'paramAt': {
				const i = this.tape.value(this.slot(node.index));
				const inRange = Number.isInteger(i) && i >= 0 && i < node.length;
				return inRange ? this.tape.push(this.x[node.offset + i]!, [], [], node.offset + i) : this.tape.push(Number.NaN);
			}
			case 'data': {
				const i = this.tape.value(this.slot(node.index));
				return this.tape.push(this.graph.data[node.array]![i] ?? Number.NaN);
			}
			case 'index':
				return this.tape.push(this.loopValues.get(node.loop)!);
			case 'op':
				return this.recordOp(node.op, node.args);
			case 'sum':
				return this.recordSum(node.loop, node.count, node.body);
			default: {
				const never: never = node;
				return never;
			}
		}
	}

	private recordOp(op: keyof typeof ops, args: readonly Node[]): number {
		const slots = args.map((a) => this.slot(a));
		const [a = 0, b = 0, c = 0] = slots.map((s) => this.tape.value(s));
		const rule = ops[op];
		const out = rule.evaluate(a, b, c);
		if (!rule.differentiable) return this.tape.push(out);
		const second = this.tape.withSecond ? rule.second?.(a, b, c, out) : undefined;
		return this.tape.push(out, slots, rule.partials(a, b, c, out), -1, second);
	}

	private recordSum(loop: number, count: number, body: Node): number {
		const useBatch = this.batch !== undefined && isBatchLoop(this.graph, loop, count);
		const indices = useBatch ? Array.from(this.batch!) : Array.from({ length: count }, (_, k) => k);
		const scale = useBatch ? count / indices.length : 1;
		const parents: number[] = [];
		let total = 0;
		for (const k of indices) {
			this.loopValues.set(loop, k);
			this.evaluateScope(loop);
			const slot = this.slot(body);
			parents.push(slot);
			total += this.tape.value(slot);
		}
		this.loopValues.delete(loop);
		return this.tape.push(total * scale, parents, parents.map(() => scale));
	}
}

/** Mirrors the compiler's rule: a top-level sum over the largest data set takes the mini-batch. */
function isBatchLoop(graph: LossGraph, loop: number, count: number): boolean {
	const info = batchInfo(graph);
	return info.count === count && info.loops.includes(loop);
}

const batchCache = new WeakMap<LossGraph, { loops: number[]; count: number }>();

/** The top-level sums that read data indexed by their own loop variable, and the sample count they share. */
export function batchInfo(graph: LossGraph): { loops: number[]; count: number } {
	const cached = batchCache.get(graph);
	if (cached) return cached;
	const candidates: { loop: number; count: number }[] = [];
	const stack: Node[] = [graph.output];
	const seen = new Set<number>();
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (seen.has(node.id) || node.loops.length > 0) continue;
		seen.add(node.id);
		if (node.kind === 'sum' && readsDataAt(node.body, node.loop)) candidates.push({ loop: node.loop, count: node.count });
		else stack.push(...childrenOf(node));
	}
	const count = Math.max(0, ...candidates.map((c) => c.count));
	const info = { loops: candidates.filter((c) => c.count === count).map((c) => c.loop), count };
	batchCache.set(graph, info);
	return info;
}

function readsDataAt(body: Node, loop: number): boolean {
	const stack = [body];
	const seen = new Set<number>();
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (seen.has(node.id) || !node.loops.includes(loop)) continue;
		seen.add(node.id);
		if (node.kind === 'data') return true;
		stack.push(...childrenOf(node));
	}
	return false;
}
