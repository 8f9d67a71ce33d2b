/**
 * numpy's array functions as a loss uses them (`import numpy as np`): creating arrays (`array`, `zeros`, `arange`,
 * `linspace`, `eye`, ...), reductions with `axis` and `keepdims`, products (`dot`, `matmul`, `outer`), joining
 * (`concatenate`, `stack`, `where`), `linalg.norm`, `logaddexp`, and every scalar function of `pythonNamespaces.ts`
 * applied element-wise with broadcasting (`ufunc`). Arrays made from numbers are data; arrays of computed values are
 * lazy element functions (`lowering/ndArray.ts`). The random generators are errors that ask for explicit numbers.
 */
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { elementwise } from '../lowering/broadcast';
import { fail } from '../lowering/context';
import { concatenateArrays, stackArrays, whereArrays } from '../lowering/joinArrays';
import { dot, matmul, outer } from '../lowering/matmul';
import { fromNdArray, sizeOf, toNdArray, type NdArray } from '../lowering/ndArray';
import { reduceAxes, type AxisReduction } from '../lowering/reduceAxes';
import { expectScalar, scalar, type Value } from '../lowering/values';
import { dataVector } from '../lowering/vectors';
import { arrayArgument, axisArgument, checkedShape, constantNumbers, keepdimsArgument, shapeArguments } from './arrayArguments';
import { expectArguments, optionalArgument, type BuiltinImpl } from './builtinKit';
import { argumentSpan, argumentValue, type Invocation } from './callables';
import type { PythonContext } from './pythonContext';
import { reduceArgument } from './reductions';
import { msg } from '../../message';

/** Numbers as a numeric data array of `shape`. */
export function numericData(ctx: PythonContext, values: Float64Array, shape: readonly number[]): Value {
	if (shape.length === 0) return scalar(ctx.builder.constant(values[0] ?? 0));
	return { ...dataVector(ctx.builder, values, shape, msg`an array`), numeric: true };
}

/** A value read as a numpy array (`np.array(x)`): numbers stay numbers, lists become numeric arrays. */
export function asArray(ctx: PythonContext, value: Value, span: Invocation['span']): Value {
	if (value.kind !== 'vector') return value;
	if (value.constants) return numericData(ctx, value.constants.values, value.constants.shape);
	return fromNdArray(toNdArray(ctx, value, value.label, span), span);
}

const array: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 1, 1, ['dtype', 'requires_grad', 'copy']);
	return asArray(ctx, argumentValue(ctx, arg!), call.span);
};

/** `zeros`, `ones`, `full`, `empty` (as zeros): a shape and a fill value. */
function filled(value: number | 'given'): BuiltinImpl {
	return (ctx, call, display) => {
		const args = expectArguments(call, display, 1, value === 'given' ? 2 : Infinity, ['dtype', 'requires_grad', 'fill_value']);
		const shapeArgs = value === 'given' ? args.slice(0, 1) : args;
		const shape = shapeArguments(ctx, shapeArgs, call.span);
		const fillArg = value === 'given' ? optionalArgument(call, 'fill_value', 1) : undefined;
		if (value === 'given' && !fillArg) fail(msg`${display}() needs a fill value`, call.span);
		const fill = fillArg ? constantNumbers(ctx, argumentValue(ctx, fillArg), msg`the fill value`, argumentSpan(fillArg))[0]! : (value as number);
		return numericData(ctx, new Float64Array(sizeOf(shape)).fill(fill), shape);
	};
}

/** `zeros_like`, `ones_like`: the shape of the argument. */
function filledLike(fill: number): BuiltinImpl {
	return (ctx, call, display) => {
		const [arg] = expectArguments(call, display, 1, 1, ['dtype', 'requires_grad']);
		const shape = arrayArgument(ctx, arg!, msg`the argument of ${display}`).shape;
		return numericData(ctx, new Float64Array(sizeOf(shape)).fill(fill), shape);
	};
}

const arange: BuiltinImpl = (ctx, call, display) => {
	const args = expectArguments(call, display, 1, 3, ['dtype', 'requires_grad']);
	const n = args.map((a) => constantNumbers(ctx, argumentValue(ctx, a), msg`the arguments of ${display}`, argumentSpan(a))[0]!);
	const [start, stop, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? 1];
	if (step === 0) fail(msg`${display}() step cannot be zero`, call.span);
	const count = checkedShape([Math.max(0, Math.ceil((stop - start) / step))], call.span)[0]!;
	return numericData(ctx, Float64Array.from({ length: count }, (_, i) => start + i * step), [count]);
};

