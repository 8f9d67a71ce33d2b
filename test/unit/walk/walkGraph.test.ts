/**
 * The Graph view's model of the 2-2-1 XOR network (test/unit/debug/fixtures/xor.ts) at stages of the step-into walk,
 * against the hand computation σ(w·x + b): the loop drawn once as a frame labelled with the iteration, values filled
 * in up to the current statement going forward, adjoints ∂L/∂node from the loss back going backward.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLoss } from '../../../src/engine/compileLoss';
import { PassWalk } from '../../../src/engine/session/walk/passWalk';
import { walkGraph } from '../../../src/engine/session/walk/walkGraph';
import { WalkScope } from '../../../src/engine/session/walk/walkScope';
import type { GraphModel, GraphNode } from '../../../src/shared/graphModel';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const loss = compileLoss(readFileSync(path.resolve(__dirname, '../debug/fixtures/xor.ts'), 'utf8'), { language: 'typescript' });
const x = loss.start;

/** Walks until `stop` holds. */
function walkTo(stop: (walk: PassWalk) => boolean): PassWalk {
	const walk = PassWalk.enter(loss.graph, x)!;
	while (!stop(walk)) if (!walk.next()) throw new Error('the walk ended first');
	return walk;
}

const iteration = (walk: PassWalk) => (walk.levels[1]?.frame.kind === 'loop' ? walk.levels[1].frame.k : -1);
const named = (model: GraphModel, name: string): GraphNode => model.nodes.find((n) => n.name === name)!;
const model = (walk: PassWalk) => walkGraph(loss.graph, walk, WalkScope.root(loss.graph, x));

describe('the graph of the XOR network', () => {
	it('draws parameters, the loop once as a frame, and the loss, with edges from arguments to users', () => {
		const m = model(walkTo((w) => iteration(w) === 2 && w.depth === 2 && w.statement.name === 'out'));
		expect(m.collapsed).toBe(false);
		expect(m.frames).toEqual([{ id: 'loop0', label: 'for n = 2 (of 4)', iteration: 'n = 2 (of 4)', line: 11 }]);
		expect(m.nodes.filter((n) => n.kind === 'param').map((n) => n.label).sort()).toEqual(['b0', 'b1', 'c', 'v0', 'v1', 'w00', 'w01', 'w10', 'w11']);
		expect(m.nodes.filter((n) => n.kind === 'loss')).toHaveLength(1);
		for (const name of ['h0', 'h1', 'out']) expect(named(m, name).frame).toBe('loop0');
		expect(m.nodes.find((n) => n.label === 'v0')!.frame).toBeUndefined();
		// v0·h0: a × node whose arguments are v0 and h0.
		const v0 = m.nodes.find((n) => n.label === 'v0')!.id;
		const h0 = named(m, 'h0').id;
		const product = m.nodes.find((n) => n.label === '×' && m.edges.some((e) => e.from === v0 && e.to === n.id) && m.edges.some((e) => e.from === h0 && e.to === n.id));
		expect(product).toBeDefined();
		expect(m.current).toBe(named(m, 'out').id);
	});

	it('fills in values up to the current statement of iteration n = 2, as computed by hand', () => {
		const m = model(walkTo((w) => iteration(w) === 2 && w.depth === 2 && w.statement.name === 'h1'));
		expect(named(m, 'h0').value).toBeCloseTo(sigma(0.5 + 0.1), 15);
		expect(named(m, 'h1').value).toBeCloseTo(sigma(0.3 - 0.2), 15);
		expect(named(m, 'out').value).toBeUndefined();
		expect(named(m, 'return').value).toBeUndefined();
	});

	it('mid-way through the backward pass shows adjoints from the loss back to h1 of n = 3, by hand', () => {
		const m = model(walkTo((w) => w.phase === 'backward' && iteration(w) === 3 && w.depth === 2 && w.statement.name === 'h1'));
		const h0 = sigma(0.5 - 0.4 + 0.1);
		const h1 = sigma(0.3 + 0.8 - 0.2);
		const z = 0.7 * h0 - 0.6 * h1 + 0.05;
		const out = sigma(z);
		const dOut = (2 * (out - 0)) / 4;
		expect(named(m, 'return').adjoint).toBe(1);
		expect(named(m, 'out').adjoint).toBeCloseTo(dOut, 14);
		expect(named(m, 'h1').adjoint).toBeCloseTo(dOut * out * (1 - out) * -0.6, 14);
		expect(named(m, 'h0').adjoint).toBeUndefined();
		// The sum feeding the output unit: ∂L/∂z = ∂L/∂out · σ'(z).
		const zNode = m.nodes.find((n) => n.name === 'z' && Math.abs((n.value ?? 0) - z) < 1e-15)!;
		expect(zNode.adjoint).toBeCloseTo(dOut * out * (1 - out), 14);
		// v1's gradient so far: n = 3's contribution, ∂L/∂z · h1.
		expect(m.nodes.find((n) => n.label === 'v1')!.adjoint).toBeCloseTo(dOut * out * (1 - out) * h1, 14);
	});
});

describe('a large graph', () => {
	it('collapses sub-expressions into one node per statement above a few dozen operations', () => {
		const terms = Array.from({ length: 40 }, (_, i) => `Math.sin(x * ${i + 1}) * ${i + 2}`).join(' + ');
		const big = compileLoss(`function loss(x = 1) {\n\tconst a = ${terms};\n\tconst b = a * a;\n\treturn b + x;\n}`, { language: 'javascript' });
		const walk = PassWalk.enter(big.graph, big.start)!;
		const m = walkGraph(big.graph, walk, WalkScope.root(big.graph, big.start));
		expect(m.collapsed).toBe(true);
		expect(m.nodes.map((n) => n.label).sort()).toEqual(['a', 'b', 'return', 'x']);
		expect(m.edges.map((e) => `${m.nodes.find((n) => n.id === e.from)!.label}>${m.nodes.find((n) => n.id === e.to)!.label}`).sort()).toEqual(['a>b', 'b>return', 'x>a', 'x>return']);
	});
});
