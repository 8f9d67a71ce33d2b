/**
 * Compiles a `LossGraph` to straight-line JavaScript: one function for the value, one for the value and its
 * reverse-mode gradient. Code is generated from the IR alone (constants as number literals, values as numbered
 * slots `v12`, adjoints `a12`), so no identifier or string from the user's source reaches it.
 *
 * Sums stay loops. A top-level sum is fused: each iteration computes its body, then back-propagates a unit seed
 * through the body into per-sum partials (`p<sum>_<node>` for loop-invariant inputs, a buffer for vector
 * parameters), which the final backward sweep scales by the sum's adjoint. A sum nested in another sum's body is
 * differentiated inside that body's backward pass by running its iterations again; what its forward iterations
 * computed beyond arithmetic (calls such as `Math.tanh`, inner sums) is kept on a tape (`nestedTapes.ts`) and read
 * back there, the way a hand-written backward pass keeps its hidden activations.
 */
import { CodeScopes, indexRange, topScope } from './codeScopes';
import { assertNumber } from './graphBuilder';
import { batchInfo } from './interpreter';
import { childrenOf, collectNodes, type LossGraph, type Node, type ParamAtNode, type SumNode } from './node';
import { nestedTapes, type Tape } from './nestedTapes';
import { ops } from './ops';

export type ValueFunction = (x: ArrayLike<number>, batch?: ArrayLike<number>) => number;
export type GradientFunction = (x: ArrayLike<number>, gradient: Float64Array, batch?: ArrayLike<number>) => number;

export interface CompiledLoss {
	readonly value: ValueFunction;
	/** Writes ∂L/∂x into `gradient` (all of it) and returns L. */
	readonly valueAndGradient: GradientFunction;
	/** The generated code, for inspection. */
	readonly code: { readonly value: string; readonly valueAndGradient: string };
}

/** Compiles `graph`; throws only if the host forbids generated code (then use the interpreter). */
export function compileGraph(graph: LossGraph): CompiledLoss {
	const valueCode = new Emitter(graph, false).emit();
	const gradientCode = new Emitter(graph, true).emit();
	const buffers = gradientBuffers(graph);
	// The code below is generated from the IR only; see the header of this file.
	const value = new Function('D', 'G', valueCode)(graph.data, buffers) as ValueFunction;
	const valueAndGradient = new Function('D', 'G', gradientCode)(graph.data, buffers) as GradientFunction;
	return { value, valueAndGradient, code: { value: valueCode, valueAndGradient: gradientCode } };
}

/** A number as a JavaScript literal that reads back as the same float64. */
export function numberLiteral(value: number): string {
	assertNumber(value);
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return 'Infinity';
	if (value === -Infinity) return '(-Infinity)';
	if (Object.is(value, -0)) return '(-0)';
	return value < 0 ? `(${value})` : String(value);
}

/** Vector-parameter ranges written by each fused top-level sum, in the order the emitter numbers them. */
function gradientBuffers(graph: LossGraph): Float64Array[] {
	const scopes = new CodeScopes(graph.output);
	return scopes.nodesIn(topScope).flatMap((n) => {
		if (n.kind !== 'sum') return [];
		const range = paramAtRange(scopes, n);
		return range ? [new Float64Array(range[1] - range[0])] : [];
	});
}

/** The [first, end) flat indices of vector parameters read inside `sum`, or undefined if none. */
function paramAtRange(scopes: CodeScopes, sum: SumNode): [number, number] | undefined {
	let first = Infinity;
	let end = -Infinity;
	for (const node of collectNodes(sum.body)) {
		if (node.kind !== 'paramAt' || !scopes.isWithin(scopes.scopeOf(node), sum.loop)) continue;
		first = Math.min(first, node.offset);
		end = Math.max(end, node.offset + node.length);
	}
	return end > first ? [first, end] : undefined;
}

/** Loops of at most this many iterations, with no loop inside, are unrolled. */
const unrollLimit = 4;

/** What a backward pass inside a fused top-level sum accumulates into. */
interface FusedContext {
	readonly sum: SumNode;
	readonly buffer: string | undefined;
	readonly base: number;
}

class Emitter {
	private readonly scopes: CodeScopes;
	private readonly lines: string[] = [];
	/** Each open loop: where its `for` line is in `lines`, and whether a loop was opened inside it. */
	private readonly openLoops: { start: number; inner: boolean }[] = [];
	private readonly batch: { loops: number[]; count: number };
	private readonly guarded: Set<number>;
	/** Nodes that can receive a non-zero adjoint; the others are never differentiated (see `adjointCone`). */
	private readonly live: Set<number>;
	private readonly buffers = new Map<number, { name: string; base: number; end: number }>();
	/** Gradient slots written once, by a top-level parameter node (see `emitGradientZeroing`). */
	private readonly directSlots: Set<number>;
	/** Per nested loop, the tape of its forward values (gradient code only). */
	private readonly tapes: ReadonlyMap<number, Tape>;