const linspace: BuiltinImpl = (ctx, call, display) => {
	const args = expectArguments(call, display, 2, 3, ['num', 'endpoint', 'dtype', 'steps']);
	const value = (a: (typeof args)[number]) => constantNumbers(ctx, argumentValue(ctx, a), msg`the arguments of ${display}`, argumentSpan(a))[0]!;
	const countArg = optionalArgument(call, 'num', 2) ?? optionalArgument(call, 'steps', 2);
	const [start, stop] = [value(args[0]!), value(args[1]!)];
	const count = checkedShape([countArg ? value(countArg) : 50], call.span)[0]!;
	const step = count > 1 ? (stop - start) / (count - 1) : 0;
	return numericData(ctx, Float64Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + i * step)), [count]);
};

const eye: BuiltinImpl = (ctx, call, display) => {
	const args = expectArguments(call, display, 1, 2, ['dtype']);
	const [n, m = n] = args.map((a) => constantNumbers(ctx, argumentValue(ctx, a), msg`the size`, argumentSpan(a))[0]!) as [number, number?];
	checkedShape([n, m!], call.span);
	const values = Float64Array.from({ length: n * m! }, (_, k) => (Math.floor(k / m!) === k % m! ? 1 : 0));
	return numericData(ctx, values, [n, m!]);
};

/** `np.sum(a, axis=None, keepdims=False)` and friends; a comprehension argument is reduced in place. */
export function axisReduction(kind: AxisReduction): BuiltinImpl {
	return (ctx, call, display) => {
		const args = expectArguments(call, display, 1, 2, ['axis', 'keepdims', 'dim', 'keepdim', 'dtype']);
		const arg = args[0]!;
		const simple = kind !== 'prod' && call.keywords.length === 0 && args.length === 1;
		if (simple && 'expr' in arg && arg.expr.kind === 'comprehension') return scalar(reduceArgument(ctx, arg, kind, display));
		const input = arrayArgument(ctx, arg, msg`the argument of ${display}`);
		return fromNdArray(reduceAxes(ctx, input, kind, axisArgument(ctx, call, 1), keepdimsArgument(ctx, call), call.span), call.span);
	};
}

/** A function of two arrays. */
export function binaryArrays(f: (ctx: PythonContext, a: NdArray, b: NdArray, span: Invocation['span']) => NdArray): BuiltinImpl {
	return (ctx, call, display) => {
		const [a, b] = expectArguments(call, display, 2, 2);
		const x = arrayArgument(ctx, a!, msg`the first argument of ${display}`);
		const y = arrayArgument(ctx, b!, msg`the second argument of ${display}`);
		return fromNdArray(f(ctx, x, y, call.span), call.span);
	};
}

/** `concatenate(arrays, axis=0)` or `stack(arrays, axis=0)`. */
function join(kind: 'concatenate' | 'stack'): BuiltinImpl {
	return (ctx, call, display) => {
		const [list] = expectArguments(call, display, 1, 2, ['axis', 'dim']);
		const value = argumentValue(ctx, list!);
		if (value.kind !== 'vector') return fail(msg`${display}() takes a list or tuple of arrays`, argumentSpan(list!));
		const parts = Array.from({ length: value.length }, (_, i) => {
			const item = value.element(ctx.builder.constant(i), call.span);
			return toNdArray(ctx, item, msg`an array`, call.span);
		});
		const axis = axisArgument(ctx, call, 1)?.[0] ?? 0;
		const joined = kind === 'concatenate' ? concatenateArrays(ctx, parts, axis, call.span) : stackArrays(ctx, parts, axis, call.span);
		return fromNdArray(joined, call.span);
	};
}

const where: BuiltinImpl = (ctx, call, display) => {
	const [c, x, y] = expectArguments(call, display, 3, 3);
	const arrays = [c!, x!, y!].map((a) => arrayArgument(ctx, a, msg`an argument of ${display}`)) as [NdArray, NdArray, NdArray];
	return fromNdArray(whereArrays(ctx, ...arrays, call.span), call.span);
};

