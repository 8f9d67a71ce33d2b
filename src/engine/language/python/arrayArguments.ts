/**
 * Reading the arguments of numpy and torch calls: an array (any number, list or array), an axis (`axis=` or torch's
 * `dim=`, an int or a tuple of ints), `keepdims`, a shape (`np.zeros((2, 3))`, `torch.zeros(2, 3)`), and numbers
 * known before the loss runs. Each is checked where the user wrote it.
 */
import type { SourceSpan } from '../../errors';
import { fail, formatCount, limits } from '../lowering/context';
import { fromNdArray, sizeOf, toNdArray, type NdArray } from '../lowering/ndArray';
import { constantOf, type Value } from '../lowering/values';
import { argumentSpan, argumentValue, describeArgument, type Argument, type Invocation } from './callables';
import type { PythonContext } from './pythonContext';
import { msg, type MessageArgument } from '../../message';

/** The argument as an array. */
export function arrayArgument(ctx: PythonContext, arg: Argument, what: MessageArgument): NdArray {
	return toNdArray(ctx, argumentValue(ctx, arg), describeArgument(arg, what), argumentSpan(arg));
}

/** A number known before the loss runs, or a tuple/list of them, as a list of numbers. */
export function constantNumbers(ctx: PythonContext, value: Value, what: MessageArgument, span: SourceSpan): number[] {
	const single = constantOf(value);
	if (single !== undefined) return [single];
	if (value.kind === 'vector') {
		return Array.from({ length: value.length }, (_, i) => {
			const n = constantOf(value.element(ctx.builder.constant(i), span));
			return n ?? fail(msg`${what} must be known before the loss runs`, span);
		});
	}
	return fail(msg`${what} must be a whole number or a tuple of them`, span);
}

/** The keyword argument `names` (the first found), or else the positional one at `index`. */
function named(call: Invocation, names: readonly string[], index: number): Argument | undefined {
	for (const name of names) {
		const k = call.keywords.find((kw) => kw.name === name);
		if (k) return k.arg;
	}
	return index >= 0 ? call.args[index] : undefined;
}

/** `axis=` / `dim=` (or positional `index`): undefined for all axes. */
export function axisArgument(ctx: PythonContext, call: Invocation, index: number): number[] | undefined {
	const arg = named(call, ['axis', 'dim'], index);
	if (!arg) return undefined;
	if (isNoneArgument(arg)) return undefined;
	return constantNumbers(ctx, argumentValue(ctx, arg), msg`the axis`, argumentSpan(arg));
}

/** `keepdims=` / `keepdim=`: false unless given and true. */
export function keepdimsArgument(ctx: PythonContext, call: Invocation, index = -1): boolean {
	const arg = named(call, ['keepdims', 'keepdim'], index);
	if (!arg) return false;
	const [v] = constantNumbers(ctx, argumentValue(ctx, arg), 'keepdims', argumentSpan(arg));
	return v !== 0;
}

/** A shape given as one tuple (`(2, 3)`), one number, or several numbers (`torch.zeros(2, 3)`). */
export function shapeArguments(ctx: PythonContext, args: readonly Argument[], span: SourceSpan): number[] {
	const dims = args.flatMap((arg) => constantNumbers(ctx, argumentValue(ctx, arg), msg`the shape`, argumentSpan(arg)));
	if (dims.some((n) => !Number.isInteger(n) || n < 0)) fail(msg`a shape must be whole numbers, not ${dims.join(', ')}`, span);
	return checkedShape(dims, span);
}

/** `shape` if an array of data that shape fits in memory (`limits.trips` elements); else an error at `span`. */
export function checkedShape(shape: number[], span: SourceSpan): number[] {
	const count = sizeOf(shape);
	if (count > limits.trips) fail(msg`an array of shape (${shape.join(', ')}) would have ${formatCount(count)} elements`, span);
	return shape;
}

/** True for an argument written `None`. */
export function isNoneArgument(arg: Argument): boolean {
	return 'expr' in arg && arg.expr.kind === 'name' && arg.expr.name === 'None';
}

/** An array result as a value (a number for shape `()`). */
export function arrayResult(array: NdArray, span: SourceSpan): Value {
	return fromNdArray(array, span);
}
