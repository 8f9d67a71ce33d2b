/**
 * Lowers a parsed math equation (`mathAst.ts`) to a `LossGraph` with the hash-consing `GraphBuilder`.
 *
 * Parameters are the signature's (`f(x, y) = ...`), or else the free names of the right side in order of first
 * appearance; `e`, `π` and `pi` are constants unless a signature declares them. `\sum_{i=a}^{b}` needs integer
 * bounds and stays a loop over `i`; only when its body reads indexed names such as `x_i` is it written out term by
 * term (`x_1 + x_2 + ...`), each term's name then being an ordinary parameter.
 */
import { GraphBuilder } from '../../graph/graphBuilder';
import type { LossGraph, Node } from '../../graph/node';
import { usesIndexed } from './mathAst';
import type { CallExpr, ChainExpr, Equation, Expr, Located, NameExpr, RootExpr, SumExpr } from './mathAst';
import { noDefinitions, type MathDefinitions } from './mathDefinitions';
import { mathConstants, mathFunction } from './mathFunctions';
import type { LineIndex } from './lineIndex';
import { msg, type Message } from '../../message';

/** Iterations of all nested sums together, so that evaluating a loss stays interactive. */
export const maxSumIterations = 1e7;
/** Terms of sums written out because they read indexed names. */
export const maxWrittenTerms = 10_000;

/** The graph of `equation`, named `name` in the trace. Throws `LossSyntaxError` at the offending construct. */
export function lowerEquation(
	equation: Equation,
	lines: LineIndex,
	name: string,
	definitions: MathDefinitions = noDefinitions,
): LossGraph {
	const declared = equation.lhs?.params?.map((p) => p.name);
	let lowering = new MathLowering(lines, declared ?? [], declared === undefined, equation.lhs?.name, definitions);
	let output = lowering.lower(equation.rhs);
	const order = lowering.namesInSourceOrder();
	if (order.some((n, i) => n !== lowering.names[i])) {
		// Lowering order can differ from reading order (`\sin^a x` lowers x first); redo with the reading order.
		lowering = new MathLowering(lines, order, false, equation.lhs?.name, definitions);
		output = lowering.lower(equation.rhs);
	}
	const names = lowering.names;
	const at = lines.position(equation.start);
	return {
		output,
		params: names.map((n, offset) => ({ name: n, offset })),
		paramNames: names,
		start: names.map(() => 0),
		data: lowering.b.data,
		steps: [{ kind: 'statement', name, node: output, line: at.line, column: at.column }],
	};
}

class MathLowering {
	readonly b = new GraphBuilder();
	readonly names: string[] = [];
	private readonly params = new Map<string, { node: Node; firstSeen: number }>();
	/** Summation indices in scope: a loop index, or a constant while a sum is written out. */
	private readonly indices = new Map<string, Node>();
	private iterations = 1;
	private written = 1;
	private inBounds = false;
	/** The parameters of the defined function being inlined, bound to its arguments. */
	private boundArguments = new Map<string, Node>();
	private readonly inlined = new Map<string, Node>();

	constructor(
		private readonly lines: LineIndex,
		initial: readonly string[],
		private readonly discover: boolean,
		private readonly selfName: string | undefined,
		private readonly definitions: MathDefinitions,
	) {
		initial.forEach((n, i) => this.addParam(n, i - initial.length));
	}

	namesInSourceOrder(): string[] {
		return [...this.names].sort((a, b) => this.params.get(a)!.firstSeen - this.params.get(b)!.firstSeen);
	}

	lower(e: Expr): Node {
		switch (e.kind) {
			case 'number':
				return this.b.constant(e.value);
			case 'name':
				return this.name(e);
			case 'neg':
				return this.b.neg(this.lower(e.operand));
			case 'chain':
				return this.chain(e);
			case 'power':
				return this.b.pow(this.lower(e.base), this.lower(e.exponent));
			case 'call':
				if (e.defined) return this.inline(e);
				return mathFunction(e.name)!.lower(this.b, e.args.map((a) => this.lower(a)));
			case 'root':
				return this.root(e);
			case 'sum':
				return this.sum(e);
			default: {
				const never: never = e;
				return never;
			}
		}
	}

	/**
	 * A call of a function an earlier block defines: its body with the parameters bound to the arguments' nodes,
	 * once per distinct arguments (the builder shares equal nodes, so repeated calls cost nothing more).
	 */
	private inline(e: CallExpr): Node {
		const definition = this.definitions.get(e.name)!;
		const args = e.args.map((a) => this.lower(a));
		const key = `${e.name}(${args.map((a) => a.id).join(',')})`;
		const known = this.inlined.get(key);
		if (known) return known;
		const saved = this.boundArguments;
		this.boundArguments = new Map(definition.params.map((p, i) => [p, args[i]!]));
		try {
			const node = this.lower(definition.body);
			this.inlined.set(key, node);
			return node;
		} finally {
			this.boundArguments = saved;
		}
	}