	constructor(
		private readonly graph: LossGraph,
		private readonly withGradient: boolean,
	) {
		this.scopes = new CodeScopes(graph.output);
		this.batch = batchInfo(graph);
		this.guarded = selectCone(graph.output);
		this.live = adjointCone(graph.output);
		this.directSlots = directSlots(this.scopes, this.live);
		this.tapes = withGradient ? nestedTapes(this.scopes, this.live) : new Map();
	}

	emit(): string {
		this.line('"use strict";');
		this.graph.data.forEach((_, i) => this.line(`const D${i} = D[${i}];`));
		this.declareBuffers();
		for (const tape of this.tapes.values()) this.line(`const ${tape.name} = new Float64Array(${tape.size});`);
		this.line(this.withGradient ? 'return function valueAndGradient(x, g, B) {' : 'return function value(x, B) {');
		if (this.batch.loops.length > 0) {
			this.line(`const nb = B === undefined ? ${this.batch.count} : B.length;`);
			this.line(`const bs = B === undefined ? 1 : ${this.batch.count} / nb;`);
		}
		if (this.withGradient) this.emitGradientBody();
		else this.emitForward(topScope);
		this.line(`return ${this.ref(this.graph.output)};`);
		this.line('};');
		return this.lines.join('\n');
	}

	private declareBuffers(): void {
		let i = 0;
		for (const n of this.scopes.nodesIn(topScope)) {
			if (n.kind !== 'sum') continue;
			const range = paramAtRange(this.scopes, n);
			if (!range) continue;
			const name = `G${i}`;
			this.line(`const ${name} = G[${i++}];`);
			this.buffers.set(n.id, { name, base: range[0], end: range[1] });
		}
	}

	private emitGradientBody(): void {
		this.emitGradientZeroing();
		for (const n of this.scopes.nodesIn(topScope)) {
			if (n.kind === 'sum') this.emitFusedSum(n);
			else this.emitValueOf(n);
		}
		if (this.graph.output.varies) this.emitBackward(topScope, '1', undefined);
	}

	/**
	 * Slots that only a top-level scalar parameter writes get `g[i] = a` at the end of the sweep; every other slot
	 * (vector elements, unused parameters) is zeroed first and accumulated into.
	 */
	private emitGradientZeroing(): void {
		const n = this.graph.paramNames.length;
		const zeroed = [...Array(n).keys()].filter((i) => !this.directSlots.has(i));
		if (zeroed.length === n) this.line(`for (let i = 0; i < ${n}; i++) g[i] = 0;`);
		else for (const i of zeroed) this.line(`g[${i}] = 0;`);
	}

	private emitForward(scope: number): void {
		const tape = this.tapes.get(scope);
		for (const n of this.scopes.nodesIn(scope)) {
			if (n.kind === 'sum') this.emitSumValue(n);
			else this.emitValueOf(n);
			const slot = tape?.slots.get(n.id);
			if (slot !== undefined) this.line(`${tape!.name}[c${scope} * ${tape!.slots.size} + ${slot}] = v${n.id};`);
		}
	}

	/** The values of a taped loop's body in its backward pass: taped ones read back, the rest recomputed. */
	private emitTapedForward(scope: number, tape: Tape): void {
		for (const n of this.scopes.nodesIn(scope)) {
			const slot = tape.slots.get(n.id);
			if (slot !== undefined) this.line(`const v${n.id} = ${tape.name}[c${scope} * ${tape.slots.size} + ${slot}];`);
			else if (n.kind === 'sum') this.emitSumValue(n);
			else this.emitValueOf(n);
		}
	}

	/** The position of this iteration on its loop's tape: outer taped loops' positions, then this loop's index. */
	private emitTapePosition(sum: SumNode): void {
		const tape = this.tapes.get(sum.loop);
		if (!tape) return;
		const outer = tape.outer === undefined ? '' : `c${tape.outer} * ${sum.count} + `;
		this.line(`const c${sum.loop} = ${outer}k${sum.loop};`);
	}

	private emitValueOf(n: Node): void {
		if (n.kind !== 'const') this.line(`const v${n.id} = ${this.expression(n)};`);
	}

	private emitSumValue(sum: SumNode): void {
		this.line(`let v${sum.id} = 0;`);
		this.openLoop(sum);
		this.emitTapePosition(sum);
		this.emitForward(sum.loop);
		this.line(`v${sum.id} += ${this.ref(sum.body)};`);
		this.closeLoop(sum);
	}

