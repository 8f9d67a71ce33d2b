/**
 * The computation graph the panel's Graph view draws, as plain data: nodes for parameters (a vector or matrix
 * parameter is one node with its shape), data, constants, operations, locals and the loss, edges from arguments to users, and loop frames (a loop over data is drawn once,
 * as a framed sub-graph labelled with the current iteration). Values and adjoints fill in as the step-into walk
 * computes them. Built by the engine (`session/walk/walkGraph.ts`), drawn by the webview; runtime-neutral.
 */

/** Above this many operation nodes, the graph is drawn one node per statement (`GraphModel.collapsed`). */
export const collapseAbove = 60;

export type GraphNodeKind = 'param' | 'data' | 'const' | 'op' | 'local' | 'loss';

export interface GraphNode {
	readonly id: string;
	readonly kind: GraphNodeKind;
	/** A parameter's name, an operation's symbol (`+`, `×`, `exp`), a constant's value, or `data`. */
	readonly label: string;
	/** The local the node's value is assigned to (`h0`), if a statement computes it. */
	readonly name?: string;
	/** The loop frame the node is computed in, if any. */
	readonly frame?: string;
	/** The source line (1-based) that computes or declares it. */
	readonly line?: number;
	/** The forward value, once the walk has computed it. */
	readonly value?: number;
	/** ∂L/∂node, once the backward pass has reached it (for a parameter: its gradient so far). */
	readonly adjoint?: number;
	/**
	 * For a vector or matrix parameter, drawn as one node: its shape (`[2, 2]`), its elements in row-major order, and
	 * its gradient so far in the backward pass (`value` and `adjoint` are then absent).
	 */
	readonly shape?: readonly number[];
	readonly values?: readonly number[];
	readonly adjoints?: readonly number[];
}

export interface GraphEdge {
	readonly from: string;
	readonly to: string;
}

export interface GraphFrame {
	readonly id: string;
	/** `for n = 2 (of 4)` while the walk is in the loop, else `for n (4)`. */
	readonly label: string;
	/** The walk's iteration, `n = 2 (of 4)`, while it is in the loop. */
	readonly iteration?: string;
	readonly line: number;
}

export interface GraphModel {
	readonly nodes: readonly GraphNode[];
	readonly edges: readonly GraphEdge[];
	readonly frames: readonly GraphFrame[];
	/** The node of the statement the walk stands on. */
	readonly current?: string;
	/** Where the walk is; `idle` between updates. */
	readonly phase: 'forward' | 'backward' | 'idle';
	/** True when sub-expressions were collapsed into one node per statement (a large graph). */
	readonly collapsed: boolean;
}
