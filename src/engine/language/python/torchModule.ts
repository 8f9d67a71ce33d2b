/**
 * torch's functional subset as a loss written for PyTorch reads (`import torch`, `import torch.nn.functional as F`):
 * `torch.tensor` and the creation functions, the element-wise functions under torch's names (`sigmoid`, `relu`,
 * `clamp`), reductions with `dim` / `keepdim`, `softmax` / `log_softmax` / `logsumexp`, products, and
 * `torch.nn.functional`'s losses with PyTorch's default reduction `'mean'`
 * (https://pytorch.org/docs/stable/nn.functional.html). Tensors are the same lazy arrays as numpy's.
 */
import type { Node } from '../../graph/node';
import { elementwise } from '../lowering/broadcast';
import { fail } from '../lowering/context';
import { dot, matmul, outer } from '../lowering/matmul';
import { fromNdArray, type NdArray } from '../lowering/ndArray';
import { reduceAxes } from '../lowering/reduceAxes';
import { expectScalar, scalar } from '../lowering/values';
import { arrayArgument, axisArgument, keepdimsArgument } from './arrayArguments';
import { expectArguments, optionalArgument, shared, type BuiltinImpl } from './builtinKit';
import { argumentSpan, argumentValue, type Argument, type Invocation } from './callables';
import { indexByClasses } from './classIndices';
import { axisReduction, binaryArrays, logAddExpNode, numpyArrayFunctions, ufunc } from './numpyModule';
import type { PythonContext } from './pythonContext';
import { logSoftmax, logSumExp, softmax } from './softmax';
import { msg } from '../../message';
import type { GraphBuilder } from '../../graph/graphBuilder';

const scalarFn = (arity: number, f: (b: GraphBuilder, x: Node[]) => Node, most = arity): BuiltinImpl => ufunc((ctx, call, display) => {
	const args = expectArguments(call, display, arity, most, ['min', 'max']);
	const nodes = args.map((a) => expectScalar(argumentValue(ctx, a), msg`an argument of ${display}`, argumentSpan(a)));
	return scalar(f(ctx.builder, nodes));
});

export const sigmoid = scalarFn(1, (b, [x]) => b.div(b.constant(1), b.add(b.constant(1), b.op('exp', b.neg(x!)))));
/** `max(0, x)`: a tie goes to the first argument, so relu'(0) = 0 as in PyTorch. */
export const relu = scalarFn(1, (b, [x]) => b.op('max', b.constant(0), x!));
/** torch's softplus with beta = 1 and threshold = 20: `x` above the threshold. */
export const softplus = scalarFn(1, (b, [x]) => b.select(b.op('gt', x!, b.constant(20)), x!, b.op('log1p', b.op('exp', x!))));

/** `torch.clamp(x, min=None, max=None)`. */
const clamp: BuiltinImpl = (ctx, call, display) => {
	const [x] = expectArguments(call, display, 1, 3, ['min', 'max']);
	const lo = optionalArgument(call, 'min', 1);
	const hi = optionalArgument(call, 'max', 2);
	let result = arrayArgument(ctx, x!, msg`the argument of ${display}`);
	const b = ctx.builder;
	if (lo) result = elementwise(ctx, [result, arrayArgument(ctx, lo, 'min')], ([v, m]) => b.op('max', v!, m!), call.span);
	if (hi) result = elementwise(ctx, [result, arrayArgument(ctx, hi, 'max')], ([v, m]) => b.op('min', v!, m!), call.span);
	return fromNdArray(result, call.span);
};

/** `softmax(x, dim)`, `log_softmax(x, dim)`, `logsumexp(x, dim, keepdim=False)`. */
function alongDim(f: typeof softmax, keep: boolean): BuiltinImpl {
	return (ctx, call, display) => {
		const [x] = expectArguments(call, display, 1, 3, ['dim', 'axis', 'keepdim', 'dtype']);
		const input = arrayArgument(ctx, x!, msg`the argument of ${display}`);
		const dim = axisArgument(ctx, call, 1)?.[0];
		if (dim === undefined && input.shape.length > 1) fail(msg`${display}() needs dim= for a tensor of more than one dimension`, call.span);
		const result = f(ctx, input, dim, call.span);
		if (keep || keepdimsArgument(ctx, call, 2)) return fromNdArray(result, call.span);
		return fromNdArray(reduceAxes(ctx, result, 'sum', dim === undefined ? undefined : [dim], false, call.span), call.span);
	};
}