	private emitFusedSum(sum: SumNode): void {
		if (!this.live.has(sum.id)) return this.emitSumValue(sum);
		const buffer = this.buffers.get(sum.id);
		this.line(`let v${sum.id} = 0;`);
		for (const h of this.externalInputs(sum)) this.line(`let p${sum.id}_${h.id} = 0;`);
		if (buffer) this.line(`${buffer.name}.fill(0);`);
		this.openLoop(sum);
		this.emitForward(sum.loop);
		this.line(`v${sum.id} += ${this.ref(sum.body)};`);
		this.emitBackward(sum.loop, '1', { sum, buffer: buffer?.name, base: buffer?.base ?? 0 });
		this.closeLoop(sum);
	}

	/** Top-level varying nodes read from inside `sum`: their partials are accumulated per sum. */
	private externalInputs(sum: SumNode): Node[] {
		const found = new Map<number, Node>();
		for (const n of collectNodes(sum.body)) {
			if (!this.scopes.isWithin(this.scopes.scopeOf(n), sum.loop)) continue;
			for (const c of childrenOf(n)) {
				if (this.live.has(c.id) && this.scopes.scopeOf(c) === topScope) found.set(c.id, c);
			}
		}
		return [...found.values()].sort((a, b) => a.id - b.id);
	}

	private openLoop(sum: SumNode): void {
		const around = this.openLoops.at(-1);
		if (around) around.inner = true;
		this.openLoops.push({ start: this.lines.length, inner: false });
		const k = `k${sum.loop}`;
		if (this.isBatchLoop(sum)) {
			this.line(`for (let q = 0; q < nb; q++) {`);
			this.line(`const ${k} = B === undefined ? q : B[q];`);
		} else {
			this.line(`for (let ${k} = 0; ${k} < ${sum.count}; ${k}++) {`);
		}
	}

	private closeLoop(sum: SumNode): void {
		this.endLoop(sum);
		if (this.isBatchLoop(sum)) this.line(`v${sum.id} *= bs;`);
	}

	private isBatchLoop(sum: SumNode): boolean {
		return this.batch.loops.includes(sum.loop) && this.scopes.scopeOf(sum) === topScope;
	}

	/** Declares the adjoints of `scope`, seeds its root, and propagates in reverse order. */
	private emitBackward(scope: number, seed: string, fused: FusedContext | undefined): void {
		const nodes = this.scopes.nodesIn(scope).filter((n) => this.live.has(n.id));
		const root = scope === topScope ? this.graph.output : this.scopes.sumOf(scope).body;
		for (const n of nodes) this.line(`let a${n.id} = ${n === root ? seed : '0'};`);
		for (let i = nodes.length - 1; i >= 0; i--) this.propagate(nodes[i]!, fused);
	}

	private propagate(n: Node, fused: FusedContext | undefined): void {
		const guard = this.guarded.has(n.id);
		if (guard) this.line(`if (a${n.id} !== 0) {`);
		this.propagateUnguarded(n, fused);
		if (guard) this.line('}');
	}

	private propagateUnguarded(n: Node, fused: FusedContext | undefined): void {
		const a = `a${n.id}`;
		switch (n.kind) {
			case 'param':
				this.line(`g[${n.index}] ${this.directSlots.has(n.index) ? '=' : '+='} ${a};`);
				return;
			case 'paramAt':
				this.line(`${this.paramAtTarget(n, fused)} += ${a};`);
				return;
			case 'op':
				return this.propagateOp(n, a, fused);
			case 'sum':
				return this.scopes.scopeOf(n) === topScope ? this.propagateFusedSum(n, a) : this.propagateNestedSum(n, a, fused);
			default:
				return;
		}
	}

	private propagateOp(n: Node & { kind: 'op' }, a: string, fused: FusedContext | undefined): void {
		const [x = '', y = '', z = ''] = n.args.map((c) => this.ref(c));
		const partials = ops[n.op].emitPartials(x, y, z, this.ref(n));
		n.args.forEach((c, j) => {
			const partial = partials[j];
			if (!this.live.has(c.id) || partial === null || partial === undefined) return;
			const target = this.adjointOf(c, fused);
			if (partial === '1') this.line(`${target} += ${a};`);
			else if (partial === '-1') this.line(`${target} -= ${a};`);
			else this.line(`${target} += ${a} * ${partial};`);
		});
	}

	private propagateFusedSum(sum: SumNode, a: string): void {
		if (!sum.body.varies) return;
		const scaled = this.isBatchLoop(sum) ? `(${a} * bs)` : a;
		for (const h of this.externalInputs(sum)) this.line(`a${h.id} += ${scaled} * p${sum.id}_${h.id};`);
		const buffer = this.buffers.get(sum.id);
		if (!buffer) return;
		this.line(`for (let i = 0; i < ${buffer.end - buffer.base}; i++) g[${buffer.base} + i] += ${scaled} * ${buffer.name}[i];`);
	}

