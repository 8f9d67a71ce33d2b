/**
 * Builds IR nodes for the front ends: hash-conses them (one node per distinct expression), folds constants, applies
 * the identities that cannot hide a non-finite value (`x + 0`, `x * 1`, `x ^ 1`), and rewrites derived operations
 * to the primitives of `ops.ts`.
 */
import { ops, type OpName } from './ops';
import type { ConstNode, IndexNode, Node } from './node';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NodeInit = DistributiveOmit<Node, 'id' | 'loops' | 'varies'>;

export class GraphBuilder {
	private readonly nodes = new Map<string, Node>();
	private nextId = 0;
	private nextLoop = 0;
	private readonly dataKeys = new Map<string, number>();
	/** Which sum each loop variable belongs to: a loop shared by two sums would confuse the compiler's scopes. */
	private readonly loopOwners = new Map<number, string>();
	/** The data arrays nodes read, by `DataNode.array`. */
	readonly data: Float64Array[] = [];

	/** A number constant. Only numbers become constants: generated code writes them as literals. */
	constant(value: number): ConstNode {
		assertNumber(value);
		return this.intern({ kind: 'const', value }, `c${Object.is(value, -0) ? '-0' : value}`) as ConstNode;
	}

	param(index: number): Node {
		return this.intern({ kind: 'param', index }, `p${index}`);
	}

	/** Element `index` of the vector parameter stored at `offset`; a constant index reads a plain parameter. */
	paramAt(offset: number, length: number, index: Node): Node {
		if (index.kind === 'const') return this.param(offset + index.value);
		return this.intern({ kind: 'paramAt', offset, length, index }, `P${offset},${length},${index.id}`);
	}

	/** Registers a data array (equal arrays are shared) and returns its id. */
	addData(values: ArrayLike<number>): number {
		const key = Array.prototype.join.call(values, ',');
		const known = this.dataKeys.get(key);
		if (known !== undefined) return known;
		this.data.push(Float64Array.from(values));
		this.dataKeys.set(key, this.data.length - 1);
		return this.data.length - 1;
	}

	/** Element `index` of data array `array`; a constant index reads the number itself. */
	data_(array: number, index: Node): Node {
		if (index.kind === 'const') return this.constant(this.data[array]![index.value] ?? Number.NaN);
		return this.intern({ kind: 'data', array, index }, `d${array},${index.id}`);
	}

	/** A fresh loop variable for a sum built with `sum()`. */
	newLoop(): { loop: number; index: IndexNode } {
		const loop = this.nextLoop++;
		return { loop, index: this.intern({ kind: 'index', loop }, `i${loop}`) as IndexNode };
	}

	/** `body` summed over `loop` = 0 .. count - 1. A body that does not depend on the loop is multiplied instead. */
	sum(loop: number, count: number, body: Node): Node {
		if (count <= 0) return this.constant(0);
		if (!body.loops.includes(loop)) return this.op('mul', this.constant(count), body);
		const owner = this.loopOwners.get(loop);
		if (owner !== undefined && owner !== `${count},${body.id}`) {
			throw new Error(`internal: loop ${loop} already belongs to another sum; every sum needs its own loop (newLoop())`);
		}
		this.loopOwners.set(loop, `${count},${body.id}`);
		return this.intern({ kind: 'sum', loop, count, body }, `s${loop},${count},${body.id}`);
	}

	/** A primitive operation, after constant folding and the safe identities. */
	op(op: OpName, ...args: Node[]): Node {
		const rule = ops[op];
		if (args.length !== rule.arity) throw new Error(`internal: ${op} takes ${rule.arity} arguments`);
		if (args.every((a) => a.kind === 'const')) {
			const [a, b, c] = args.map((n) => (n as ConstNode).value);
			return this.constant(rule.evaluate(a!, b ?? 0, c ?? 0));
		}
		const simpler = this.simplify(op, args);
		if (simpler) return simpler;
		return this.intern({ kind: 'op', op, args }, `${op}(${args.map((a) => a.id).join(',')})`);
	}

