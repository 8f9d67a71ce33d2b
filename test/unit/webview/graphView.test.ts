/**
 * The Graph view's pure parts on the 2-2-1 XOR network (test/unit/debug/fixtures/xor.ts) walked by the engine: the
 * words each node shows (values and adjoints against the hand computation σ(w·x + b)), the status sentence, and the
 * dagre layout (every edge left to right, no overlaps, the loop's frame around exactly its nodes, and boxes that stay
 * put while the walk fills values in).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { PassWalk } from '../../../src/engine/session/walk/passWalk';
import { walkGraph } from '../../../src/engine/session/walk/walkGraph';
import { WalkScope } from '../../../src/engine/session/walk/walkScope';
import { koreanStrings } from '../../../src/extension/panel/panelStrings';
import type { GraphModel, GraphNode } from '../../../src/shared/graphModel';
import { layoutGraph, type Box, type GraphLayout } from '../../../src/webview/graphLayout';
import { graphNodeText, graphStatusText, nodeSize } from '../../../src/webview/graphText';
import { Strings } from '../../../src/webview/strings';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const loss = compileLoss(readFileSync(path.resolve(__dirname, '../debug/fixtures/xor.ts'), 'utf8'), { language: 'typescript' });
const english = new Strings();

function walkTo(stop: (walk: PassWalk) => boolean): GraphModel {
	const walk = PassWalk.enter(loss.graph, loss.start)!;
	while (!stop(walk)) if (!walk.next()) throw new Error('the walk ended first');
	return walkGraph(loss.graph, walk, WalkScope.root(loss.graph, loss.start));
}

const iteration = (walk: PassWalk) => (walk.levels[1]?.frame.kind === 'loop' ? walk.levels[1].frame.k : -1);
const inLoop = (phase: 'forward' | 'backward', k: number, name: string) => (w: PassWalk) => w.phase === phase && iteration(w) === k && w.depth === 2 && w.statement.name === name;
const forwardH1 = walkTo(inLoop('forward', 2, 'h1'));
const backwardH1 = walkTo(inLoop('backward', 3, 'h1'));
const named = (model: GraphModel, name: string): GraphNode => model.nodes.find((n) => n.name === name)!;
const layoutOf = (model: GraphModel) => layoutGraph(model, (node) => nodeSize(graphNodeText(node, english, false)));

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) => a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width && a.y + a.height <= outer.y + outer.height;

describe('what a node of the graph shows', () => {
	it('h0 and h1 of iteration n = 2 with their values by hand; out, not yet computed, with empty lines', () => {
		const h0 = graphNodeText(named(forwardH1, 'h0'), english, false);
		expect(h0.title).toMatch(/^h0\b/);
		expect(h0.value).toBe(`= ${Number(sigma(0.5 + 0.1).toPrecision(4))}`);
		expect(h0.adjoint).toBe('');
		const h1 = graphNodeText(named(forwardH1, 'h1'), english, true);
		expect(h1.value).toBe(`= ${Number(sigma(0.3 - 0.2).toPrecision(4))}`);
		expect(h1.label).toMatch(/^local h1 .*, value 0\.525, line 13, current$/);
		const out = graphNodeText(named(forwardH1, 'out'), english, false);
		expect([out.value, out.adjoint]).toEqual(['', '']);
	});

	it('mid-way through the backward pass: ∂L/∂h1 of n = 3 and v1’s gradient so far, by hand, in English and Korean', () => {
		const h0 = sigma(0.5 - 0.4 + 0.1);
		const h1 = sigma(0.3 + 0.8 - 0.2);
		const out = sigma(0.7 * h0 - 0.6 * h1 + 0.05);
		const dz = ((2 * out) / 4) * out * (1 - out);
		const text = graphNodeText(named(backwardH1, 'h1'), english, true);
		expect(text.adjoint).toBe(`∂ −${Number((dz * 0.6).toPrecision(4))}`);
		const v1 = backwardH1.nodes.find((n) => n.label === 'v1')!;
		expect(graphNodeText(v1, english, false).label).toBe(`parameter v1, value −0.6, ∂L/∂ ${Number((dz * h1).toPrecision(4))}`);
		expect(graphNodeText(v1, new Strings(koreanStrings), false).label).toBe(`매개변수 v1, 값 −0.6, ∂L/∂ ${Number((dz * h1).toPrecision(4))}`);
	});

	it('says where the walk stands, going forward and backward, and when nothing walks', () => {
		expect(graphStatusText(forwardH1, english)).toBe('Forward pass: values up to h1 ÷ (highlighted). Iteration n = 2 (of 4).');
		const backward = graphStatusText(backwardH1, english);
		expect(backward).toBe('Backward pass: adjoints ∂L/∂· from the loss back to h1 ÷ (highlighted). Iteration n = 3 (of 4).');
		// The loop variable is named once (it read `for n · n = 3 (of 4)`).
		expect(backward.match(/\bn\b/g)).toHaveLength(1);
		expect(graphStatusText(backwardH1, new Strings(koreanStrings))).toMatch(/ 반복 n = 3 \(of 4\)\.$/);
		const idle = walkGraph(loss.graph, undefined, WalkScope.root(loss.graph, loss.start));
		expect(graphStatusText(idle, english)).toMatch(/^At the current point/);
		expect(graphStatusText({ ...idle, collapsed: true }, english)).toMatch(/More than 60 operations: one node per statement\.$/);
		expect(graphStatusText({ ...idle, nodes: [] }, new Strings(koreanStrings))).toBe(koreanStrings['graph.empty']);
	});
});

describe('the layout of the graph', () => {
	const layout: GraphLayout = layoutOf(backwardH1);
	const box = new Map(layout.nodes.map((p) => [p.node.id, p]));

	it('places every node, left to right from arguments to users, without overlaps, inside the drawing', () => {
		expect(layout.nodes).toHaveLength(backwardH1.nodes.length);
		for (const edge of backwardH1.edges) expect(box.get(edge.from)!.x + box.get(edge.from)!.width, `${edge.from}>${edge.to}`).toBeLessThan(box.get(edge.to)!.x);
		const all = { x: 0, y: 0, width: layout.width, height: layout.height };
		layout.nodes.forEach((a, i) => {
			expect(inside(a, all)).toBe(true);
			for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b), `${a.node.id} and ${b.node.id}`).toBe(false);
		});
		expect(layout.edges).toHaveLength(backwardH1.edges.length);
		for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
	});

	it('draws the loop once, as a frame labelled with the iteration around exactly the nodes computed in it', () => {
		expect(layout.frames.map((f) => f.label)).toEqual(['for n = 3 (of 4)']);
		const frame = layout.frames[0]!;
		for (const placed of layout.nodes) expect(inside(placed, frame), placed.node.label).toBe(placed.node.frame === 'loop0');
	});

	it('keeps every box where it was as the walk fills in values and adjoints', () => {
		const before = layoutOf(forwardH1);
		expect(before.nodes.map(({ x, y, width, height }) => [x, y, width, height])).toEqual(layout.nodes.map(({ x, y, width, height }) => [x, y, width, height]));
	});

	it('lays out a collapsed graph, one node per statement', () => {
		const terms = Array.from({ length: 40 }, (_, i) => `Math.sin(x * ${i + 1}) * ${i + 2}`).join(' + ');
		const big = compileLoss(`function loss(x = 1) {\n\tconst a = ${terms};\n\tconst b = a * a;\n\treturn b + x;\n}`, { language: 'javascript' });
		const model = walkGraph(big.graph, PassWalk.enter(big.graph, big.start), WalkScope.root(big.graph, big.start));
		const placed = layoutOf(model);
		const x = new Map(placed.nodes.map((p) => [p.node.label, p.x]));
		expect(model.collapsed).toBe(true);
		expect(x.get('x')!).toBeLessThan(x.get('a')!);
		expect(x.get('a')!).toBeLessThan(x.get('b')!);
		expect(x.get('b')!).toBeLessThan(x.get('return')!);
	});
});
