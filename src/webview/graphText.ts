/**
 * The words of the panel's Graph view (`graphView.ts`): each node's lines (what it is, its forward value, its
 * adjoint ∂L/∂node once the backward pass has reached it; a vector or matrix's few first elements) and its screen-reader label, and the sentence that says
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
	/** Characters the value and adjoint lines are sized for: `numberLineChars`, more for an array's few elements. */
	readonly lineChars: number;
}

/** Characters a node's value and adjoint lines are sized for (`∂ −1.234e-10`). */
export const numberLineChars = 12;

/** How many of an array's elements a node shows: a vector's first 4, a matrix's first 2 rows of at most 3. */
const shownVector = 4;
const shownRows = 2;
const shownColumns = 3;

/**
 * A vector or matrix in a node's few characters: `[0.5 −0.4 0.1 …]`, `[0.5 −0.4; 0.3 0.8]`, with `…` for what is left
 * out (more elements, more rows, more dimensions than two).
 */
export function compactArray(values: readonly number[], shape: readonly number[]): string {
	if (shape.length < 2) {
		const shown = values.slice(0, shownVector).map((v) => formatNumber(v, 3));
		return `[${[...shown, ...(values.length > shownVector ? ['…'] : [])].join(' ')}]`;
	}
	const columns = shape[shape.length - 1]!;
	const rows = values.length / columns;
	const row = (r: number) => {
		const shown = values.slice(r * columns, r * columns + Math.min(columns, shownColumns)).map((v) => formatNumber(v, 3));
		return [...shown, ...(columns > shownColumns ? ['…'] : [])].join(' ');
	};
	const lines = Array.from({ length: Math.min(rows, shownRows) }, (_, r) => row(r));
	return `[${[...lines, ...(rows > shownRows ? ['…'] : [])].join('; ')}]`;
}

/** Characters an array node's lines take at most (each shown element up to 8: `−1.23e-5`). */
function arrayLineChars(shape: readonly number[]): number {
	const shown = shape.length < 2 ? Math.min(shape[0] ?? 1, shownVector) : Math.min(shape[0]!, shownRows) * Math.min(shape[shape.length - 1]!, shownColumns);
	return 4 + 9 * shown;
}

/** A node's title: a parameter's or local's name with an array's shape (`W1 (2×2)`), an operation's symbol, `data`, a constant. */
export function nodeTitle(node: GraphNode): string {
	if (node.shape) return `${node.label} (${node.shape.join('×')})`;
	if (node.kind !== 'local' && node.kind !== 'loss') return node.label;
	const name = node.name ?? node.label;
	return name === node.label ? name : `${name} ${node.label}`;
}

export function graphNodeText(node: GraphNode, strings: Strings, current: boolean): NodeText {
	const title = nodeTitle(node);
	const shape = node.shape;
	const valueText = shape && node.values ? compactArray(node.values, shape) : node.value === undefined ? undefined : formatNumber(node.value);
	const adjointText = shape && node.adjoints ? compactArray(node.adjoints, shape) : node.adjoint === undefined ? undefined : formatNumber(node.adjoint);
	const parts = [
		strings.get('graph.node', { kind: strings.get(`graph.kind.${node.kind}`), title }),
		...(valueText === undefined ? [] : [strings.get('graph.node.value', { value: valueText })]),
		...(adjointText === undefined ? [] : [strings.get('graph.node.adjoint', { adjoint: adjointText })]),
		...(node.line === undefined ? [] : [strings.get('graph.node.line', { line: node.line })]),
		...(current ? [strings.get('graph.node.current')] : []),
	];
	return {
		title,
		value: valueText === undefined ? '' : `= ${valueText}`,
		adjoint: adjointText === undefined ? '' : `∂ ${adjointText}`,
		label: parts.join(', '),
		lineChars: shape ? arrayLineChars(shape) : numberLineChars,
	};
}

/** Where the walk stands, and whether the graph was collapsed to one node per statement. */
export function graphStatusText(model: GraphModel, strings: Strings): string {
	if (model.nodes.length === 0) return strings.get('graph.empty');
	const current = model.nodes.find((n) => n.id === model.current);
	const where = current ? nodeTitle(current) : '';
	const phase = model.phase === 'idle' || !current ? strings.get('graph.idle') : strings.get(model.phase === 'forward' ? 'graph.forward' : 'graph.backward', { current: where });
	// The loop's frame label may be scrolled out of view: the iteration is said here too.
	const iteration = model.frames.find((f) => f.id === current?.frame)?.iteration;
	const text = iteration !== undefined && model.phase !== 'idle' ? `${phase} ${strings.get('graph.iteration', { iteration })}` : phase;
	return model.collapsed ? `${text} ${strings.get('graph.collapsed', { limit: collapseAbove })}` : text;
}

/** Width of one character of the view's monospace font at 12px, and of one text line, in SVG units. */
const charWidth = 7.3;
export const lineHeight = 15;
export const nodePadding = 7;

/** A node's box: wide enough for its title and its number lines, three lines high (value and adjoint may fill in later). */
export function nodeSize(text: NodeText): { width: number; height: number } {
	return { width: Math.ceil(Math.max(text.title.length, text.lineChars) * charWidth) + 2 * nodePadding, height: 3 * lineHeight + nodePadding };
}