/** `torch.max(x)`: only the whole-tensor form, since `torch.max(x, dim)` returns values and indices. */
function wholeOnly(kind: 'max' | 'min'): BuiltinImpl {
	const reduce = axisReduction(kind);
	return (ctx, call, display) => {
		if (call.args.length > 1 || call.keywords.length > 0) {
			fail(msg`${display}(x, dim) returns values and indices; use torch.a${kind}(x, dim=...) for the values`, call.span);
		}
		return reduce(ctx, call, display);
	};
}

/** The string a keyword such as `reduction='sum'` gives, or `otherwise`. */
function stringKeyword(call: Invocation, name: string, otherwise: string): string {
	const k = call.keywords.find((kw) => kw.name === name);
	if (!k) return otherwise;
	const arg: Argument = k.arg;
	if (!('expr' in arg) || arg.expr.kind !== 'string' || arg.expr.value === undefined) fail(msg`${name} must be a string`, k.span);
	return (arg as { expr: { value: string } }).expr.value;
}

/** Applies PyTorch's `reduction` ('mean', 'sum' or 'none') to per-element losses. */
function reduced(ctx: PythonContext, call: Invocation, losses: NdArray) {
	const reduction = stringKeyword(call, 'reduction', 'mean');
	if (reduction === 'none') return fromNdArray(losses, call.span);
	if (reduction !== 'mean' && reduction !== 'sum') fail(msg`${reduction} is not a valid value for reduction`, call.span);
	return fromNdArray(reduceAxes(ctx, losses, reduction, undefined, false, call.span), call.span);
}

/** A loss of (input, target) element by element, then reduced. */
function pointwiseLoss(f: (b: GraphBuilder, x: Node, y: Node, call: Invocation, ctx: PythonContext) => Node, extra: readonly string[] = []): BuiltinImpl {
	return (ctx, call, display) => {
		const [x, y] = expectArguments(call, display, 2, 2, ['reduction', 'weight', ...extra]);
		if (call.keywords.some((k) => k.name === 'weight')) fail(msg`${display}(weight=...) is not supported in a loss`, call.span);
		const input = arrayArgument(ctx, x!, msg`the input of ${display}`);
		const target = arrayArgument(ctx, y!, msg`the target of ${display}`);
		const losses = elementwise(ctx, [input, target], ([u, v]) => f(ctx.builder, u!, v!, call, ctx), call.span);
		return reduced(ctx, call, losses);
	};
}

function numberKeyword(ctx: PythonContext, call: Invocation, name: string, otherwise: number): number {
	const arg = optionalArgument(call, name, -1);
	if (!arg) return otherwise;
	const node = expectScalar(argumentValue(ctx, arg), name, argumentSpan(arg));
	return node.kind === 'const' ? node.value : fail(msg`${name} must be known before the loss runs`, argumentSpan(arg));
}

/** torch clamps each log in binary cross-entropy at -100. */
const clampedLog = (b: GraphBuilder, v: Node) => b.op('max', b.op('log', v), b.constant(-100));

const mseLoss = pointwiseLoss((b, x, y) => b.pow(b.sub(x, y), b.constant(2)));
const l1Loss = pointwiseLoss((b, x, y) => b.op('abs', b.sub(x, y)));
const smoothL1Loss = pointwiseLoss((b, x, y, call, ctx) => {
	const beta = numberKeyword(ctx, call, 'beta', 1);
	const d = b.op('abs', b.sub(x, y));
	return b.select(b.op('lt', d, b.constant(beta)), b.div(b.mul(b.constant(0.5), b.mul(d, d)), b.constant(beta)), b.sub(d, b.constant(0.5 * beta)));
}, ['beta']);
const huberLoss = pointwiseLoss((b, x, y, call, ctx) => {
	const delta = numberKeyword(ctx, call, 'delta', 1);
	const d = b.op('abs', b.sub(x, y));
	return b.select(b.op('lt', d, b.constant(delta)), b.mul(b.constant(0.5), b.mul(d, d)), b.mul(b.constant(delta), b.sub(d, b.constant(0.5 * delta))));
}, ['delta']);
const bce = pointwiseLoss((b, p, t) => b.neg(b.add(b.mul(t, clampedLog(b, p)), b.mul(b.sub(b.constant(1), t), clampedLog(b, b.sub(b.constant(1), p))))));
/** `log(1 + e^x) - x t` in a stable form whose derivative is σ(x) - t at x = 0 too (logits of zero weights). */
const bceWithLogits = pointwiseLoss((b, x, t) => b.sub(logAddExpNode(b, x, b.constant(0)), b.mul(x, t)), ['pos_weight']);