	private propagateNestedSum(sum: SumNode, a: string, fused: FusedContext | undefined): void {
		this.openLoop(sum);
		this.emitTapePosition(sum);
		const tape = this.tapes.get(sum.loop);
		if (tape) this.emitTapedForward(sum.loop, tape);
		else this.emitForward(sum.loop);
		this.emitBackward(sum.loop, a, fused);
		this.endLoop(sum);
	}

	/**
	 * Closes the loop of `sum`. An innermost loop of at most `unrollLimit` iterations (the shared index of a matrix
	 * product with two inputs) is written out, one block per iteration, which saves V8 the loop's bookkeeping.
	 */
	private endLoop(sum: SumNode): void {
		const { start, inner } = this.openLoops.pop()!;
		if (inner || this.isBatchLoop(sum) || sum.count > unrollLimit) return this.line('}');
		const body = this.lines.slice(start + 1);
		this.lines.length = start;
		for (let i = 0; i < sum.count; i++) this.lines.push(`{ const k${sum.loop} = ${i};`, ...body, '}');
	}

	private adjointOf(c: Node, fused: FusedContext | undefined): string {
		return fused && this.scopes.scopeOf(c) === topScope ? `p${fused.sum.id}_${c.id}` : `a${c.id}`;
	}

	private paramAtTarget(n: ParamAtNode, fused: FusedContext | undefined): string {
		const i = this.ref(n.index);
		if (fused?.buffer) return `${fused.buffer}[${n.offset - fused.base} + ${i}]`;
		return `g[${n.offset} + ${i}]`;
	}

	private expression(n: Node): string {
		switch (n.kind) {
			case 'param':
				return `x[${n.index}]`;
			case 'paramAt':
				return this.paramAtRead(n);
			case 'data':
				return `D${n.array}[${this.ref(n.index)}]`;
			case 'index':
				return `k${n.loop}`;
			case 'op': {
				const [x = '', y = '', z = ''] = n.args.map((c) => this.ref(c));
				return ops[n.op].emit(x, y, z);
			}
			default:
				throw new Error(`internal: no expression for ${n.kind}`);
		}
	}

	/** Reads a vector element, with a bounds check unless the index is provably in range. */
	private paramAtRead(n: ParamAtNode): string {
		const i = this.ref(n.index);
		const range = indexRange(n.index, this.scopes);
		if (range && range[0] >= 0 && range[1] < n.length) return `x[${n.offset} + ${i}]`;
		return `(${i} >= 0 && ${i} < ${n.length} && ${i} === Math.floor(${i}) ? x[${n.offset} + ${i}] : NaN)`;
	}

	private ref(n: Node): string {
		return n.kind === 'const' ? numberLiteral(n.value) : `v${n.id}`;
	}

	private line(text: string): void {
		this.lines.push(text);
	}
}

/** Slots of live top-level parameter nodes that no vector read inside a sum also writes. */
function directSlots(scopes: CodeScopes, live: Set<number>): Set<number> {
	const shared = new Set<number>();
	for (const n of scopes.nodesIn(topScope)) {
		if (n.kind !== 'sum') continue;
		const range = paramAtRange(scopes, n);
		if (range) for (let i = range[0]; i < range[1]; i++) shared.add(i);
	}
	const direct = new Set<number>();
	for (const n of scopes.nodesIn(topScope)) if (n.kind === 'param' && live.has(n.id) && !shared.has(n.index)) direct.add(n.index);
	return direct;
}

/**
 * Nodes an adjoint can flow into from the output: varying nodes reached through differentiable arguments (a select's
 * branches, not its condition) and sum bodies. A varying node used only by a condition has an adjoint that is
 * identically zero; differentiating it anyway would turn 0 · ∞ (say `y / x < 0` at x = 0) into a NaN gradient.
 */
function adjointCone(output: Node): Set<number> {
	const live = new Set<number>();
	const stack: Node[] = [output];
	while (stack.length > 0) {
		const n = stack.pop()!;
		if (live.has(n.id) || !n.varies) continue;
		live.add(n.id);
		if (n.kind === 'op') stack.push(...(n.op === 'select' ? n.args.slice(1) : n.args));
		else if (n.kind === 'sum') stack.push(n.body);
	}
	return live;
}

/** Nodes that feed a branch of a `select`: their adjoint is often an exact zero, and must then stay one. */
function selectCone(output: Node): Set<number> {
	const cone = new Set<number>();
	const stack: Node[] = [];
	for (const n of collectNodes(output)) if (n.kind === 'op' && n.op === 'select') stack.push(n.args[1]!, n.args[2]!);
	while (stack.length > 0) {
		const n = stack.pop()!;
		if (cone.has(n.id)) continue;
		cone.add(n.id);
		stack.push(...childrenOf(n));
	}
	return cone;
}