	private addParam(name: string, firstSeen: number): Node {
		const node = this.b.param(this.names.length);
		this.names.push(name);
		this.params.set(name, { node, firstSeen });
		return node;
	}

	private error(message: Message, at: Located): never {
		throw this.lines.error(message, at.start, at.end);
	}

	private name(e: NameExpr): Node {
		const name = this.substituted(e);
		const argument = this.boundArguments.get(name);
		if (argument) return argument;
		const index = this.indices.get(name);
		if (index) return index;
		const param = this.params.get(name);
		if (param) return param.node;
		const constant = mathConstants.get(name);
		if (constant !== undefined) return this.b.constant(constant);
		if (this.inBounds) this.error(msg`the bounds of \\sum must be numbers, and ${name} is not one`, e);
		if (name === this.selfName) this.error(msg`${name} is defined in terms of itself`, e);
		if (!this.discover) {
			this.error(msg`unknown name ${name}: ${`${this.selfName}(${this.names.join(', ')})`} does not take it`, e);
		}
		return this.addParam(name, e.start);
	}

	/** `x_i` inside a sum written out over `i` is `x_1`, `x_2`, ... */
	private substituted(e: NameExpr): string {
		if (!e.subscript.some((part) => this.indices.has(part))) return e.name;
		const parts = e.subscript.map((part) => {
			const index = this.indices.get(part);
			if (!index) return part;
			if (index.kind !== 'const') this.error(msg`${e.name}: the index ${part} has no fixed value here`, e);
			return String(index.value);
		});
		return `${e.base}_${parts.join(',')}`;
	}

	private chain(e: ChainExpr): Node {
		let total = this.lower(e.first);
		for (const { op, operand } of e.rest) {
			const right = this.lower(operand);
			switch (op) {
				case '+':
					total = this.b.add(total, right);
					break;
				case '-':
					total = this.b.sub(total, right);
					break;
				case '*':
					total = this.b.mul(total, right);
					break;
				case '/':
					total = this.b.div(total, right);
					break;
				default: {
					const never: never = op;
					return never;
				}
			}
		}
		return total;
	}

	private root(e: RootExpr): Node {
		const degree = this.lower(e.degree);
		const radicand = this.lower(e.radicand);
		if (degree.kind === 'const' && degree.value === 2) return this.b.op('sqrt', radicand);
		if (degree.kind === 'const' && degree.value === 3) return this.b.op('cbrt', radicand);
		return this.b.pow(radicand, this.b.div(this.b.constant(1), degree));
	}

	private sum(e: SumExpr): Node {
		const from = this.bound(e.from, 'lower');
		const to = this.bound(e.to, 'upper');
		const count = Math.max(0, to - from + 1);
		if (count * this.iterations > maxSumIterations) {
			const most = maxSumIterations.toLocaleString('en-US');
			this.error(msg`\\sum of ${count} terms is too long: at most ${most} iterations in all`, e);
		}
		const outer = this.indices.get(e.index);
		const factor = Math.max(1, count);
		this.iterations *= factor;
		try {
			return usesIndexed(e.body, e.index) ? this.writtenOut(e, from, count) : this.loop(e, from, count);
		} finally {
			this.iterations /= factor;
			if (outer) this.indices.set(e.index, outer);
			else this.indices.delete(e.index);
		}
	}

	/** An integer bound of a sum, from numbers, constants and the indices of enclosing written-out sums. */
	private bound(e: Expr, which: 'lower' | 'upper'): number {
		const saved = this.inBounds;
		this.inBounds = true;
		const node = this.lower(e);
		this.inBounds = saved;
		if (node.kind !== 'const' || !Number.isInteger(node.value) || Math.abs(node.value) > 1e15) {
			const message = which === 'lower'
				? msg`the lower bound of \\sum must be an integer, like ${'\\sum_{i=1}^{10}'}`
				: msg`the upper bound of \\sum must be an integer, like ${'\\sum_{i=1}^{10}'}`;
			this.error(message, e);
		}
		return node.value;
	}

	private loop(e: SumExpr, from: number, count: number): Node {
		const { loop, index } = this.b.newLoop();
		this.indices.set(e.index, this.b.add(index, this.b.constant(from)));
		return this.b.sum(loop, count, this.lower(e.body));
	}

	private writtenOut(e: SumExpr, from: number, count: number): Node {
		if (count * this.written > maxWrittenTerms) {
			const message = msg`a \\sum over indexed names such as ${`x_${e.index}`} is written out term by term: at most ${maxWrittenTerms} terms`;
			this.error(message, e);
		}
		const factor = Math.max(1, count);
		this.written *= factor;
		let total: Node = this.b.constant(0);
		for (let k = 0; k < count; k++) {
			this.indices.set(e.index, this.b.constant(from + k));
			total = this.b.add(total, this.lower(e.body));
		}
		this.written /= factor;
		return total;
	}
}
