/**
 * Python's operators on numpy arrays and torch tensors: arithmetic and comparisons element-wise with broadcasting,
 * unary minus, and `@` (numpy's `matmul`). They apply when either operand is an array (`VectorValue.numeric`); a
 * plain list keeps Python's list arithmetic (`sequences.ts`).
 */
import type { SourceSpan } from '../../errors';
import { elementwise } from '../lowering/broadcast';
import { matmul } from '../lowering/matmul';
import { fromNdArray, toNdArray } from '../lowering/ndArray';
import { binary, unary, type BinaryOperator } from '../lowering/operators';
import type { Value } from '../lowering/values';
import type { ArithmeticOperator } from './pythonAst';
import type { PythonContext } from './pythonContext';
import { arithmetic } from './pythonOperators';
import { msg } from '../../message';

/** True for a numpy array or torch tensor. */
export function isArray(value: Value): boolean {
	return value.kind === 'vector' && value.numeric === true;
}

/** `left op right` with at least one array operand, or `@` on any operands. */
export function arrayArithmetic(ctx: PythonContext, op: ArithmeticOperator | '@', left: Value, right: Value, span: SourceSpan): Value {
	const x = toNdArray(ctx, left, msg`the left operand`, span);
	const y = toNdArray(ctx, right, msg`the right operand`, span);
	if (op === '@') return fromNdArray(matmul(ctx, x, y, span), span);
	return fromNdArray(elementwise(ctx, [x, y], ([u, v]) => arithmetic(ctx.builder, op, u!, v!), span), span);
}

/** `left op right` for a comparison with an array operand: 1 where it holds, else 0. */
export function arrayComparison(ctx: PythonContext, op: BinaryOperator, left: Value, right: Value, span: SourceSpan): Value {
	const x = toNdArray(ctx, left, msg`the left operand`, span);
	const y = toNdArray(ctx, right, msg`the right operand`, span);
	return fromNdArray(elementwise(ctx, [x, y], ([u, v]) => binary(ctx.builder, op, u!, v!), span), span);
}

/** `-x` or `+x` on an array. */
export function arrayNegation(ctx: PythonContext, op: '-' | '+', operand: Value, span: SourceSpan): Value {
	const x = toNdArray(ctx, operand, msg`the operand`, span);
	return fromNdArray(elementwise(ctx, [x], ([u]) => unary(ctx.builder, op, u!), span), span);
}