/** `F.cross_entropy(logits (N, C) or (C,), classes (N,) or a number)`: mean of `-log_softmax(logits)[n, y[n]]`. */
const crossEntropy: BuiltinImpl = (ctx, call, display) => {
	const [x, y] = expectArguments(call, display, 2, 2, ['reduction']);
	const logits = arrayArgument(ctx, x!, msg`the input of ${display}`);
	if (logits.shape.length === 0 || logits.shape.length > 2) fail(msg`${display}() takes logits of shape (N, C) or (C,)`, call.span);
	const logp = logSoftmax(ctx, logits, logits.shape.length - 1, call.span);
	const picked = indexByClasses(ctx, logp, y!, display, call.span);
	return reduced(ctx, call, elementwise(ctx, [picked], ([v]) => ctx.builder.neg(v!), call.span));
};

const functional: [string, BuiltinImpl][] = [
	['mse_loss', mseLoss], ['l1_loss', l1Loss], ['smooth_l1_loss', smoothL1Loss], ['huber_loss', huberLoss],
	['binary_cross_entropy', bce], ['binary_cross_entropy_with_logits', bceWithLogits], ['cross_entropy', crossEntropy],
	['relu', relu], ['softplus', softplus], ['sigmoid', sigmoid], ['tanh', ufunc(shared('tanh'))],
	['softmax', alongDim(softmax, true)], ['log_softmax', alongDim(logSoftmax, true)],
];

/**
 * torch's products check their operands' ranks as PyTorch does, in PyTorch's words: `dot` and `outer` take vectors,
 * `mm` matrices, `mv` a matrix and a vector (https://pytorch.org/docs/stable/torch.html#blas-and-lapack-operations).
 */
const torchDot = binaryArrays((ctx, a, b, span) => {
	const [m, n] = [a.shape.length, b.shape.length];
	if (m !== 1 || n !== 1) fail(msg`1D tensors expected, but got ${m}D and ${n}D tensors`, span);
	return dot(ctx, a, b, span);
});
const torchOuter = binaryArrays((ctx, a, b, span) => {
	if (a.shape.length !== 1) fail(msg`outer: Expected 1-D argument self, but got ${a.shape.length}-D`, span);
	if (b.shape.length !== 1) fail(msg`outer: Expected 1-D argument vec2, but got ${b.shape.length}-D`, span);
	return outer(ctx, a, b, span);
});
const torchMm = binaryArrays((ctx, a, b, span) => {
	if (a.shape.length !== 2) fail(msg`self must be a matrix`, span);
	if (b.shape.length !== 2) fail(msg`mat2 must be a matrix`, span);
	return matmul(ctx, a, b, span);
});
const torchMv = binaryArrays((ctx, a, b, span) => {
	if (a.shape.length !== 2 || b.shape.length !== 1) fail(msg`vector + matrix @ vector expected, got 1, ${a.shape.length}, ${b.shape.length}`, span);
	return matmul(ctx, a, b, span);
});

const tensor: BuiltinImpl = (ctx, call, display) => numpyArrayFunctions.get('array')!(ctx, call, display);

/** torch's functions by name, besides the scalar functions shared with numpy (`pythonNamespaces.ts`). */
export const torchFunctions: ReadonlyMap<string, BuiltinImpl> = new Map<string, BuiltinImpl>([
	['tensor', tensor], ['as_tensor', tensor], ['from_numpy', tensor],
	...(['zeros', 'ones', 'full', 'empty', 'zeros_like', 'ones_like', 'arange', 'linspace', 'eye', 'where', 'matmul',
		'sum', 'mean', 'prod', 'amax', 'amin', 'stack'] as const).map((name): [string, BuiltinImpl] => [name, numpyArrayFunctions.get(name)!]),
	['cat', numpyArrayFunctions.get('concatenate')!], ['concat', numpyArrayFunctions.get('concatenate')!],
	['mm', torchMm], ['mv', torchMv], ['dot', torchDot], ['outer', torchOuter],
	['max', wholeOnly('max')], ['min', wholeOnly('min')],
	['sigmoid', sigmoid], ['relu', relu], ['clamp', clamp], ['clip', clamp],
	['softmax', alongDim(softmax, true)], ['log_softmax', alongDim(logSoftmax, true)], ['logsumexp', alongDim(logSumExp, false)],
]);

/** `torch.nn.functional`'s functions by name. */
export const torchFunctional: ReadonlyMap<string, BuiltinImpl> = new Map(functional);
