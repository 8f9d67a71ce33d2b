/**
 * Matrix products as numpy defines them (https://numpy.org/doc/stable/reference/generated/numpy.matmul.html): `@` and
 * `matmul` promote a 1-D operand to a row (left) or a column (right) and broadcast leading batch axes; `dot` of 1-D
 * and 2-D arrays is the same product and of a number a scaling; `outer` is every product of two flattened arrays.
 * The shared index is a `sum` loop (written out when it is short), so `X @ w` over 1,000 samples is a loop nest.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { msg } from '../../message';
import { broadcastShapes, elementwise } from './broadcast';
import { fail, type LoweringContext } from './context';
import { memoized, type NdArray } from './ndArray';
import { accumulate } from './reduceAxes';
import { reshapeArray } from './reshape';

/**
 * A shared index of at most this many values is written out as terms (`X[i,0]*W[0,j] + X[i,1]*W[1,j]`), as a
 * hand-written loop would: each term's data element depends on the outer loops only, so it is read once per
 * sample instead of once per output element, and there is no inner sum to keep on the backward pass's tape.
 */
const writtenOut = 4;

/** `a @ b`. */
export function matmul(ctx: LoweringContext, a: NdArray, c: NdArray, span: SourceSpan): NdArray {
	const b = ctx.builder;
	if (a.shape.length === 0 || c.shape.length === 0) {
		fail(msg`matmul: Input operand ${a.shape.length === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`, span);
	}
	const left = a.shape.length === 1 ? [1, a.shape[0]!] : a.shape;
	const right = c.shape.length === 1 ? [c.shape[0]!, 1] : c.shape;
	const k = left.at(-1)!;
	if (right.at(-2) !== k) {
		fail(msg`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${right.at(-2)!} is different from ${k})`, span);
	}
	const batch = broadcastShapes([left.slice(0, -2), right.slice(0, -2)], span);
	const [m, n] = [left.at(-2)!, right.at(-1)!];
	const x = a.shape.length === 1 ? reshapeArray(b, a, [1, k], span) : a;
	const y = c.shape.length === 1 ? reshapeArray(b, c, [k, 1], span) : c;
	const zero = b.constant(0);
	const pick = (array: NdArray, indices: readonly Node[]) => {
		const own = array.shape.length - 2;
		const lead = indices.slice(indices.length - 2 - own, indices.length - 2);
		return lead.map((index, i) => (array.shape[i] === 1 ? zero : index));
	};
	const full: NdArray = memoized({
		shape: [...batch, m, n],
		label: msg`a matrix product`,
		at: (indices, at) => {
			const [i, j] = indices.slice(-2) as [Node, Node];
			const term = (t: Node) => b.mul(x.at([...pick(x, indices), i, t], at), y.at([...pick(y, indices), t, j], at));
			if (k > writtenOut) return accumulate(ctx, k, zero, (acc, t) => b.add(acc, term(t)), span);
			return Array.from({ length: k }, (_, t) => term(b.constant(t))).reduce((acc, next) => b.add(acc, next), zero);
		},
	});
	const shape = [...batch, ...(a.shape.length === 1 ? [] : [m]), ...(c.shape.length === 1 ? [] : [n])];
	return reshapeArray(b, full, shape, span);
}

/** `np.dot(a, b)`: a product with a number scales; otherwise `matmul` (numpy's rule for 1-D and 2-D arrays). */
export function dot(ctx: LoweringContext, a: NdArray, c: NdArray, span: SourceSpan): NdArray {
	if (a.shape.length === 0 || c.shape.length === 0) return elementwise(ctx, [a, c], ([x, y]) => ctx.builder.mul(x!, y!), span);
	return matmul(ctx, a, c, span);
}

/** `np.outer(a, b)`: `a.ravel()[i] * b.ravel()[j]`. */
export function outer(ctx: LoweringContext, a: NdArray, c: NdArray, span: SourceSpan): NdArray {
	const [m, n] = [a.shape.reduce((p, q) => p * q, 1), c.shape.reduce((p, q) => p * q, 1)];
	const x = reshapeArray(ctx.builder, a, [m, 1], span);
	const y = reshapeArray(ctx.builder, c, [1, n], span);
	return elementwise(ctx, [x, y], ([u, v]) => ctx.builder.mul(u!, v!), span);
}
