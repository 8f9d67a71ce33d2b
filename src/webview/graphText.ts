/**
 * The words of the panel's Graph view (`graphView.ts`): each node's lines (what it is, its forward value, its
 * adjoint ∂L/∂node once the backward pass has reached it) and its screen-reader label, and the sentence that says
 * where the step-into walk stands. Pure functions of the shared `GraphModel` and the panel's strings.
 */
import { collapseAbove, type GraphModel, type GraphNode } from '../shared/graphModel';
import { formatNumber } from './formatNumber';
import type { Strings } from './strings';

/** What a node shows: a title, then its value and its adjoint (empty lines while unknown, so sizes stay put). */
export interface NodeText {
	readonly title: string;
	readonly value: string;
	readonly adjoint: string;
	/** The whole node in words, for `aria-label`. */
	readonly label: string;
}

/** Characters a node's value and adjoint lines are sized for (`∂ −1.234e-10`). */
export const numberLineChars = 12;

/** A node's title: a parameter's or local's name, an operation's symbol, `data`, a constant. */
export function nodeTitle(node: GraphNode): string {
	if (node.kind !== 'local' && node.kind !== 'loss') return node.label;
	const name = node.name ?? node.label;
	return name === node.label ? name : `${name} ${node.label}`;
}

export function graphNodeText(node: GraphNode, strings: Strings, current: boolean): NodeText {
	const title = nodeTitle(node);
	const value = node.value === undefined ? '' : `= ${formatNumber(node.value)}`;
	const adjoint = node.adjoint === undefined ? '' : `∂ ${formatNumber(node.adjoint)}`;
	const parts = [
		strings.get('graph.node', { kind: strings.get(`graph.kind.${node.kind}`), title }),
		...(node.value === undefined ? [] : [strings.get('graph.node.value', { value: formatNumber(node.value) })]),
		...(node.adjoint === undefined ? [] : [strings.get('graph.node.adjoint', { adjoint: formatNumber(node.adjoint) })]),
		...(node.line === undefined ? [] : [strings.get('graph.node.line', { line: node.line })]),
		...(current ? [strings.get('graph.node.current')] : []),
	];
	return { title, value, adjoint, label: parts.join(', ') };
}

/** Where the walk stands, and whether the graph was collapsed to one node per statement. */
export function graphStatusText(model: GraphModel, strings: Strings): string {
	if (model.nodes.length === 0) return strings.get('graph.empty');
	const current = model.nodes.find((n) => n.id === model.current);
	const where = current ? nodeTitle(current) : '';
	const phase = model.phase === 'idle' || !current ? strings.get('graph.idle') : strings.get(model.phase === 'forward' ? 'graph.forward' : 'graph.backward', { current: where });
	// The loop's frame label may be scrolled out of view: the iteration is said here too.
	const loop = model.frames.find((f) => f.id === current?.frame);
	const text = loop && model.phase !== 'idle' ? `${phase} ${loop.label}.` : phase;
	return model.collapsed ? `${text} ${strings.get('graph.collapsed', { limit: collapseAbove })}` : text;
}

/** Width of one character of the view's monospace font at 12px, and of one text line, in SVG units. */
const charWidth = 7.3;
export const lineHeight = 15;
export const nodePadding = 7;

/** A node's box: wide enough for its title and a number line, three lines high (value and adjoint may fill in later). */
export function nodeSize(text: NodeText): { width: number; height: number } {
	return { width: Math.ceil(Math.max(text.title.length, numberLineChars) * charWidth) + 2 * nodePadding, height: 3 * lineHeight + nodePadding };
}
