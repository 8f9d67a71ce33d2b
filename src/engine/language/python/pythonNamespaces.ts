/**
 * The modules a loss may import and what it may use from them: `math`'s functions and constants, numpy's scalar
 * functions under their numpy names (`np.arcsin`, `np.square`, `np.maximum`, `np.clip`, `np.where`), numpy's
 * reductions over a list or a generator (`np.sum`, `np.mean`, `np.max`, `np.min`, `np.dot`) and `np.linalg.norm`.
 * numpy arrays themselves (`np.array`, `np.zeros`, element-wise arithmetic) are not supported: a loss uses lists.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail } from '../lowering/context';
import { sumVector } from '../lowering/loops';
import { expectScalar, expectVector, scalar, type Value } from '../lowering/values';
import { mappedVector } from '../lowering/vectors';
import { expectArguments, numeric, refused, shared, type BuiltinImpl } from './builtinKit';
import { argumentSpan, argumentValue, pythonFunction, vectorArgument } from './callables';
import type { PythonContext } from './pythonContext';
import { reduction } from './pythonBuiltins';
import { roundHalfEven } from './pythonOperators';
import { reduceArgument, type Reduction } from './reductions';
import { msg } from '../../message';

type Member =
	| { readonly kind: 'constant'; readonly value: number }
	| { readonly kind: 'function'; readonly impl: BuiltinImpl };

const fn = (impl: BuiltinImpl): Member => ({ kind: 'function', impl });
const constant = (value: number): Member => ({ kind: 'constant', value });

const commonNames = ['sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'exp', 'expm1', 'log1p', 'log2', 'log10', 'sqrt',
	'floor', 'ceil', 'trunc'];
const inverseNames = ['asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh', 'atan2', 'hypot'];
const toDegrees = numeric(1, (b, [x]) => b.mul(x!, b.constant(180 / Math.PI)));
const toRadians = numeric(1, (b, [x]) => b.mul(x!, b.constant(Math.PI / 180)));
const power = numeric(2, (b, [x, y]) => b.pow(x!, y!));
const constants = { pi: constant(Math.PI), e: constant(Math.E), inf: constant(Infinity), nan: constant(Number.NaN) };

const math: Readonly<Record<string, Member>> = {
	...Object.fromEntries(commonNames.map((name) => [name, fn(shared(name))])),
	...Object.fromEntries(inverseNames.map((name) => [name, fn(shared(name))])),
	fabs: fn(shared('abs')),
	pow: fn(power),
	log: fn(numeric(1, (b, [x, base]) => (base ? b.div(b.op('log', x!), b.op('log', base)) : b.op('log', x!)), 2)),
	degrees: fn(toDegrees),
	radians: fn(toRadians),
	fsum: fn(reduction('sum')),
	...constants,
	tau: constant(2 * Math.PI),
};

/** numpy's reductions take one list or generator (no `axis`). */
function numpyReduction(kind: Reduction): BuiltinImpl {
	return (ctx, call, display) => {
		const [arg] = expectArguments(call, display, 1, 1);
		return scalar(reduceArgument(ctx, arg!, kind, display));
	};
}

/** `np.dot(u, v)`: the sum of products of two lists of one length (or the product of two numbers). */
const dot: BuiltinImpl = (ctx, call, display) => {
	const b = ctx.builder;
	const [u, v] = expectArguments(call, display, 2, 2);
	const [x, y] = [argumentValue(ctx, u!), argumentValue(ctx, v!)];
	if (x.kind === 'scalar' && y.kind === 'scalar') return scalar(b.mul(x.node, y.node));
	const a = expectVector(x, msg`the first argument of dot`, argumentSpan(u!));
	const c = expectVector(y, msg`the second argument of dot`, argumentSpan(v!));
	if (a.length !== c.length) fail(msg`${display}() of lists of lengths ${a.length} and ${c.length}`, call.span);
	const products = mappedVector(a, (x, index, span) => {
		const y = c.element(index, span);
		const p = expectScalar(x, msg`an element of ${a.label}`, span);
		return scalar(b.mul(p, expectScalar(y, msg`an element of ${c.label}`, span)));
	});
	return scalar(sumVector(ctx, products, call.span));
};

