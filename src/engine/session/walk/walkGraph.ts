/**
 * The computation graph of a loss as the panel's Graph view draws it (`shared/graphModel.ts`), at a point of the
 * step-into walk: the operations of each statement down to parameters, data and earlier statements, a loop drawn
 * once as a frame over its body (labelled with the walk's iteration), helper calls inlined, a vector or matrix
 * parameter as one node with its shape (its elements' users all draw an edge from it), and the values and
 * adjoints the walk has computed so far. A graph of more than `collapseAbove` operations is drawn one node per
 * statement instead. Built like micrograd's `draw_dot` (karpathy/micrograd, `trace_graph`): nodes and edges
 * collected by a walk back from each statement's value.
 */
import { collapseAbove, type GraphEdge, type GraphFrame, type GraphModel, type GraphNode } from '../../../shared/graphModel';
import { childrenOf, paramShape, type LossGraph, type Node, type ParamSpec } from '../../graph/node';
import type { OpName } from '../../graph/ops';
import { iterationAt, type TraceLoop, type TraceStatement, type TraceStep } from '../../graph/traceSteps';
import { sweepStatement } from './adjointSweep';
import type { PassWalk } from './passWalk';
import type { WalkScope } from './walkScope';

/** A statement as drawn: where it is in the trace (indices, as the walk's levels count them) and its loop frame. */
interface Drawn {
	readonly statement: TraceStatement;
	readonly path: readonly number[];
	readonly loop: TraceLoop | undefined;
	readonly frame: string | undefined;
}

const symbols: Partial<Record<OpName, string>> = { add: '+', mul: '×', div: '÷', neg: '−', pow: '^', mod: '%' };

/** The graph at the walk's position (or, with no walk, the structure and the values at `x`). */
export function walkGraph(graph: LossGraph, walk: PassWalk | undefined, root: WalkScope): GraphModel {
	const frames: GraphFrame[] = [];
	const drawn: Drawn[] = [];
	collect(graph.steps, [], undefined, undefined, drawn, frames, walk);
	const here = walk ? walk.levels.map((l) => l.i) : undefined;
	const context = new Context(graph, walk, root, here);
	const full = buildNodes(drawn, context, false);
	const opCount = full.nodes.filter((n) => n.kind === 'op').length;
	const built = opCount > collapseAbove ? buildNodes(drawn, context, true) : full;
	const current = walk ? built.currentId : undefined;
	return { ...built, frames, current, phase: walk?.phase ?? 'idle', collapsed: opCount > collapseAbove };
}

function collect(
	steps: readonly TraceStep[],
	path: readonly number[],
	loop: TraceLoop | undefined,
	frame: string | undefined,
	out: Drawn[],
	frames: GraphFrame[],
	walk: PassWalk | undefined,
): void {
	steps.forEach((step, j) => {
		const at = [...path, j];
		if (step.kind === 'statement') return out.push({ statement: step, path: at, loop, frame });
		if (step.kind === 'call') {
			step.args.forEach((arg, m) => out.push({ statement: arg, path: [...at, -1 - step.args.length + m], loop, frame }));
			return collect(step.body, at, loop, frame, out, frames, walk);
		}
		if (step.count === 0) return;
		const id = `loop${frames.length}`;
		const level = walk?.levels.find((l) => l.frame.kind === 'loop' && l.frame.step === step);
		const k = level?.frame.kind === 'loop' ? level.frame.k : undefined;
		const name = step.variable === '' ? '#' : step.variable;
		const iteration = k === undefined ? undefined : `${name} = ${iterationValue(step, k, level!.scope)} (of ${step.count})`;
		frames.push({ id, label: iteration === undefined ? `for ${name} (${step.count})` : `for ${iteration}`, line: step.line, ...(iteration ? { iteration } : {}) });
		collect(iterationAt(step, k ?? 0).body, at, step, id, out, frames, walk);
	});
}

function iterationValue(step: TraceLoop, k: number, scope: WalkScope): number {
	const variable = iterationAt(step, k).variable;
	return variable ? scope.value(variable) : k;
}

/** What decides a node's value and adjoint: the walk's position, and its scopes. */
class Context {
	readonly adjoints = new Map<TraceStatement, number>();

	constructor(
		readonly graph: LossGraph,
		readonly walk: PassWalk | undefined,
		readonly root: WalkScope,
		readonly here: readonly number[] | undefined,
	) {
		if (walk?.phase === 'backward') for (const [statement, a] of walk.statementAdjoints()) this.adjoints.set(statement, a);
	}

	/** The scope a statement of `loop` is valued in: the walk's iteration of it, or the top level. */
	scope(loop: TraceLoop | undefined): WalkScope | undefined {
		if (!loop) return this.walk?.levels[0]?.scope ?? this.root;
		const level = this.walk?.levels.find((l) => l.frame.kind === 'loop' && l.frame.step === loop);
		return level?.scope;
	}

