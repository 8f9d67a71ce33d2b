/**
 * Python's indexing and slicing of lists. A negative index counts from the end (`xs[-1]`); a computed index that
 * may be negative (`xs[i - 1]` with `i` from 0) gets the same rule as a `select`, while one that is provably
 * non-negative (`xs[i]` in a loop) reads directly. Slices take bounds known before the loss runs, with Python's
 * clamping and any non-zero step (`xs[::-1]`, `x[1:]`, `x[:-1]`), as views that copy nothing.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail, NotConstantError } from '../lowering/context';
import type { Value, VectorValue } from '../lowering/values';
import type { PythonContext } from './pythonContext';
import { msg, type MessageArgument } from '../../message';

/** `vector[index]` with Python's rules. */
export function pythonIndex(ctx: PythonContext, vector: VectorValue, index: Node, span: SourceSpan): Value {
	const b = ctx.builder;
	const n = vector.length;
	if (index.kind === 'const') {
		const i = index.value;
		if (!Number.isInteger(i)) fail(msg`list indices must be whole numbers, not ${i}`, span);
		if (i < -n || i >= n) fail(msg`index ${i} is out of range for ${vector.label} (length ${n})`, span);
		return vector.element(b.constant(i < 0 ? i + n : i), span);
	}
	if (lowerBound(ctx, index, 0) >= 0) return vector.element(index, span);
	const wrapped = b.select(b.op('lt', index, b.constant(0)), b.add(index, b.constant(n)), index);
	return vector.element(wrapped, span);
}

/** The least value `node` can take, from loop ranges and constants; -Infinity when unknown. */
function lowerBound(ctx: PythonContext, node: Node, depth: number): number {
	return bounds(ctx, node, depth)[0];
}

function bounds(ctx: PythonContext, node: Node, depth: number): [number, number] {
	const unknown: [number, number] = [-Infinity, Infinity];
	if (depth > 16) return unknown;
	if (node.kind === 'const') return [node.value, node.value];
	if (node.kind === 'index') return [0, (ctx.loopCount(node.loop) ?? Infinity) - 1];
	if (node.kind !== 'op') return unknown;
	const [x, y] = node.args.map((a) => bounds(ctx, a, depth + 1)) as [[number, number], [number, number]];
	switch (node.op) {
		case 'add':
			return [x[0] + y[0], x[1] + y[1]];
		case 'neg':
			return [-x[1], -x[0]];
		case 'mul': {
			const products = [x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1]].filter((p) => !Number.isNaN(p));
			return products.length === 4 ? [Math.min(...products), Math.max(...products)] : unknown;
		}
		default:
			return unknown;
	}
}

/** `vector[lower:upper:step]`; each bound must be known before the loss runs. */
export function sliceVector(
	ctx: PythonContext,
	vector: VectorValue,
	parts: { lower?: Node; upper?: Node; step?: Node },
	span: SourceSpan,
): VectorValue {
	const b = ctx.builder;
	const n = vector.length;
	const step = parts.step ? constantBound(parts.step, msg`the step of a slice`, span) : 1;
	if (step === 0) fail(msg`slice step cannot be zero`, span);
	const clamp = (node: Node | undefined, otherwise: number) => {
		if (!node) return otherwise;
		const v = constantBound(node, 'slice bounds', span);
		if (v < 0) return Math.max(step > 0 ? 0 : -1, v + n);
		return Math.min(v, step > 0 ? n : n - 1);
	};
	const start = clamp(parts.lower, step > 0 ? 0 : n - 1);
	const stop = clamp(parts.upper, step > 0 ? n : -1);
	const length = Math.max(0, Math.ceil((stop - start) / step));
	return {
		kind: 'vector',
		length,
		label: msg`a slice of ${vector.label}`,
		constants: sliceConstants(vector, start, step, length),
		element: (index, at) => vector.element(b.add(b.constant(start), b.mul(b.constant(step), index)), at),
	};
}

function constantBound(node: Node, what: MessageArgument, span: SourceSpan): number {
	if (node.kind !== 'const') throw new NotConstantError(msg`${what} must be known before the loss runs`, span);
	if (!Number.isInteger(node.value)) fail(msg`${what} must be whole numbers, not ${node.value}`, span);
	return node.value;
}

/** The numbers of a slice of a flat data list, so a slice of data is data too. */
function sliceConstants(vector: VectorValue, start: number, step: number, length: number): VectorValue['constants'] {
	const known = vector.constants;
	if (!known || known.shape.length !== 1) return undefined;
	const values = Float64Array.from({ length }, (_, i) => known.values[start + step * i]!);
	return { values, shape: [length] };
}
