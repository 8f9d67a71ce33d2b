/**
 * Python's builtin functions a loss may call: `sum`, `min`, `max` (of numbers, a list or a generator), `len`, `abs`,
 * `pow`, `round` (half to even), `float` (also `float('inf')`), `int` (truncates), `bool`, `range`, `zip`,
 * `enumerate`, `map`, `reversed`, `list` and `tuple`. Lists are lazy views (`lowering/vectors.ts`), so
 * `zip(range(len(xs)), xs)` over 10,000 points allocates nothing. Gradients of `round` and `int` are zero.
 */
import { fail, NotConstantError } from '../lowering/context';
import { arrayValue, destructure, mappedVector, rangeVector, zipVectors } from '../lowering/vectors';
import { expectFunction, scalar, type VectorValue } from '../lowering/values';
import { expectArguments, numeric, optionalArgument, shared, type BuiltinImpl } from './builtinKit';
import {
	argumentSpan, argumentValue, numberArgument, pythonFunction, vectorArgument, type Argument, type PythonFunction,
} from './callables';
import { sliceVector } from './indexing';
import type { PythonContext } from './pythonContext';
import { roundDigits, roundHalfEven } from './pythonOperators';
import { reduceArgument, type Reduction } from './reductions';
import { msg, type MessageArgument } from '../../message';

/** `sum`, `min` or `max`: of a comprehension, a list, or (min and max) several numbers. */
export function reduction(kind: Reduction): BuiltinImpl {
	return (ctx, call, display) => {
		const b = ctx.builder;
		if (kind === 'sum') {
			const [items] = expectArguments(call, display, 1, 2, ['start']);
			const total = reduceArgument(ctx, items!, 'sum', display);
			const from = optionalArgument(call, 'start', 1);
			return scalar(from ? b.add(numberArgument(ctx, from, msg`the start of sum`), total) : total);
		}
		const args = expectArguments(call, display, 1, Infinity);
		if (args.length === 1) return scalar(reduceArgument(ctx, args[0]!, kind, display));
		const numbers = args.map((a) => numberArgument(ctx, a, msg`an argument of ${display}`));
		return scalar(numbers.slice(1).reduce((acc, x) => b.op(kind === 'min' ? 'min' : 'max', acc, x), numbers[0]!));
	};
}

/** A whole number known before the loss runs: `range` bounds. */
function wholeConstant(ctx: PythonContext, arg: Argument, what: MessageArgument): number {
	const node = numberArgument(ctx, arg, what);
	if (node.kind !== 'const') {
		throw new NotConstantError(msg`${what} must be known before the loss runs (a number, a constant or len(...))`,
			argumentSpan(arg));
	}
	if (!Number.isInteger(node.value)) fail(msg`${what} must be a whole number, not ${node.value}`, argumentSpan(arg));
	return node.value;
}

const range: BuiltinImpl = (ctx, call, display) => {
	const args = expectArguments(call, display, 1, 3);
	const what = args.length === 1
		? [msg`the bound of range()`]
		: [msg`the start of range()`, msg`the stop of range()`, msg`the step of range()`];
	const values = args.map((a, i) => wholeConstant(ctx, a, what[i]!));
	const [start, stop, step] = values.length === 1 ? [0, values[0]!, 1] : [values[0]!, values[1]!, values[2] ?? 1];
	if (step === 0) fail(msg`range() step must not be zero`, argumentSpan(args[2]!));
	const count = Math.max(0, Math.ceil((stop - start) / step));
	return { ...rangeVector(ctx.builder, start, step, count), label: `range(${values.join(', ')})` };
};

const zip: BuiltinImpl = (ctx, call, display) => {
	const args = expectArguments(call, display, 0, Infinity, ['strict']);
	const vectors = args.map((a, i) => vectorArgument(ctx, a, `argument ${i + 1} of zip`));
	const strict = optionalArgument(call, 'strict', Infinity);
	const lengths = vectors.map((v) => v.length);
	if (strict && numberArgument(ctx, strict, 'strict').kind === 'const' && new Set(lengths).size > 1) {
		fail(msg`zip(strict=True) of lists of different lengths (${lengths.join(', ')})`, call.span);
	}
	return vectors.length === 0 ? arrayValue(ctx, [], [], msg`an empty zip`) : zipVectors(ctx.builder, vectors);
};

