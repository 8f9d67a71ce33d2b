/**
 * Attributes and methods of numpy arrays and torch tensors: `.T`, `.mT`, `.shape`, `.ndim`, `.size` (torch's `.size(d)` when
 * called in a file that imports torch; numpy's `.size()` raises), `.dim()`, reductions
 * (`.sum(axis=)`, `.mean(dim=)`, `.max()`, ...), `.reshape` / `.view` / `.flatten`, `.transpose`, `.dot`, `.clip` /
 * `.clamp`, `.pow`, the element-wise functions (`.exp()`, `.sigmoid()`, ...), and `.item()` / `.numpy()` /
 * `.tolist()`, which return the array itself. A method is a function value bound to its array.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import { fromNdArray, normalizeAxis, sizeOf, toNdArray, type NdArray } from '../lowering/ndArray';
import { resolveShape, reshapeArray, transposeArray } from '../lowering/reshape';
import type { Value, VectorValue } from '../lowering/values';
import { constantNumbers } from './arrayArguments';
import type { BuiltinImpl } from './builtinKit';
import { argumentSpan, argumentValue, pythonFunction, type Invocation } from './callables';
import { numericData } from './numpyModule';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** The functions of `np`/`torch` a method forwards to, with the array as first argument. */
export type ModuleFunction = (name: string) => BuiltinImpl | undefined;

const forwarded = new Map([
	['sum', 'sum'], ['mean', 'mean'], ['prod', 'prod'], ['max', 'amax'], ['min', 'amin'], ['amax', 'amax'], ['amin', 'amin'],
	['dot', 'dot'], ['matmul', 'matmul'], ['clip', 'clip'], ['clamp', 'clamp'], ['pow', 'power'], ['exp', 'exp'], ['log', 'log'],
	['sqrt', 'sqrt'], ['abs', 'abs'], ['tanh', 'tanh'], ['sigmoid', 'sigmoid'], ['relu', 'relu'], ['square', 'square'],
	['softmax', 'softmax'], ['log_softmax', 'log_softmax'], ['logsumexp', 'logsumexp'], ['log1p', 'log1p'], ['sin', 'sin'], ['cos', 'cos'],
]);

/** `array.name`: a property value, or a method bound to the array. */
export function arrayAttribute(ctx: PythonContext, array: VectorValue, name: string, lookup: ModuleFunction, span: SourceSpan, called = false): Value {
	const nd = () => toNdArray(ctx, array, array.label, span);
	switch (name) {
		case 'T':
			return fromNdArray(transposeArray(nd(), undefined, span), span);
		case 'mT':
			return fromNdArray(transposeArray(nd(), lastTwoSwapped(nd().shape.length, span), span), span);
		case 'shape':
			return shapeTuple(ctx, nd().shape);
		case 'ndim':
			return numericScalar(ctx, nd().shape.length);
		case 'size':
			if (!called) return numericScalar(ctx, sizeOf(nd().shape));
			if (!ctx.module.imports('torch')) fail(msg`'int' object is not callable: numpy's .size is the number of elements; write .size or .shape[d]`, span);
			return pythonFunction('.size', (call) => torchSize(ctx, nd().shape, call));
		case 'values':
			return array;
		default:
			break;
	}
	const method = methods.get(name);
	if (method) return pythonFunction(`.${name}`, (call) => method(ctx, nd(), call, span));
	const target = forwarded.get(name);
	const impl = target === undefined ? undefined : lookup(target);
	if (impl) {
		return pythonFunction(`.${name}`, (call) => impl(ctx, { ...call, args: [{ value: array, span }, ...call.args] }, `.${name}`));
	}
	return fail(msg`arrays in a loss have no method or attribute '.${name}' (see the README for the supported ones)`, span);
}

type Method = (ctx: PythonContext, array: NdArray, call: Invocation, span: SourceSpan) => Value;

function integers(ctx: PythonContext, call: Invocation): number[] {
	return call.args.flatMap((a) => constantNumbers(ctx, argumentValue(ctx, a), msg`the shape`, argumentSpan(a)));
}

