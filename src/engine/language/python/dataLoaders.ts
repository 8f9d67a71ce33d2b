/**
 * The Python calls that read a data file from the workspace: numpy's `loadtxt`, `genfromtxt` and `load` (`.npy`),
 * `json.load(open(...))` and `pandas.read_csv`. The path must be a string literal; the file's contents come from the
 * host (`data/dataFiles.ts`) and are parsed by the pure readers in `../data/`, so the data is numbers known before
 * the loss runs, exactly as if the arrays had been written inline. Errors point at the path string (a file the host
 * could not read, a file the reader refuses) or at the argument that is wrong.
 */
import type { SourceSpan } from '../../errors';
import { dataBytes, dataOrThrow, dataText } from '../data/dataFiles';
import { squeezeTable, type NumericArray } from '../data/dataTable';
import { loadText, type TextOptions } from '../data/loadText';
import { readCsvFrame } from '../data/readCsvFrame';
import { readJsonData } from '../data/readJsonData';
import { readNpy } from '../data/readNpy';
import { fail } from '../lowering/context';
import { transposeArray } from '../lowering/reshape';
import { fromNdArray, toNdArray } from '../lowering/ndArray';
import { constantNumbers, isNoneArgument } from './arrayArguments';
import { expectArguments, optionalArgument, type BuiltinImpl } from './builtinKit';
import { argumentSpan, argumentValue, type Argument, type Invocation } from './callables';
import { frameValue, jsonData } from './dataValues';
import { numericData } from './numpyModule';
import type { PythonContext } from './pythonContext';
import { msg, type MessageArgument } from '../../message';

/** A string literal argument's text and where it is written. */
export function stringArgument(arg: Argument, what: MessageArgument): { text: string; span: SourceSpan } {
	if ('expr' in arg && arg.expr.kind === 'string' && arg.expr.value !== undefined) return { text: arg.expr.value, span: arg.expr.span };
	return fail(msg`${what} must be a string literal`, argumentSpan(arg));
}

function numbersOf(ctx: PythonContext, arg: Argument | undefined, what: MessageArgument): number[] | undefined {
	if (!arg || isNoneArgument(arg)) return undefined;
	return constantNumbers(ctx, argumentValue(ctx, arg), what, argumentSpan(arg));
}

function flagOf(ctx: PythonContext, arg: Argument | undefined, what: MessageArgument): boolean {
	return (numbersOf(ctx, arg, what)?.[0] ?? 0) !== 0;
}

function delimiterOf(call: Invocation): string | undefined {
	const arg = optionalArgument(call, 'delimiter', 2);
	return arg && !isNoneArgument(arg) ? stringArgument(arg, 'delimiter').text : undefined;
}

/** numpy's `loadtxt` (`genfromtxt` when `generous`) with `delimiter`, `skiprows`, `usecols`, `unpack`, `ndmin`. */
function textLoader(generous: boolean): BuiltinImpl {
	const keywords = ['fname', 'delimiter', 'skiprows', 'skip_header', 'usecols', 'unpack', 'ndmin', 'dtype', 'comments', 'names', 'encoding'];
	return (ctx, call, display) => {
		expectArguments(call, display, 0, 3, keywords);
		const file = optionalArgument(call, 'fname', 0) ?? fail(msg`${display}() needs the file's path`, call.span);
		const { text: path, span } = stringArgument(file, msg`the file's path`);
		const comments = optionalArgument(call, 'comments', -1);
		const options: TextOptions = {
			delimiter: delimiterOf(call),
			skipRows: numbersOf(ctx, optionalArgument(call, generous ? 'skip_header' : 'skiprows', -1), 'skiprows')?.[0],
			useCols: numbersOf(ctx, optionalArgument(call, 'usecols', -1), 'usecols'),
			comments: comments && !isNoneArgument(comments) ? stringArgument(comments, 'comments').text : comments ? '' : undefined,
			missingAsNaN: generous,
			header: generous && flagOf(ctx, optionalArgument(call, 'names', -1), 'names'),
		};
		const table = dataOrThrow(loadText(dataText(ctx.files, path, span), options), path, span);
		const ndmin = numbersOf(ctx, optionalArgument(call, 'ndmin', -1), 'ndmin')?.[0] ?? 0;
		if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) fail(msg`ndmin must be 0, 1 or 2`, call.span);
		const array = squeezeTable(table, ndmin);
		const value = numericData(ctx, array.values, array.shape);
		if (!flagOf(ctx, optionalArgument(call, 'unpack', -1), 'unpack') || array.shape.length < 2) return value;
		return fromNdArray(transposeArray(toNdArray(ctx, value, display, call.span), undefined, call.span), call.span);
	};
}

/** `np.load(path)` of a `.npy` file. */
const load: BuiltinImpl = (ctx, call, display) => {
	expectArguments(call, display, 1, 1, ['allow_pickle', 'mmap_mode']);
	const { text: path, span } = stringArgument(call.args[0]!, msg`the file's path`);
	if (!path.toLowerCase().endsWith('.npy')) fail(msg`${display}() reads .npy files in a loss, not '${path}'`, span);
	const array: NumericArray = dataOrThrow(readNpy(dataBytes(ctx.files, path, span)), path, span);
	return numericData(ctx, array.values, array.shape);
};

/** `json.load(open(path))`: the file opened in the call itself. */
const jsonLoad: BuiltinImpl = (ctx, call, display) => {
	const [arg] = expectArguments(call, display, 1, 1);
	const opened = 'expr' in arg! ? arg.expr : undefined;
	if (!('expr' in arg!) || opened?.kind !== 'call' || opened.callee.kind !== 'name' || opened.callee.name !== 'open' || opened.args.length === 0) {
		return fail(msg`${display}() reads a file opened in the call: ${display}(open("data.json"))`, argumentSpan(arg!));
	}
	const { text: path, span } = stringArgument({ expr: opened.args[0]!, scope: arg.scope }, msg`the file's path`);
	const data = dataOrThrow(readJsonData(dataText(ctx.files, path, span)), path, span);
	return jsonData(ctx, data, path, span);
};

/** `pandas.read_csv(path, sep=",", skiprows=n)`: a frame whose numeric columns a loss selects by name. */
const readCsv: BuiltinImpl = (ctx, call, display) => {
	expectArguments(call, display, 1, 2, ['filepath_or_buffer', 'sep', 'delimiter', 'skiprows']);
	const file = optionalArgument(call, 'filepath_or_buffer', 0) ?? fail(msg`${display}() needs the file's path`, call.span);
	const { text: path, span } = stringArgument(file, msg`the file's path`);
	const sepArg = optionalArgument(call, 'sep', 1) ?? optionalArgument(call, 'delimiter', -1);
	const sep = sepArg ? stringArgument(sepArg, 'sep').text : undefined;
	const skipRows = numbersOf(ctx, optionalArgument(call, 'skiprows', -1), 'skiprows')?.[0];
	const frame = dataOrThrow(readCsvFrame(dataText(ctx.files, path, span), { sep, skipRows }), path, span);
	return frameValue(ctx, frame, path, span);
};

/** numpy's file readers, added to its array functions. */
export const numpyDataFunctions: ReadonlyMap<string, BuiltinImpl> = new Map([
	['loadtxt', textLoader(false)],
	['genfromtxt', textLoader(true)],
	['load', load],
]);

export const jsonFunctions: ReadonlyMap<string, BuiltinImpl> = new Map([['load', jsonLoad]]);

export const pandasFunctions: ReadonlyMap<string, BuiltinImpl> = new Map([['read_csv', readCsv]]);