const norm: BuiltinImpl = (ctx, call, display) => {
	const b = ctx.builder;
	const [arg] = expectArguments(call, display, 1, 1);
	const vector = vectorArgument(ctx, arg!, msg`the argument of norm`);
	const squares = mappedVector(vector, (x, _i, span) => {
		const node: Node = expectScalar(x, msg`an element of ${vector.label}`, span);
		return scalar(b.mul(node, node));
	});
	return scalar(b.op('sqrt', sumVector(ctx, squares, call.span)));
};

const arrayMakers = ['array', 'asarray', 'zeros', 'ones', 'linspace', 'arange', 'full', 'empty', 'matmul', 'outer'];
const arrayMessage = msg`numpy arrays are not supported in a loss; use lists, loops and sum(...)`;

const numpy: Readonly<Record<string, Member>> = {
	...Object.fromEntries(commonNames.map((name) => [name, fn(shared(name))])),
	...Object.fromEntries(['sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh'].map((n) => [`arc${n}`, fn(shared(`a${n}`))])),
	log: fn(shared('log')),
	cbrt: fn(shared('cbrt')),
	sign: fn(shared('sign')),
	abs: fn(shared('abs')),
	absolute: fn(shared('abs')),
	fabs: fn(shared('abs')),
	arctan2: fn(shared('atan2')),
	hypot: fn(numeric(2, (b, [x, y]) => b.hypot(x!, y!))),
	square: fn(numeric(1, (b, [x]) => b.mul(x!, x!))),
	power: fn(power),
	exp2: fn(numeric(1, (b, [x]) => b.pow(b.constant(2), x!))),
	maximum: fn(numeric(2, (b, [x, y]) => b.op('max', x!, y!))),
	minimum: fn(numeric(2, (b, [x, y]) => b.op('min', x!, y!))),
	fmax: fn(numeric(2, (b, [x, y]) => b.op('max', x!, y!))),
	fmin: fn(numeric(2, (b, [x, y]) => b.op('min', x!, y!))),
	clip: fn(numeric(3, (b, [x, lo, hi]) => b.op('min', b.op('max', x!, lo!), hi!))),
	where: fn(numeric(3, (b, [c, x, y]) => b.select(c!, x!, y!))),
	round: fn(numeric(1, (b, [x]) => roundHalfEven(b, x!))),
	rint: fn(numeric(1, (b, [x]) => roundHalfEven(b, x!))),
	degrees: fn(toDegrees), rad2deg: fn(toDegrees), radians: fn(toRadians), deg2rad: fn(toRadians),
	float64: fn(numeric(1, (_b, [x]) => x!)),
	sum: fn(numpyReduction('sum')),
	mean: fn(numpyReduction('mean')),
	max: fn(numpyReduction('max')), amax: fn(numpyReduction('max')),
	min: fn(numpyReduction('min')), amin: fn(numpyReduction('min')),
	dot: fn(dot),
	...Object.fromEntries(arrayMakers.map((name) => [name, fn(refused(arrayMessage))])),
	...constants,
};

const modules: Readonly<Record<string, Readonly<Record<string, Member>>>> = {
	math,
	numpy,
	'numpy.linalg': { norm: fn(norm) },
};

/** True for the modules a loss may import: math, numpy and numpy.linalg. */
export function isKnownModule(path: string): boolean {
	return Object.hasOwn(modules, path);
}

/** The names `from module import *` binds. */
export function moduleExports(path: string): string[] {
	return Object.keys(modules[path] ?? {});
}

/** `path` (`numpy.sin`) as a value, shown to the user as `display` (`np.sin`). */
export function namespaceMember(ctx: PythonContext, path: string, display: string, span: SourceSpan): Value {
	const dot = path.lastIndexOf('.');
	const [module, name] = [path.slice(0, dot), path.slice(dot + 1)];
	const table = modules[module];
	const member = table && Object.hasOwn(table, name) ? table[name] : undefined;
	if (!member) {
		if (module.startsWith('numpy')) {
			return fail(msg`'${display}' is not supported in a loss: only numpy's scalar functions and np.sum, np.mean, np.dot`, span);
		}
		return fail(msg`'${display}' is not supported in a loss`, span);
	}
	if (member.kind === 'constant') return scalar(ctx.builder.constant(member.value));
	return pythonFunction(display, (call) => member.impl(ctx, call, display));
}
