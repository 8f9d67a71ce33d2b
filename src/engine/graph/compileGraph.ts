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
 *
 * Hessian-vector products H·u are the same code differentiated forward along u (forward-over-reverse, see
 * `tangentCode.ts`): beside each value `v12` its tangent `t12`, beside each adjoint `a12` its tangent `b12` (the
 * per-sum partials `p` get `r`, the buffers `G` get `H`, the tapes `T` get `U`), from each op's first and second
 * derivatives in `ops.ts`. The parameters' adjoint tangents are H·u; the cost is a small multiple of a gradient's.
 */
import { CodeScopes, indexRange, topScope } from './codeScopes';
import { assertNumber } from './graphBuilder';
import { batchInfo } from './interpreter';
import { childrenOf, collectNodes, type LossGraph, type Node, type ParamAtNode, type SumNode } from './node';
import { nestedTapes, type Tape } from './nestedTapes';
import { ops } from './ops';
import { partialTangentCode, tangentCode, timesCode } from './tangentCode';

export type ValueFunction = (x: ArrayLike<number>, batch?: ArrayLike<number>) => number;
export type GradientFunction = (x: ArrayLike<number>, gradient: Float64Array, batch?: ArrayLike<number>) => number;
export type HessianVectorFunction = (x: ArrayLike<number>, u: ArrayLike<number>, out: Float64Array, batch?: ArrayLike<number>) => number;

export interface CompiledLoss {
	readonly value: ValueFunction;
	/** Writes ∂L/∂x into `gradient` (all of it) and returns L. */
	readonly valueAndGradient: GradientFunction;
	/** Writes H(x)·u into `out` (all of it) and returns L; generated at its first use. */
	readonly hessianVector: HessianVectorFunction;
	/** The generated code, for inspection. */
	readonly code: { readonly value: string; readonly valueAndGradient: string; readonly hessianVector: string };
}

/** Compiles `graph`; throws only if the host forbids generated code (then use the interpreter). */
export function compileGraph(graph: LossGraph): CompiledLoss {
	const valueCode = new Emitter(graph, 'value').emit();
	const gradientCode = new Emitter(graph, 'gradient').emit();
	const buffers = gradientBuffers(graph);
	// The code below is generated from the IR only; see the header of this file.
	const value = new Function('D', 'G', valueCode)(graph.data, buffers) as ValueFunction;
	const valueAndGradient = new Function('D', 'G', gradientCode)(graph.data, buffers) as GradientFunction;
	let product: { code: string; run: HessianVectorFunction } | undefined;
	const hessianVector = () => (product ??= compileHessianVector(graph));
	return {
		value,
		valueAndGradient,
		hessianVector: (x, u, out, batch) => hessianVector().run(x, u, out, batch),
		code: {
			value: valueCode,
			valueAndGradient: gradientCode,
			get hessianVector() {
				return hessianVector().code;
			},
		},
	};
}

type GeneratedHessianVector = (x: ArrayLike<number>, u: ArrayLike<number>, g: Float64Array, h: Float64Array, batch?: ArrayLike<number>) => number;

function compileHessianVector(graph: LossGraph): { code: string; run: HessianVectorFunction } {
	const code = new Emitter(graph, 'hessianVector').emit();
	const gradient = new Float64Array(graph.paramNames.length);
	// Generated from the IR only, as above.
	const generated = new Function('D', 'G', 'H', code)(graph.data, gradientBuffers(graph), gradientBuffers(graph)) as GeneratedHessianVector;
	return { code, run: (x, u, out, batch) => generated(x, u, gradient, out, batch) };
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
	readonly buffer: { readonly name: string; readonly tangent: string } | undefined;
	readonly base: number;
}

/** What the generated function computes: the value; the value and gradient; the value and H·u. */
type EmitMode = 'value' | 'gradient' | 'hessianVector';

class Emitter {
	private readonly scopes: CodeScopes;
	private readonly lines: string[] = [];
	/** Each open loop: where its `for` line is in `lines`, and whether a loop was opened inside it. */
	private readonly openLoops: { start: number; inner: boolean }[] = [];
	private readonly batch: { loops: number[]; count: number };
	private readonly guarded: Set<number>;
	/** Nodes that can receive a non-zero adjoint; the others are never differentiated (see `adjointCone`). */
	private readonly live: Set<number>;
	private readonly buffers = new Map<number, { name: string; tangent: string; base: number; end: number }>();
	/** Gradient slots written once, by a top-level parameter node (see `emitGradientZeroing`). */
	private readonly directSlots: Set<number>;
	/** Per nested loop, the tape of its forward values (gradient code only). */
	private readonly tapes: ReadonlyMap<number, Tape>;
	private readonly withGradient: boolean;
	/** Tangents along `u` beside values and adjoints (Hessian-vector code). */
	private readonly tangents: boolean;