const methods = new Map<string, Method>([
	['reshape', (ctx, a, call) => fromNdArray(reshapeArray(ctx.builder, a, resolveShape(sizeOf(a.shape), integers(ctx, call), call.span), call.span), call.span)],
	['view', (ctx, a, call) => fromNdArray(reshapeArray(ctx.builder, a, resolveShape(sizeOf(a.shape), integers(ctx, call), call.span), call.span), call.span)],
	['flatten', (ctx, a, call) => fromNdArray(reshapeArray(ctx.builder, a, [sizeOf(a.shape)], call.span), call.span)],
	['ravel', (ctx, a, call) => fromNdArray(reshapeArray(ctx.builder, a, [sizeOf(a.shape)], call.span), call.span)],
	['transpose', (ctx, a, call) => fromNdArray(transposeArray(a, swapOrPermute(ctx, a, integers(ctx, call), call.span), call.span), call.span)],
	['t', (_ctx, a, call) => fromNdArray(transposeArray(a, undefined, call.span), call.span)],
	['unsqueeze', (ctx, a, call) => {
		const [dim = 0] = integers(ctx, call);
		const at = dim < 0 ? dim + a.shape.length + 1 : dim;
		return fromNdArray(reshapeArray(ctx.builder, a, [...a.shape.slice(0, at), 1, ...a.shape.slice(at)], call.span), call.span);
	}],
	['dim', (ctx, a, call) => {
		if (call.args.length > 0 || call.keywords.length > 0) fail(msg`${'.dim'}() takes no arguments`, call.span);
		return numericScalar(ctx, a.shape.length);
	}],
	['squeeze', (ctx, a, call) => fromNdArray(reshapeArray(ctx.builder, a, a.shape.filter((n) => n !== 1), call.span), call.span)],
	['item', (_ctx, a, call) => {
		if (sizeOf(a.shape) !== 1) fail(msg`can only convert an array of size 1 to a Python scalar`, call.span);
		return fromNdArray(reshapeArray(_ctx.builder, a, [], call.span), call.span);
	}],
	...(['numpy', 'to_numpy', 'tolist', 'copy', 'clone', 'float', 'double'] as const).map((name): [string, Method] => [name, (_ctx, a, call) => fromNdArray(a, call.span)]),
	...(['detach', 'backward', 'requires_grad_', 'zero_'] as const).map((name): [string, Method] => [name, (_ctx, _a, call) => fail(detachMessage(name), call.span)]),
]);

function detachMessage(name: string) {
	return name === 'detach'
		? msg`.detach() stops the gradient, which a loss in Downhill cannot do; leave it out`
		: msg`.${name}() runs PyTorch's training machinery; Downhill computes the gradient itself: return the loss instead`;
}

/**
 * torch's `transpose(d0, d1)` swaps two axes; numpy's `transpose(axes)` gives the whole order. They differ only on a
 * matrix given (0, 1): numpy's identity, torch's swap, chosen by the file's imports and refused when it has both.
 */
function swapOrPermute(ctx: PythonContext, a: NdArray, axes: readonly number[], span: SourceSpan): number[] | undefined {
	if (axes.length === 0) return undefined;
	const rank = a.shape.length;
	const pair = axes.map((x) => (x < 0 ? x + rank : x));
	if (axes.length !== 2 || (rank === 2 && !swapsMatrix(ctx, pair, span))) return [...axes];
	const order = a.shape.map((_, i) => i);
	const [i, j] = pair as [number, number];
	[order[i], order[j]] = [order[j]!, order[i]!];
	return order;
}

/** Whether `.transpose(i, j)` of a matrix reads as torch's swap rather than numpy's order of axes. */
function swapsMatrix(ctx: PythonContext, pair: readonly number[], span: SourceSpan): boolean {
	if (pair[0] !== 0 || pair[1] !== 1) return true;
	const [numpy, torch] = [ctx.module.imports('numpy') || ctx.module.imports('pandas'), ctx.module.imports('torch')];
	if (numpy && torch) fail(msg`.transpose(0, 1) keeps a matrix in numpy and swaps its axes in torch; write .T`, span);
	return torch;
}

/** `.mT`: the last two axes swapped, the batch axes kept (https://pytorch.org/docs/stable/tensors.html#torch.Tensor.mT). */
function lastTwoSwapped(rank: number, span: SourceSpan): number[] {
	if (rank < 2) fail(msg`.mT is only supported on matrices or batches of matrices; got a ${rank}-D array`, span);
	const order = Array.from({ length: rank }, (_, i) => i);
	[order[rank - 2], order[rank - 1]] = [rank - 1, rank - 2];
	return order;
}

/** torch's `x.size()` (the shape) and `x.size(d)` / `x.size(dim=d)` (one axis's length, negative counted from the end). */
function torchSize(ctx: PythonContext, shape: readonly number[], call: Invocation): Value {
	const unknown = call.keywords.find((k) => k.name !== 'dim');
	if (unknown) fail(msg`${'.size'}() got an unexpected keyword argument '${unknown.name}'`, unknown.span);
	const given = [...call.args, ...call.keywords.map((k) => k.arg)];
	if (given.length > 1) fail(msg`.size() takes at most one argument`, call.span);
	if (given[0] === undefined) return shapeTuple(ctx, shape);
	const span = argumentSpan(given[0]);
	const dims = constantNumbers(ctx, argumentValue(ctx, given[0]), msg`the axis`, span);
	if (dims.length !== 1) fail(msg`.size() takes at most one argument`, span);
	return numericScalar(ctx, shape[normalizeAxis(dims[0]!, shape.length, span)]!);
}

function shapeTuple(ctx: PythonContext, shape: readonly number[]): Value {
	const value = numericData(ctx, Float64Array.from(shape), [shape.length]);
	return value.kind === 'vector' ? { ...value, numeric: false, label: msg`a shape` } : value;
}

function numericScalar(ctx: PythonContext, n: number): Value {
	return { kind: 'scalar', node: ctx.builder.constant(n) };
}

/** torch's methods on a number (a 0-d tensor): `.item()` is the number; training calls are errors. */
export function scalarAttribute(value: Value, name: string, span: SourceSpan): Value | undefined {
	if (name === 'item') return pythonFunction('.item', () => value);
	if (name === 'detach' || name === 'backward' || name === 'requires_grad_' || name === 'zero_') return fail(detachMessage(name), span);
	return undefined;
}
