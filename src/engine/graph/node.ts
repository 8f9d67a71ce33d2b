/**
 * The intermediate representation every front end lowers to: a DAG of scalar nodes, where vector data and vector
 * parameters are read element-wise through index expressions and reductions (`sum`) stay loops over an index range.
 *
 * Nodes are immutable and hash-consed by `GraphBuilder`, so structurally equal subexpressions are one node. Each node
 * records the loop variables it depends on (`loops`), which is all the compiler needs to hoist loop-invariant work
 * and to decide where a node's value and adjoint live.
 */
import type { OpName } from './ops';
import type { TraceStep } from './traceSteps';

interface NodeBase {
	/** Unique within one builder; also a topological order (arguments have smaller ids). */
	readonly id: number;
	/** Loop variables this node depends on, outermost first. */
	readonly loops: readonly number[];
	/** True when the node's value can change with a parameter; constants, data and indices are false. */
	readonly varies: boolean;
}

export interface ConstNode extends NodeBase {
	readonly kind: 'const';
	readonly value: number;
}

/** A scalar parameter, `x[index]` in the flat parameter vector. */
export interface ParamNode extends NodeBase {
	readonly kind: 'param';
	readonly index: number;
}

/** An element of a vector parameter: `x[offset + index]`, with `0 <= index < length`. */
export interface ParamAtNode extends NodeBase {
	readonly kind: 'paramAt';
	readonly offset: number;
	readonly length: number;
	readonly index: Node;
}

/** An element of a data array registered with the builder: `data[array][index]`. */
export interface DataNode extends NodeBase {
	readonly kind: 'data';
	readonly array: number;
	readonly index: Node;
}

/** The current value of a loop variable: 0, 1, ..., count - 1. */
export interface IndexNode extends NodeBase {
	readonly kind: 'index';
	readonly loop: number;
}

export interface OpNode extends NodeBase {
	readonly kind: 'op';
	readonly op: OpName;
	readonly args: readonly Node[];
}

/** `body` summed over `loop` = 0 .. count - 1. */
export interface SumNode extends NodeBase {
	readonly kind: 'sum';
	readonly loop: number;
	readonly count: number;
	readonly body: Node;
}

export type Node = ConstNode | ParamNode | ParamAtNode | DataNode | IndexNode | OpNode | SumNode;

/**
 * A parameter as the user named it: a scalar, or an array of `size` elements stored row-major from `offset` (flat
 * names `w[0]`, `W[0][1]`, ...).
 */
export interface ParamSpec {
	readonly name: string;
	readonly offset: number;
	/** The number of elements; `undefined` for a scalar. */
	readonly size?: number;
	/** The shape of an array of rank 2 or more (`[2, 3]` for a 2×3 matrix); absent for scalars and vectors. */
	readonly shape?: readonly number[];
}

/** The shape of a parameter: `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix, ... */
export function paramShape(spec: ParamSpec): readonly number[] {
	return spec.shape ?? (spec.size === undefined ? [] : [spec.size]);
}

/** A lowered loss: the output node, its parameters and the data its nodes read. */
export interface LossGraph {
	readonly output: Node;
	readonly params: readonly ParamSpec[];
	/** Flat parameter names: `x`, `w[0]`, `w[1]`, ... */
	readonly paramNames: readonly string[];
	readonly start: readonly number[];
	readonly data: readonly Float64Array[];
	/** The loss's statements, loops and helper calls, for stepping through the forward and backward pass. */
	readonly steps: readonly TraceStep[];
}

/** Nodes reachable from `root`, arguments before users (ascending id). */
export function collectNodes(root: Node): Node[] {
	const seen = new Map<number, Node>();
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (seen.has(node.id)) continue;
		seen.set(node.id, node);
		stack.push(...childrenOf(node));
	}
	return [...seen.values()].sort((a, b) => a.id - b.id);
}

/** The direct arguments of a node, including index expressions and a sum's body. */
export function childrenOf(node: Node): readonly Node[] {
	switch (node.kind) {
		case 'const':
		case 'param':
		case 'index':
			return [];
		case 'paramAt':
		case 'data':
			return [node.index];
		case 'op':
			return node.args;
		case 'sum':
			return [node.body];
		default: {
			const never: never = node;
			return never;
		}
	}
}