	/** Forward: computed once the walk has passed it; backward: everything is computed. */
	computed(path: readonly number[]): boolean {
		if (!this.walk || this.walk.phase === 'backward') return true;
		return compare(path, this.here!) <= 0;
	}

	/** In the backward pass, reached from the current statement on. */
	reached(path: readonly number[]): boolean {
		return this.walk?.phase === 'backward' && compare(path, this.here!) >= 0;
	}
}

function compare(a: readonly number[], b: readonly number[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length === b.length ? 0 : a.length > b.length ? 1 : -1;
}

interface Built {
	readonly nodes: GraphNode[];
	readonly edges: GraphEdge[];
	readonly currentId: string | undefined;
}

function buildNodes(drawn: readonly Drawn[], context: Context, collapsed: boolean): Built {
	const nodes = new Map<string, GraphNode>();
	const edges = new Map<string, GraphEdge>();
	const roots = new Map<number, string>();
	let currentId: string | undefined;
	const here = context.here;
	for (const d of drawn) {
		const scope = context.scope(d.loop);
		const computed = context.computed(d.path) && scope !== undefined;
		const own = collapsed ? statementNode(d, nodes, edges, roots, context, scope, computed) : expressionNodes(d, nodes, edges, roots, context, scope, computed);
		if (here && compare(d.path, here) === 0) currentId = own;
	}
	return { nodes: [...nodes.values()], edges: [...edges.values()], currentId };
}

/** Adds the operations of statement `d` (down to what earlier statements added); returns its value's node id. */
function expressionNodes(
	d: Drawn,
	nodes: Map<string, GraphNode>,
	edges: Map<string, GraphEdge>,
	roots: Map<number, string>,
	context: Context,
	scope: WalkScope | undefined,
	computed: boolean,
): string {
	const adjoints = opAdjoints(d, context, scope, roots);
	const stack: Node[] = [d.statement.node];
	while (stack.length > 0) {
		const node = stack.pop()!;
		const id = node === d.statement.node ? `n${node.id}` : drawnId(node, context.graph);
		if (nodes.has(id)) continue;
		nodes.set(id, nodeOf(node, d, context, scope, computed, adjoints.get(node.id)));
		for (const child of drawnChildren(node)) {
			const from = drawnId(child, context.graph);
			edges.set(`${from}>${id}`, { from, to: id });
			stack.push(child);
		}
	}
	const id = `n${d.statement.node.id}`;
	const existing = nodes.get(id)!;
	const adjoint = context.reached(d.path) ? context.adjoints.get(d.statement) : existing.adjoint;
	const kind = d.statement.node === context.graph.output ? 'loss' : existing.kind === 'op' ? 'local' : existing.kind;
	const name = d.statement.name === 'return' && existing.name !== undefined ? existing.name : d.statement.name;
	nodes.set(id, { ...existing, kind: kind === 'local' || kind === 'loss' ? kind : existing.kind, name, line: d.statement.line, adjoint });
	roots.set(d.statement.node.id, id);
	return id;
}

/** The vector or matrix parameter `node` is an element of, if any: such a parameter is drawn as one node. */
function arrayParamOf(node: Node, graph: LossGraph): ParamSpec | undefined {
	if (node.kind === 'paramAt') return graph.params.find((p) => p.offset === node.offset);
	if (node.kind !== 'param' || node.index < 0) return undefined;
	return graph.params.find((p) => p.size !== undefined && node.index >= p.offset && node.index < p.offset + p.size);
}

/** The id of the drawn node that stands for `node`: its own, or its array parameter's. */
function drawnId(node: Node, graph: LossGraph): string {
	const array = arrayParamOf(node, graph);
	return array ? `param:${array.name}` : `n${node.id}`;
}

/** A vector or matrix parameter as one node: its shape, its elements, and its gradient so far going backward. */
function arrayParamNode(spec: ParamSpec, context: Context): GraphNode {
	const end = spec.offset + (spec.size ?? 1);
	const values = Array.from(context.root.x).slice(spec.offset, end);
	const gradient = context.walk?.phase === 'backward' ? Array.from(context.walk.gradient.subarray(spec.offset, end)) : undefined;
	return { id: `param:${spec.name}`, kind: 'param', label: spec.name, shape: paramShape(spec), values, ...(gradient ? { adjoints: gradient } : {}) };
}

/** The arguments the view draws: data and parameter elements are leaves (their index arithmetic is not drawn). */
function drawnChildren(node: Node): readonly Node[] {
	return node.kind === 'data' || node.kind === 'paramAt' ? [] : childrenOf(node);
}

function nodeOf(node: Node, d: Drawn, context: Context, scope: WalkScope | undefined, computed: boolean, adjoint: number | undefined): GraphNode {
	const inFrame = node.loops.length > 0 || (node.kind === 'param' && node.index < 0);
	const frame = inFrame ? d.frame : undefined;
	const value = computed && scope && (frame !== undefined || node.loops.length === 0) ? scope.value(node) : undefined;
	const base = { id: `n${node.id}`, frame, value };
	const gradient = context.walk?.phase === 'backward' ? context.walk.gradient : undefined;
	const array = arrayParamOf(node, context.graph);
	if (array) return arrayParamNode(array, context);
	switch (node.kind) {
		case 'param':
			if (node.index < 0) return { ...base, kind: 'local', label: carriedName(d.loop, node) };
			return { ...base, kind: 'param', label: context.graph.paramNames[node.index] ?? '?', adjoint: gradient?.[node.index] };
		case 'paramAt':
			return { ...base, kind: 'param', label: '?[·]' };
		case 'data':
			return { ...base, kind: 'data', label: 'data' };
		case 'index':
			return { ...base, kind: 'data', label: d.loop?.variable || '#' };
		case 'const':
			return { ...base, kind: 'const', label: String(node.value) };
		case 'op':
			return { ...base, kind: 'op', label: symbols[node.op] ?? node.op, adjoint };
		case 'sum':
			return { ...base, kind: 'op', label: 'Σ', adjoint };
		default: {
			const never: never = node;
			return never;
		}
	}
}

function carriedName(loop: TraceLoop | undefined, node: Node): string {
	return loop?.iterations[0]?.carried.find((c) => c.before === node)?.name ?? '?';
}

/** ∂L/∂(each operation inside statement `d`), by sweeping the statement's adjoint through it, in the backward pass. */
function opAdjoints(d: Drawn, context: Context, scope: WalkScope | undefined, roots: Map<number, string>): Map<number, number> {
	const out = new Map<number, number>();
	const seed = context.adjoints.get(d.statement);
	if (!scope || seed === undefined || !context.reached(d.path)) return out;
	sweepStatement(d.statement.node, seed, scope, {
		cut: (node) => (node !== d.statement.node && roots.has(node.id) ? node.id : undefined),
		toCut: () => undefined,
		toParam: () => undefined,
		toPlaceholder: () => undefined,
		observe: (node, a) => out.set(node.id, a),
	});
	return out;
}

/** Adds statement `d` as one node with edges from the statements and parameters it reads; returns its id. */
function statementNode(
	d: Drawn,
	nodes: Map<string, GraphNode>,
	edges: Map<string, GraphEdge>,
	roots: Map<number, string>,
	context: Context,
	scope: WalkScope | undefined,
	computed: boolean,
): string {
	const id = `s${d.path.join('.')}`;
	const value = computed && scope ? scope.value(d.statement.node) : undefined;
	const adjoint = context.reached(d.path) ? context.adjoints.get(d.statement) : undefined;
	const kind = d.statement.node === context.graph.output ? 'loss' : 'local';
	nodes.set(id, { id, kind, label: d.statement.name, name: d.statement.name, frame: d.frame, line: d.statement.line, value, adjoint });
	for (const input of inputsOf(d.statement.node, roots)) {
		if (input.kind === 'root') {
			edges.set(`${input.id}>${id}`, { from: input.id, to: id });
			continue;
		}
		const leaf = nodeOf(input.node, d, context, scope, computed, undefined);
		const leafId = leaf.kind === 'data' ? `data${d.frame ?? ''}` : leaf.id;
		if (!nodes.has(leafId)) nodes.set(leafId, { ...leaf, id: leafId, value: leaf.kind === 'data' ? undefined : leaf.value });
		edges.set(`${leafId}>${id}`, { from: leafId, to: id });
	}
	roots.set(d.statement.node.id, id);
	return id;
}

type Input = { readonly kind: 'root'; readonly id: string } | { readonly kind: 'leaf'; readonly node: Node };

/** The earlier statements and the leaves (parameters, data, carried values) that `root`'s expression reads. */
function inputsOf(root: Node, roots: Map<number, string>): Input[] {
	const out: Input[] = [];
	const seen = new Set<number>();
	const stack = [...drawnChildren(root)];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (seen.has(node.id)) continue;
		seen.add(node.id);
		const known = roots.get(node.id);
		if (known !== undefined) out.push({ kind: 'root', id: known });
		else if (node.kind === 'param' || node.kind === 'paramAt' || node.kind === 'data') out.push({ kind: 'leaf', node });
		else stack.push(...drawnChildren(node));
	}
	return out;
}
