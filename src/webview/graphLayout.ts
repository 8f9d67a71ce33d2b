/**
 * Places the Graph view's nodes, edges and loop frames with dagre (`@dagrejs/dagre`, the layered layout of Gansner
 * et al., "A Technique for Drawing Directed Graphs", IEEE TSE 1993): left to right from parameters and data to the
 * loss, as micrograd's `draw_dot` does with Graphviz (`rankdir=LR`), each loop frame a compound cluster around the
 * nodes computed in it. Pure: node sizes come from the caller, so the same model always lays out the same way.
 */
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { GraphModel, GraphNode } from '../shared/graphModel';

export interface Box {
	/** Top-left corner and size, in SVG user units. */
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

export interface PlacedNode extends Box {
	readonly node: GraphNode;
}

export interface PlacedFrame extends Box {
	readonly id: string;
	readonly label: string;
	readonly line: number;
}

export interface PlacedEdge {
	readonly from: string;
	readonly to: string;
	readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
	readonly nodes: readonly PlacedNode[];
	readonly edges: readonly PlacedEdge[];
	readonly frames: readonly PlacedFrame[];
	readonly width: number;
	readonly height: number;
}

/** Room above a frame's nodes for its label. */
export const frameLabelHeight = 18;
const margin = 12;

/** Lays `model` out; `size` gives each node's width and height. */
export function layoutGraph(model: GraphModel, size: (node: GraphNode) => { width: number; height: number }): GraphLayout {
	const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ compound: true });
	g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 28, edgesep: 8, marginx: margin, marginy: margin + frameLabelHeight });
	g.setDefaultEdgeLabel(() => ({}));
	for (const frame of model.frames) g.setNode(frame.id, { width: 0, height: 0 });
	for (const node of model.nodes) {
		g.setNode(node.id, size(node));
		if (node.frame !== undefined && g.hasNode(node.frame)) g.setParent(node.id, node.frame);
	}
	for (const edge of model.edges) if (g.hasNode(edge.from) && g.hasNode(edge.to)) g.setEdge(edge.from, edge.to);
	layout(g);
	const box = (id: string): Box => {
		const { x = 0, y = 0, width = 0, height = 0 } = g.node(id);
		return { x: x - width / 2, y: y - height / 2, width, height };
	};
	const nodes = model.nodes.map((node) => ({ node, ...box(node.id) }));
	const frames = model.frames
		.filter((frame) => g.children(frame.id).length > 0)
		.map((frame) => {
			const b = box(frame.id);
			return { id: frame.id, label: frame.label, line: frame.line, ...b, y: b.y - frameLabelHeight, height: b.height + frameLabelHeight };
		});
	const edges = g.edges().map((e) => ({ from: e.v, to: e.w, points: (g.edge(e).points ?? []).map(({ x, y }) => ({ x, y })) }));
	const { width, height } = g.graph();
	return { nodes, edges, frames, width: width ?? 0, height: height ?? 0 };
}