/** `np.linalg.norm(x)` (the 2-norm of all elements) with `axis` and `keepdims`. */
const norm: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 1, 2, ['axis', 'keepdims', 'ord']);
	if (call.keywords.some((k) => k.name === 'ord')) fail(msg`${display}() supports only the default 2-norm`, call.span);
	const b = ctx.builder;
	const x = arrayArgument(ctx, arg!, msg`the argument of ${display}`);
	const squares = elementwise(ctx, [x], ([v]) => b.mul(v!, v!), call.span);
	const total = reduceAxes(ctx, squares, 'sum', axisArgument(ctx, call, 1), keepdimsArgument(ctx, call), call.span);
	return fromNdArray(elementwise(ctx, [total], ([v]) => b.op('sqrt', v!), call.span), call.span);
};

/**
 * `log(e^x + e^y)` as `x + log1p(e^(y - x))` where x > y, else `y + log1p(e^(x - y))`: stable for large arguments,
 * with the derivative σ(x - y) at x = y too (`max + log1p(e^-|x - y|)` gave a tie's whole derivative to x). The
 * unused branch's exponent is capped at 0, so neither branch overflows and its zero adjoint stays zero.
 */
export function logAddExpNode(b: GraphBuilder, x: Node, y: Node): Node {
	const over = (high: Node, low: Node) => b.add(high, b.op('log1p', b.op('exp', b.op('min', b.sub(low, high), b.constant(0)))));
	return b.select(b.op('gt', x, y), over(x, y), over(y, x));
}

/** numpy's `logaddexp(x, y)`, element-wise. */
const logaddexp: BuiltinImpl = ufunc((ctx, call, display) => {
	const [x, y] = expectArguments(call, display, 2, 2).map((a) => expectScalar(argumentValue(ctx, a), msg`an argument of ${display}`, argumentSpan(a))) as [Node, Node];
	return scalar(logAddExpNode(ctx.builder, x, y));
});

/** A function of numbers applied element-wise with broadcasting when any argument is an array. */
export function ufunc(impl: BuiltinImpl): BuiltinImpl {
	return (ctx, call, display) => {
		const values = call.args.map((a) => argumentValue(ctx, a));
		const asValues = (vs: readonly Value[]): Invocation => ({ args: vs.map((value, i) => ({ value, span: argumentSpan(call.args[i]!) })), keywords: call.keywords, span: call.span });
		if (!values.some((v) => v.kind === 'vector')) return impl(ctx, asValues(values), display);
		const arrays = values.map((v, i) => toNdArray(ctx, v, msg`an argument of ${display}`, argumentSpan(call.args[i]!)));
		const result = elementwise(ctx, arrays, (nodes) => {
			const out = impl(ctx, asValues(nodes.map((n) => scalar(n))), display);
			return expectScalar(out, msg`the result of ${display}`, call.span);
		}, call.span);
		return fromNdArray(result, call.span);
	};
}

/** `np.dot`: matmul for operands of rank ≤ 2; numpy's dot of higher ranks is not matmul (it pairs every stack), so it is refused. */
const numpyDot = binaryArrays((ctx, a, b, span) => {
	if (a.shape.length > 2 || b.shape.length > 2) fail(msg`dot of an array with more than 2 dimensions is not supported (numpy's dot is not matmul there); use matmul or @`, span);
	return dot(ctx, a, b, span);
});

const random = msg`random numbers are not supported in a loss: Downhill cannot reproduce numpy's generator; write the numbers out (np.array([...])) or pass a start point`;

/** numpy's array functions by name, added to the scalar functions of `pythonNamespaces.ts`. */
export const numpyArrayFunctions: ReadonlyMap<string, BuiltinImpl> = new Map<string, BuiltinImpl>([
	['array', array], ['asarray', array], ['asanyarray', array],
	['zeros', filled(0)], ['ones', filled(1)], ['empty', filled(0)], ['full', filled('given')],
	['zeros_like', filledLike(0)], ['ones_like', filledLike(1)],
	['arange', arange], ['linspace', linspace], ['eye', eye], ['identity', eye],
	['sum', axisReduction('sum')], ['mean', axisReduction('mean')], ['prod', axisReduction('prod')],
	['max', axisReduction('max')], ['amax', axisReduction('max')], ['min', axisReduction('min')], ['amin', axisReduction('min')],
	['dot', numpyDot], ['matmul', binaryArrays(matmul)], ['outer', binaryArrays(outer)],
	['concatenate', join('concatenate')], ['stack', join('stack')], ['where', where],
	['logaddexp', logaddexp],
]);

/** `np.linalg`'s functions. */
export const numpyLinalg: ReadonlyMap<string, BuiltinImpl> = new Map([['norm', norm]]);

/** `np.random`'s functions: all refused with `random`. */
export const randomMessage = random;
