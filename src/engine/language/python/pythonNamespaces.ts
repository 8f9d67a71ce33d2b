/**
 * The modules a loss may import and what it may use from them: `math`'s functions and constants; numpy's and
 * torch's scalar functions under their own names (`np.arcsin`, `np.square`, `torch.exp`), element-wise on arrays
 * with broadcasting; numpy's array functions (`numpyModule.ts`), torch's and `torch.nn.functional`'s
 * (`torchModule.ts`); the data-file readers of numpy, json and pandas (`dataLoaders.ts`). The random generators are
 * errors that ask for explicit numbers.
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import { scalar, type Value } from '../lowering/values';
import { numeric, refused, shared, type BuiltinImpl } from './builtinKit';
import { pythonFunction } from './callables';
import { jsonFunctions, numpyDataFunctions, pandasFunctions } from './dataLoaders';
import { numpyArrayFunctions, numpyLinalg, randomMessage, ufunc } from './numpyModule';
import type { PythonContext } from './pythonContext';
import { reduction } from './pythonBuiltins';
import { roundHalfEven } from './pythonOperators';
import { torchFunctional, torchFunctions } from './torchModule';
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

/** The scalar functions shared by numpy and torch, element-wise on arrays. */
const ufuncs: Readonly<Record<string, BuiltinImpl>> = {
	...Object.fromEntries(commonNames.map((name) => [name, shared(name)])),
	...Object.fromEntries(['sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh'].map((n) => [`arc${n}`, shared(`a${n}`)])),
	log: shared('log'),
	cbrt: shared('cbrt'),
	sign: shared('sign'),
	abs: shared('abs'),
	absolute: shared('abs'),
	fabs: shared('abs'),
	arctan2: shared('atan2'),
	hypot: numeric(2, (b, [x, y]) => b.hypot(x!, y!)),
	square: numeric(1, (b, [x]) => b.mul(x!, x!)),
	power: power,
	pow: power,
	exp2: numeric(1, (b, [x]) => b.pow(b.constant(2), x!)),
	maximum: numeric(2, (b, [x, y]) => b.op('max', x!, y!)),
	minimum: numeric(2, (b, [x, y]) => b.op('min', x!, y!)),
	fmax: numeric(2, (b, [x, y]) => b.op('max', x!, y!)),
	fmin: numeric(2, (b, [x, y]) => b.op('min', x!, y!)),
	clip: numeric(3, (b, [x, lo, hi]) => b.op('min', b.op('max', x!, lo!), hi!)),
	round: numeric(1, (b, [x]) => roundHalfEven(b, x!)),
	rint: numeric(1, (b, [x]) => roundHalfEven(b, x!)),
	degrees: toDegrees, rad2deg: toDegrees, radians: toRadians, deg2rad: toRadians,
	float64: numeric(1, (_b, [x]) => x!),
};

const elementwiseMembers = Object.fromEntries(Object.entries(ufuncs).map(([name, impl]) => [name, fn(ufunc(impl))]));
const tableOf = (functions: ReadonlyMap<string, BuiltinImpl>) => Object.fromEntries([...functions].map(([name, impl]) => [name, fn(impl)]));
const randomNames = ['rand', 'randn', 'randint', 'random', 'normal', 'uniform', 'seed', 'default_rng', 'choice', 'permutation', 'shuffle'];

const numpy: Readonly<Record<string, Member>> = {
	...elementwiseMembers,
	...tableOf(numpyArrayFunctions),
	...tableOf(numpyDataFunctions),
	newaxis: constant(Number.NaN),
	...constants,
};

const torch: Readonly<Record<string, Member>> = {
	...elementwiseMembers,
	...tableOf(torchFunctions),
	...Object.fromEntries(['randn', 'rand', 'randint', 'normal', 'manual_seed', 'randn_like', 'rand_like'].map((name) => [name, fn(refused(randomMessage))])),
	pi: constant(Math.PI),
};

const modules: Readonly<Record<string, Readonly<Record<string, Member>>>> = {
	math,
	numpy,
	'numpy.linalg': tableOf(numpyLinalg),
	'numpy.random': Object.fromEntries(randomNames.map((name) => [name, fn(refused(randomMessage))])),
	torch,
	'torch.nn': {},
	'torch.nn.functional': tableOf(torchFunctional),
	json: tableOf(jsonFunctions),
	pandas: tableOf(pandasFunctions),
};

/**
 * True for the modules a loss may import: math, numpy (with linalg and random), torch (with nn.functional), and json
 * and pandas for reading data files.
 */
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
		if (module.startsWith('numpy') || module.startsWith('torch')) {
			return fail(msg`'${display}' is not supported in a loss; see the README for the numpy and torch functions a loss can use`, span);
		}
		return fail(msg`'${display}' is not supported in a loss`, span);
	}
	if (member.kind === 'constant') return scalar(ctx.builder.constant(member.value));
	return pythonFunction(display, (call) => member.impl(ctx, call, display));
}

/**
 * The numpy or torch function `name` a method of an array forwards to (`x.sum(axis=0)` is `np.sum(x, axis=0)`): torch's
 * where both have it (its keywords are a superset), numpy's for `.dot()`, whose matrix products torch.dot refuses.
 */
export function arrayFunction(name: string): BuiltinImpl | undefined {
	const torchFirst = name !== 'dot' && Object.hasOwn(torch, name);
	const member = (torchFirst ? torch[name] : undefined) ?? (Object.hasOwn(numpy, name) ? numpy[name] : undefined);
	return member?.kind === 'function' ? member.impl : undefined;
}