	constructor(
		private readonly graph: LossGraph,
		private readonly mode: EmitMode,
	) {
		this.withGradient = mode !== 'value';
		this.tangents = mode === 'hessianVector';
		this.scopes = new CodeScopes(graph.output);
		this.batch = batchInfo(graph);
		this.guarded = selectCone(graph.output);
		this.live = adjointCone(graph.output);
		this.directSlots = directSlots(this.scopes, this.live);
		this.tapes = this.withGradient ? nestedTapes(this.scopes, this.live) : new Map();
	}

	emit(): string {
		this.line('"use strict";');
		this.graph.data.forEach((_, i) => this.line(`const D${i} = D[${i}];`));
		this.declareBuffers();
		for (const [loop, tape] of this.tapes) {
			this.line(`const ${tape.name} = new Float64Array(${tape.size});`);
			if (this.tangents) this.line(`const U${loop} = new Float64Array(${tape.size});`);
		}
		this.line(headers[this.mode]);
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
			const tangent = `H${i}`;
			this.line(`const ${name} = G[${i}];`);
			if (this.tangents) this.line(`const ${tangent} = H[${i}];`);
			i++;
			this.buffers.set(n.id, { name, tangent, base: range[0], end: range[1] });
		}
	}

	private emitGradientBody(): void {
		this.emitGradientZeroing();
		for (const n of this.scopes.nodesIn(topScope)) {
			if (n.kind === 'sum') this.emitFusedSum(n);
			else this.emitValueOf(n);
		}
		if (this.graph.output.varies) this.emitBackward(topScope, '1', '0', undefined);
		else if (this.tangents) this.line(`h.fill(0);`);
	}

	/**
	 * Slots that only a top-level scalar parameter writes get `g[i] = a` at the end of the sweep; every other slot
	 * (vector elements, unused parameters) is zeroed first and accumulated into.
	 */
	private emitGradientZeroing(): void {
		const n = this.graph.paramNames.length;
		const zeroed = [...Array(n).keys()].filter((i) => !this.directSlots.has(i));
		const h = this.tangents ? ' h[i] = 0;' : '';
		if (zeroed.length === n) this.line(`for (let i = 0; i < ${n}; i++) { g[i] = 0;${h} }`);
		else for (const i of zeroed) this.line(`g[${i}] = 0;${this.tangents ? ` h[${i}] = 0;` : ''}`);
	}

	private emitForward(scope: number): void {
		const tape = this.tapes.get(scope);
		for (const n of this.scopes.nodesIn(scope)) {
			if (n.kind === 'sum') this.emitSumValue(n);
			else this.emitValueOf(n);
			const slot = tape?.slots.get(n.id);
			if (slot === undefined) continue;
			const at = `[c${scope} * ${tape!.slots.size} + ${slot}]`;
			this.line(`${tape!.name}${at} = v${n.id};`);
			if (this.tangents) this.line(`U${scope}${at} = t${n.id};`);
		}
	}

	/** The values of a taped loop's body in its backward pass: taped ones read back, the rest recomputed. */
	private emitTapedForward(scope: number, tape: Tape): void {
		for (const n of this.scopes.nodesIn(scope)) {
			const slot = tape.slots.get(n.id);
			if (slot !== undefined) {
				const at = `[c${scope} * ${tape.slots.size} + ${slot}]`;
				this.line(`const v${n.id} = ${tape.name}${at};`);
				if (this.tangents) this.line(`const t${n.id} = U${scope}${at};`);
			} else if (n.kind === 'sum') this.emitSumValue(n);
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
		if (n.kind === 'const') return;
		this.line(`const v${n.id} = ${this.expression(n)};`);
		if (this.tangentRef(n) !== '0') this.line(`const t${n.id} = ${this.tangentExpression(n)};`);
	}

	/** `let v = 0` for a sum, and its tangent's `let t = 0` when it has one. */
	private emitSumStart(sum: SumNode): void {
		this.line(`let v${sum.id} = 0;`);
		if (this.tangentRef(sum) !== '0') this.line(`let t${sum.id} = 0;`);
	}

	/** `v += body` for one iteration of a sum, with its tangent. */
	private emitSumAccumulate(sum: SumNode): void {
		this.line(`v${sum.id} += ${this.ref(sum.body)};`);
		const t = this.tangentRef(sum.body);
		if (this.tangentRef(sum) !== '0' && t !== '0') this.line(`t${sum.id} += ${t};`);
	}

	private emitSumValue(sum: SumNode): void {
		this.emitSumStart(sum);
		this.openLoop(sum);
		this.emitTapePosition(sum);
		this.emitForward(sum.loop);
		this.emitSumAccumulate(sum);
		this.closeLoop(sum);
	}

	private emitFusedSum(sum: SumNode): void {
		if (!this.live.has(sum.id)) return this.emitSumValue(sum);
		const buffer = this.buffers.get(sum.id);
		this.emitSumStart(sum);
		for (const h of this.externalInputs(sum)) {
			this.line(`let p${sum.id}_${h.id} = 0;`);
			if (this.tangents) this.line(`let r${sum.id}_${h.id} = 0;`);
		}
		if (buffer) this.line(`${buffer.name}.fill(0);`);
		if (buffer && this.tangents) this.line(`${buffer.tangent}.fill(0);`);
		this.openLoop(sum);
		this.emitForward(sum.loop);
		this.emitSumAccumulate(sum);
		this.emitBackward(sum.loop, '1', '0', { sum, buffer, base: buffer?.base ?? 0 });
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
		if (!this.isBatchLoop(sum)) return;
		this.line(`v${sum.id} *= bs;`);
		if (this.tangentRef(sum) !== '0') this.line(`t${sum.id} *= bs;`);
	}

	private isBatchLoop(sum: SumNode): boolean {
		return this.batch.loops.includes(sum.loop) && this.scopes.scopeOf(sum) === topScope;
	}

	/**
	 * Declares the adjoints of `scope` (and their tangents), seeds its root with `seed` (and `seedTangent`), and
	 * propagates in reverse order.
	 */
	private emitBackward(scope: number, seed: string, seedTangent: string, fused: FusedContext | undefined): void {
		const nodes = this.scopes.nodesIn(scope).filter((n) => this.live.has(n.id));
		const root = scope === topScope ? this.graph.output : this.scopes.sumOf(scope).body;
		for (const n of nodes) {
			this.line(`let a${n.id} = ${n === root ? seed : '0'};`);
			if (this.tangents) this.line(`let b${n.id} = ${n === root ? seedTangent : '0'};`);
		}
		for (let i = nodes.length - 1; i >= 0; i--) this.propagate(nodes[i]!, fused);
	}

	private propagate(n: Node, fused: FusedContext | undefined): void {
		const guard = this.guarded.has(n.id);
		if (guard) this.line(this.tangents ? `if (a${n.id} !== 0 || b${n.id} !== 0) {` : `if (a${n.id} !== 0) {`);
		this.propagateUnguarded(n, fused);
		if (guard) this.line('}');
	}

	private propagateUnguarded(n: Node, fused: FusedContext | undefined): void {
		const a = `a${n.id}`;
		switch (n.kind) {
			case 'param': {
				const assign = this.directSlots.has(n.index) ? '=' : '+=';
				this.line(`g[${n.index}] ${assign} ${a};`);
				if (this.tangents) this.line(`h[${n.index}] ${assign} b${n.id};`);
				return;
			}
			case 'paramAt':
				this.line(`${this.paramAtTarget(n, fused, false)} += ${a};`);
				if (this.tangents) this.line(`${this.paramAtTarget(n, fused, true)} += b${n.id};`);
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
		const second = this.tangents ? ops[n.op].emitSecond?.(x, y, z, this.ref(n)) : undefined;
		const tangents = n.args.map((c) => this.tangentRef(c));
		n.args.forEach((c, j) => {
			let partial = partials[j];
			if (!this.live.has(c.id) || partial === null || partial === undefined) return;
			if (this.tangents && !/^[\w.-]+$/.test(partial)) {
				this.line(`const d${n.id}_${j} = ${partial};`);
				partial = `d${n.id}_${j}`;
			}
			const target = this.adjointOf(c, fused);
			if (partial === '1') this.line(`${target} += ${a};`);
			else if (partial === '-1') this.line(`${target} -= ${a};`);
			else this.line(`${target} += ${a} * ${partial};`);
			if (!this.tangents) return;
			// The adjoint's tangent: (b·∂ + a·∂'), ∂' the partial's tangent from the op's second derivatives.
			const partialTangent = partialTangentCode(second, j, tangents);
			const terms = [timesCode(partial, `b${n.id}`), ...(partialTangent ? [`${a} * (${partialTangent})`] : [])];
			this.line(`${this.adjointTangentOf(c, fused)} += ${terms.join(' + ')};`);
		});
	}

	private propagateFusedSum(sum: SumNode, a: string): void {
		if (!sum.body.varies) return;
		const batch = this.isBatchLoop(sum);
		const scaled = batch ? `(${a} * bs)` : a;
		const scaledTangent = batch ? `(b${sum.id} * bs)` : `b${sum.id}`;
		for (const h of this.externalInputs(sum)) {
			this.line(`a${h.id} += ${scaled} * p${sum.id}_${h.id};`);
			if (this.tangents) this.line(`b${h.id} += ${scaledTangent} * p${sum.id}_${h.id} + ${scaled} * r${sum.id}_${h.id};`);
		}
		const buffer = this.buffers.get(sum.id);
		if (!buffer) return;
		const tangent = this.tangents ? ` h[${buffer.base} + i] += ${scaledTangent} * ${buffer.name}[i] + ${scaled} * ${buffer.tangent}[i];` : '';
		this.line(`for (let i = 0; i < ${buffer.end - buffer.base}; i++) { g[${buffer.base} + i] += ${scaled} * ${buffer.name}[i];${tangent} }`);
	}

	private propagateNestedSum(sum: SumNode, a: string, fused: FusedContext | undefined): void {
		this.openLoop(sum);
		this.emitTapePosition(sum);
		const tape = this.tapes.get(sum.loop);
		if (tape) this.emitTapedForward(sum.loop, tape);
		else this.emitForward(sum.loop);
		this.emitBackward(sum.loop, a, `b${sum.id}`, fused);
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

	private adjointTangentOf(c: Node, fused: FusedContext | undefined): string {
		return fused && this.scopes.scopeOf(c) === topScope ? `r${fused.sum.id}_${c.id}` : `b${c.id}`;
	}

	private paramAtTarget(n: ParamAtNode, fused: FusedContext | undefined, tangent: boolean): string {
		const i = this.ref(n.index);
		if (fused?.buffer) return `${tangent ? fused.buffer.tangent : fused.buffer.name}[${n.offset - fused.base} + ${i}]`;
		return `${tangent ? 'h' : 'g'}[${n.offset} + ${i}]`;
	}

	/** The tangent of a live node along `u`, or `'0'` where it is zero or not computed. */
	private tangentRef(n: Node): string {
		return this.tangents && this.live.has(n.id) ? `t${n.id}` : '0';
	}

	private tangentExpression(n: Node): string {
		switch (n.kind) {
			case 'param':
				return `u[${n.index}]`;
			case 'paramAt':
				return this.paramAtRead(n, 'u');
			case 'op': {
				if (!ops[n.op].differentiable) return '0';
				const [x = '', y = '', z = ''] = n.args.map((c) => this.ref(c));
				return tangentCode(ops[n.op].emitPartials(x, y, z, this.ref(n)), n.args.map((c) => this.tangentRef(c)));
			}
			default:
				return '0';
		}
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

	/** Reads a vector element of `x` (or of the direction `u`), with a bounds check unless the index is provably in range. */
	private paramAtRead(n: ParamAtNode, array = 'x'): string {
		const i = this.ref(n.index);
		const range = indexRange(n.index, this.scopes);
		if (range && range[0] >= 0 && range[1] < n.length) return `${array}[${n.offset} + ${i}]`;
		return `(${i} >= 0 && ${i} < ${n.length} && ${i} === Math.floor(${i}) ? ${array}[${n.offset} + ${i}] : NaN)`;
	}

	private ref(n: Node): string {
		return n.kind === 'const' ? numberLiteral(n.value) : `v${n.id}`;
	}

	private line(text: string): void {
		this.lines.push(text);
	}
}

const headers: Readonly<Record<EmitMode, string>> = {
	value: 'return function value(x, B) {',
	gradient: 'return function valueAndGradient(x, g, B) {',
	hessianVector: 'return function hessianVector(x, u, g, h, B) {',
};

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
