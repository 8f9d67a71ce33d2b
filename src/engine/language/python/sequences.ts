/**
 * Arithmetic on lists, which in Python is not element-wise: `xs + ys` concatenates and `[0.0] * n` repeats (the
 * usual way to write a default start point). Lists of numbers known before the loss runs give data; short lists of
 * computed values are written out. Any other operator on a list is an error that points at element-wise thinking.
 */
import { fail, formatCount, limits } from '../lowering/context';
import { describeValue, type Value, type VectorValue } from '../lowering/values';
import { arrayValue, dataVector } from '../lowering/vectors';
import type { BinaryExpr } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** `left op right` where at least one side is not a number. */
export function sequenceArithmetic(ctx: PythonContext, e: BinaryExpr, left: Value, right: Value): Value {
	if (e.op === '+' && left.kind === 'vector' && right.kind === 'vector') return concatenate(ctx, [left, right], e);
	if (e.op === '*' && left.kind === 'vector' && right.kind === 'scalar') return repeat(ctx, left, right, e);
	if (e.op === '*' && left.kind === 'scalar' && right.kind === 'vector') return repeat(ctx, right, left, e);
	const [a, b] = [describeValue(left), describeValue(right)];
	if (left.kind === 'vector' || right.kind === 'vector') {
		return fail(msg`'${e.op}' is not supported between ${a} and ${b} in a loss; lists are not numpy arrays: use a comprehension or a loop for element-wise arithmetic`, e.opSpan);
	}
	return fail(msg`'${e.op}' is not supported between ${a} and ${b} in a loss`, e.opSpan);
}

function repeat(ctx: PythonContext, list: VectorValue, times: Value & { kind: 'scalar' }, e: BinaryExpr): Value {
	const n = times.node.kind === 'const' ? Math.max(0, times.node.value) : Number.NaN;
	if (!Number.isInteger(n)) {
		return fail(msg`a list can only be repeated a whole number of times known before the loss runs`, e.span);
	}
	const length = list.length * n;
	if (length > limits.trips) fail(msg`the repeated list would have ${formatCount(length)} elements`, e.span);
	const known = list.constants;
	if (!known) {
		if (length > limits.unrollNodes) tooLong(length, e);
		return concatenate(ctx, Array.from({ length: n }, () => list), e);
	}
	const values = new Float64Array(known.values.length * n);
	values.set(known.values);
	for (let filled = known.values.length; filled > 0 && filled < values.length; filled *= 2) {
		values.copyWithin(filled, 0, Math.min(filled, values.length - filled));
	}
	return dataVector(ctx.builder, values, [length, ...known.shape.slice(1)], msg`a list`);
}

/** The lists one after another. */
function concatenate(ctx: PythonContext, lists: readonly VectorValue[], e: BinaryExpr): Value {
	const length = lists.reduce((sum, v) => sum + v.length, 0);
	const rows = lists.map((v) => v.constants);
	const shape = rows[0]?.shape.slice(1) ?? [];
	const fits = (r: VectorValue['constants']) => r?.shape.length === shape.length + 1
		&& r.shape.every((k, i) => i === 0 || k === shape[i - 1]);
	const sameShape = rows.every(fits);
	if (sameShape) {
		const values = new Float64Array(rows.reduce((total, r) => total + r!.values.length, 0));
		let at = 0;
		for (const r of rows) {
			values.set(r!.values, at);
			at += r!.values.length;
		}
		return dataVector(ctx.builder, values, [length, ...shape], msg`a list`);
	}
	if (length > limits.unrollNodes) tooLong(length, e);
	const at = (v: VectorValue, i: number) => v.element(ctx.builder.constant(i), e.span);
	const items = lists.flatMap((v) => Array.from({ length: v.length }, (_, i) => at(v, i)));
	return arrayValue(ctx, items, items.map(() => e.span), msg`a list`);
}

function tooLong(length: number, e: BinaryExpr): never {
	const what = msg`a list of ${formatCount(length)} computed values`;
	return fail(msg`${what} is too long to write out; use a comprehension`, e.span);
}