	add(a: Node, b: Node): Node { return this.op('add', a, b); }
	sub(a: Node, b: Node): Node { return this.op('add', a, this.op('neg', b)); }
	mul(a: Node, b: Node): Node { return this.op('mul', a, b); }
	div(a: Node, b: Node): Node { return this.op('div', a, b); }
	neg(a: Node): Node { return this.op('neg', a); }
	pow(a: Node, b: Node): Node { return this.op('pow', a, b); }
	select(condition: Node, whenTrue: Node, whenFalse: Node): Node {
		if (condition.kind === 'const') return condition.value !== 0 ? whenTrue : whenFalse;
		if (whenTrue === whenFalse) return whenTrue;
		return this.op('select', condition, whenTrue, whenFalse);
	}

	/** Derived functions: rewrites over the primitives. */
	log2(a: Node): Node { return this.mul(this.op('log', a), this.constant(Math.LOG2E)); }
	log10(a: Node): Node { return this.mul(this.op('log', a), this.constant(Math.LOG10E)); }
	hypot(a: Node, b: Node): Node { return this.op('sqrt', this.add(this.mul(a, a), this.mul(b, b))); }

	private simplify(op: OpName, args: Node[]): Node | undefined {
		const [a, b] = args as [Node, Node];
		const isConst = (n: Node | undefined, v: number): n is ConstNode => n?.kind === 'const' && n.value === v;
		switch (op) {
			case 'add':
				if (isConst(a, 0) && (Object.is(a.value, -0) || neverNegativeZero(b))) return b;
				if (isConst(b, 0) && (Object.is(b.value, -0) || neverNegativeZero(a))) return a;
				return undefined;
			case 'mul':
				if (isConst(a, 1)) return b;
				if (isConst(b, 1)) return a;
				if (isConst(a, -1)) return this.neg(b);
				if (isConst(b, -1)) return this.neg(a);
				return undefined;
			case 'div':
				return isConst(b, 1) ? a : undefined;
			case 'pow':
				return isConst(b, 1) ? a : undefined;
			case 'neg':
				return a.kind === 'op' && a.op === 'neg' ? a.args[0] : undefined;
			default:
				return undefined;
		}
	}

	private intern(init: NodeInit, key: string): Node {
		const known = this.nodes.get(key);
		if (known) return known;
		const node = { ...init, id: this.nextId++, ...dependencies(init as Node) } as Node;
		this.nodes.set(key, node);
		return node;
	}
}

/** Operations whose result is never -0 (`x + 0` may drop the `+ 0` only then: -0 + 0 is +0). */
const positiveZeroOps: ReadonlySet<OpName> = new Set<OpName>([
	'abs', 'exp', 'cosh', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'and', 'or', 'not',
]);

/** True when `node` cannot evaluate to -0: a loop index, a sum (it starts from +0), or one of the ops above. */
function neverNegativeZero(node: Node): boolean {
	switch (node.kind) {
		case 'const':
			return !Object.is(node.value, -0);
		case 'index':
		case 'sum':
			return true;
		case 'op':
			if (node.op === 'add') return node.args.some(neverNegativeZero);
			return positiveZeroOps.has(node.op);
		default:
			return false;
	}
}

/** The loop variables a new node depends on, and whether it varies with the parameters. */
/** Guards generated code: a constant that is not a number would be written into it as text. */
export function assertNumber(value: unknown): asserts value is number {
	if (typeof value !== 'number') throw new TypeError(`a graph constant must be a number, not ${typeof value}`);
}

function dependencies(node: Node): { loops: readonly number[]; varies: boolean } {
	switch (node.kind) {
		case 'const':
			return { loops: [], varies: false };
		case 'param':
			return { loops: [], varies: true };
		case 'index':
			return { loops: [node.loop], varies: false };
		case 'paramAt':
			return { loops: node.index.loops, varies: true };
		case 'data':
			return { loops: node.index.loops, varies: false };
		case 'op':
			return { loops: unionLoops(node.args), varies: node.args.some((a) => a.varies) && ops[node.op].differentiable };
		case 'sum':
			return { loops: node.body.loops.filter((l) => l !== node.loop), varies: node.body.varies };
		default: {
			const never: never = node;
			return never;
		}
	}
}

function unionLoops(args: readonly Node[]): readonly number[] {
	if (args.length === 1) return args[0]!.loops;
	const all = new Set<number>();
	for (const a of args) for (const l of a.loops) all.add(l);
	return [...all].sort((x, y) => x - y);
}