const enumerate: BuiltinImpl = (ctx, call, display) => {
	const [items] = expectArguments(call, display, 1, 2, ['start']);
	const source = vectorArgument(ctx, items!, msg`the argument of enumerate`);
	const startArg = optionalArgument(call, 'start', 1);
	const start = startArg ? numberArgument(ctx, startArg, msg`the start of enumerate`) : ctx.builder.constant(0);
	const b = ctx.builder;
	const entries = mappedVector(source, (element, index, span) => {
		return arrayValue(ctx, [scalar(b.add(index, start)), element], [span, span], msg`an entry`);
	});
	return { ...entries, label: msg`the entries of ${source.label}` };
};

const map: BuiltinImpl = (ctx, call, display) => {
	const [f, ...rest] = expectArguments(call, display, 2, Infinity);
	const fn = expectFunction(argumentValue(ctx, f!), msg`the first argument of map`, argumentSpan(f!));
	const vectors = rest.map((a, i) => vectorArgument(ctx, a, `argument ${i + 2} of map`));
	if (vectors.length === 1) return mappedVector(vectors[0]!, (element, _i, span) => fn.call([element], span));
	return mappedVector(zipVectors(ctx.builder, vectors), (tuple, _i, span) => {
		return fn.call(destructure(ctx.builder, tuple, vectors.length, span), span);
	});
};

/** `round(x)` (half to even) and `round(x, ndigits)` with `ndigits` a whole number from 0 to 22. */
const round: BuiltinImpl = (ctx, call, display) => {
	const [x] = expectArguments(call, display, 1, 2, ['ndigits']);
	const value = numberArgument(ctx, x!, msg`the argument of round`);
	const digits = optionalArgument(call, 'ndigits', 1);
	if (!digits) return scalar(roundHalfEven(ctx.builder, value));
	const n = wholeConstant(ctx, digits, msg`the ndigits of round()`);
	if (n < 0 || n > 22) fail(msg`round() takes ndigits from 0 to 22 in a loss, not ${n}`, argumentSpan(digits));
	return scalar(roundDigits(ctx.builder, value, n));
};

const float: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 0, 1);
	if (!arg) return scalar(ctx.builder.constant(0));
	if ('expr' in arg && arg.expr.kind === 'string') {
		return scalar(ctx.builder.constant(floatOfString(arg.expr.value, arg)));
	}
	return scalar(numberArgument(ctx, arg, msg`the argument of float`));
};

function floatOfString(text: string | undefined, arg: Argument): number {
	const s = (text ?? '').trim().toLowerCase();
	if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
	if (/^[+-]?nan$/.test(s)) return Number.NaN;
	if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return Number(s);
	return fail(msg`float() of a string takes a number, 'inf' or 'nan'`, argumentSpan(arg));
}

const len: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 1, 1);
	const value = argumentValue(ctx, arg!);
	if (value.kind !== 'vector') {
		return fail(msg`len() of ${value.kind === 'scalar' ? msg`a number` : msg`this value`}`, argumentSpan(arg!));
	}
	return scalar(ctx.builder.constant(value.length));
};

const list: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 0, 1);
	return arg ? vectorArgument(ctx, arg, msg`the argument of ${display}`) : arrayValue(ctx, [], [], msg`an empty list`);
};

const reversed: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 1, 1);
	const vector: VectorValue = vectorArgument(ctx, arg!, msg`the argument of reversed`);
	return sliceVector(ctx, vector, { step: ctx.builder.constant(-1) }, call.span);
};

const table: Readonly<Record<string, BuiltinImpl>> = {
	abs: shared('abs'),
	pow: numeric(2, (b, [x, y]) => b.pow(x!, y!)),
	round,
	int: numeric(1, (b, [x]) => b.op('trunc', x!)),
	bool: numeric(1, (b, [x]) => b.op('ne', x!, b.constant(0))),
	float,
	len,
	sum: reduction('sum'),
	min: reduction('min'),
	max: reduction('max'),
	range,
	zip,
	enumerate,
	map,
	reversed,
	list,
	tuple: list,
};

/** The builtin called `name`, or undefined. */
export function builtinFunction(ctx: PythonContext, name: string): PythonFunction | undefined {
	const impl = Object.hasOwn(table, name) ? table[name] : undefined;
	return impl && pythonFunction(name, (call) => impl(ctx, call, name));
}
