/**
 * The kinds of arrays a loss can use, all as lazy `VectorValue`s: data (numbers known before the loss runs, flattened
 * row-major and registered with the builder the first time they are read by a symbolic index), vector parameters,
 * literal lists of nodes, and views (map, slice, range, zip, entries) that compute their element from another array's.
 * A mapped array is an element function, never a list of nodes: `xs.map(f)` over 10,000 points costs one call of `f`.
 */
import type { SourceSpan } from '../../errors';
import type { GraphBuilder } from '../../graph/graphBuilder';
import type { Node } from '../../graph/node';
import { fail, formatCount, NotConstantError, type LoweringContext } from './context';
import { constantOf, describeValue, scalar, type RecordValue, type Value, type VectorValue } from './values';
import { msg, type MessageArgument } from '../../message';

/** The element of `vector` at `index`; a constant index must be a whole number in range. */
export function elementAt(vector: VectorValue, index: Node, span: SourceSpan): Value {
	if (index.kind === 'const') {
		const i = index.value;
		if (!Number.isInteger(i)) fail(msg`index ${i} into ${vector.label} is not a whole number`, span);
		if (i < 0 || i >= vector.length) {
			fail(msg`index ${i} is out of range for ${vector.label} (length ${vector.length})`, span);
		}
	}
	return vector.element(index, span);
}

/** A data array registered with the builder on first symbolic read, shared by all views of it. */
class DataStore {
	private id: number | undefined;
	constructor(readonly values: Float64Array) {}

	read(b: GraphBuilder, at: Node): Node {
		if (at.kind === 'const') return b.constant(this.values[at.value] ?? Number.NaN);
		this.id ??= b.addData(this.values);
		return b.data_(this.id, at);
	}
}

/** Numbers known before the loss runs, with `shape` (rectangular, row-major `values`). */
export function dataVector(
	b: GraphBuilder,
	values: Float64Array,
	shape: readonly number[],
	label: MessageArgument,
): VectorValue {
	return dataView(b, new DataStore(values), shape, b.constant(0), label);
}

function dataView(b: GraphBuilder, store: DataStore, shape: readonly number[], base: Node, label: MessageArgument): VectorValue {
	const [length = 0, ...inner] = shape;
	const stride = inner.reduce((p, n) => p * n, 1);
	const constants = base.kind === 'const'
		? { values: store.values.subarray(base.value, base.value + length * stride), shape }
		: undefined;
	const rows = new Map<number, VectorValue>();
	return {
		kind: 'vector',
		length,
		label,
		constants,
		shape,
		element: (index) => {
			const at = b.add(base, b.mul(index, b.constant(stride)));
			if (inner.length === 0) return scalar(store.read(b, at));
			// One view per row read by a constant index, so `X[0]` is the same array each time it is read.
			if (at.kind !== 'const') return dataView(b, store, inner, at, msg`a row of ${label}`);
			let row = rows.get(at.value);
			if (!row) rows.set(at.value, (row = dataView(b, store, inner, at, msg`a row of ${label}`)));
			return row;
		},
	};
}

/** The array parameter of `shape` stored row-major from `offset` in the flat parameter array (rows are vectors). */
export function paramTensor(b: GraphBuilder, offset: number, shape: readonly number[], label: MessageArgument, numeric = false): VectorValue {
	const size = shape.reduce((p, n) => p * n, 1);
	return paramView(b, { offset, size, numeric }, shape, b.constant(0), label);
}

type ParamStore = { readonly offset: number; readonly size: number; readonly numeric: boolean };

function paramView(b: GraphBuilder, store: ParamStore, shape: readonly number[], base: Node, label: MessageArgument): VectorValue {
	const [length = 0, ...inner] = shape;
	const stride = inner.reduce((p, n) => p * n, 1);
	return {
		kind: 'vector',
		length,
		label,
		shape,
		numeric: store.numeric,
		element: (index) => {
			const at = b.add(base, b.mul(index, b.constant(stride)));
			if (inner.length === 0) return scalar(b.paramAt(store.offset, store.size, at));
			return paramView(b, store, inner, at, msg`a row of ${label}`);
		},
	};
}

/**
 * An array written out element by element. Numbers known before the loss runs become data (rectangular, or an
 * error); other lists stay lists, read by a symbolic index through a chain of `select`s.
 */
export function arrayValue(
	ctx: LoweringContext,
	items: readonly Value[],
	spans: readonly SourceSpan[],
	label: MessageArgument,
): VectorValue {
	const records = recordArray(ctx, items, spans, label);
	if (records) return records;
	const data = constantArray(items, spans);
	if (data) return dataVector(ctx.builder, data.values, data.shape, label);
	return literalVector(ctx.builder, items, label);
}

/**
 * An array of records with the same fields (`[{ x: 1.5, t: 0 }, ...]`), stored column by column: each field is an
 * array of its own (data when its values are known), and element `i` is the record of the columns' elements at `i`,
 * so a loop over 10,000 records reads data by its index instead of being unrolled.
 */
function recordArray(
	ctx: LoweringContext,
	items: readonly Value[],
	spans: readonly SourceSpan[],
	label: MessageArgument,
): VectorValue | undefined {
	const first = items[0];
	if (first?.kind !== 'record') return undefined;
	const keys = [...first.fields.keys()];
	items.forEach((item, i) => {
		const same = item.kind === 'record' && item.fields.size === keys.length && keys.every((k) => item.fields.has(k));
		if (!same) {
			const what = describeValue(item);
			fail(msg`the elements of ${label} must be records with the same fields (${keys.join(', ')}); element ${i} is ${what}`, spans[i] ?? spans[0]!);
		}
	});
	const columns = new Map(keys.map((k) => {
		const column = items.map((item) => (item as RecordValue).fields.get(k)!);
		return [k, arrayValue(ctx, column, spans, msg`the field '${k}' of ${label}`)] as const;
	}));
	return {
		kind: 'vector',
		length: items.length,
		label,
		element: (index, span) => ({
			kind: 'record',
			label: msg`an element of ${label}`,
			fields: new Map(keys.map((k) => [k, columns.get(k)!.element(index, span)])),
		}),
	};
}

type ConstantArray = { values: Float64Array; shape: number[] };

function constantArray(items: readonly Value[], spans: readonly SourceSpan[]): ConstantArray | undefined {
	if (items.length === 0) return { values: new Float64Array(0), shape: [0] };
	if (items.every((v) => constantOf(v) !== undefined)) {
		return { values: Float64Array.from(items, (v) => constantOf(v)!), shape: [items.length] };
	}
	const rows = items.map((v) => (v.kind === 'vector' ? v.constants : undefined));
	if (rows.some((r) => r === undefined)) return undefined;
	const shape = rows[0]!.shape;
	rows.forEach((row, i) => {
		if (row!.shape.length !== shape.length || row!.shape.some((n, k) => n !== shape[k])) {
			const span = spans[i] ?? spans[0]!;
			fail(msg`the array is not rectangular: element ${i} has shape [${row!.shape.join(',')}], element 0 [${shape.join(',')}]`, span);
		}
	});
	const stride = rows[0]!.values.length;
	const values = new Float64Array(stride * rows.length);
	rows.forEach((row, i) => values.set(row!.values, i * stride));
	return { values, shape: [rows.length, ...shape] };
}

/**
 * A list of computed values. A loop reading it by its index is unrolled (the `NotConstantError` asks the loop lowering
 * for that), since the list is already as long as its unrolled loop; any other symbolic index selects.
 */
function literalVector(b: GraphBuilder, items: readonly Value[], label: MessageArgument): VectorValue {
	return {
		kind: 'vector',
		length: items.length,
		label,
		element: (index, span) => {
			if (index.kind === 'const') return items[index.value]!;
			if (index.loops.length > 0) {
				throw new NotConstantError(msg`a loop reads ${label}, a list of values computed in the loss, by its index; such loops are unrolled, and this one is too long`, span);
			}
			return scalar(selectChain(b, items, index, label, span));
		},
	};
}

/** `items[index]` for a symbolic index: `index == 0 ? items[0] : index == 1 ? items[1] : ... : NaN`. */
function selectChain(b: GraphBuilder, items: readonly Value[], index: Node, label: MessageArgument, span: SourceSpan): Node {
	let result: Node = b.constant(Number.NaN);
	for (let i = items.length - 1; i >= 0; i--) {
		const item = items[i]!;
		if (item.kind !== 'scalar') {
			const what = `${label} holds ${describeValue(item)} at ${i}`;
			fail(msg`${what}; only lists of numbers can be indexed by a computed index`, span);
		}
		result = b.select(b.op('eq', index, b.constant(i)), item.node, result);
	}
	return result;
}

/** `f(source[i], i)` for each i, computed when an element is read. */
export function mappedVector(
	source: VectorValue,
	f: (element: Value, index: Node, span: SourceSpan) => Value,
): VectorValue {
	return {
		kind: 'vector',
		length: source.length,
		label: msg`a mapped array`,
		element: (index, span) => f(source.element(index, span), index, span),
	};
}

/** `start, start + step, ...`, `count` numbers. */
export function rangeVector(b: GraphBuilder, start: number, step: number, count: number): VectorValue {
	return {
		kind: 'vector',
		length: count,
		label: msg`a range`,
		element: (index) => scalar(b.add(b.constant(start), b.mul(b.constant(step), index))),
	};
}

/** Elements `from .. from + length - 1` of `source`. */
export function sliceVector(b: GraphBuilder, source: VectorValue, from: number, length: number): VectorValue {
	return {
		kind: 'vector',
		length,
		label: msg`a slice of ${source.label}`,
		element: (index, span) => source.element(b.add(index, b.constant(from)), span),
	};
}

/** `[a[i], b[i], ...]` for each i, as long as the shortest. */
export function zipVectors(b: GraphBuilder, sources: readonly VectorValue[]): VectorValue {
	return {
		kind: 'vector',
		length: Math.min(...sources.map((s) => s.length)),
		label: msg`a zipped array`,
		element: (index, span) => literalVector(b, sources.map((s) => s.element(index, span)), msg`a zipped pair`),
	};
}

/** `[i, source[i]]` for each i. */
export function entriesVector(b: GraphBuilder, source: VectorValue): VectorValue {
	return {
		kind: 'vector',
		length: source.length,
		label: msg`the entries of ${source.label}`,
		element: (index, span) => literalVector(b, [scalar(index), source.element(index, span)], msg`an entry`),
	};
}

/** Splits an array into its first `count` elements for destructuring (`const [a, b] = pair`). */
export function destructure(b: GraphBuilder, value: Value, count: number, span: SourceSpan): Value[] {
	if (value.kind !== 'vector') return fail(msg`cannot destructure ${describeValue(value)} into ${count} names`, span);
	if (count > value.length) {
		fail(msg`cannot destructure ${value.label} of length ${formatCount(value.length)} into ${count} names`, span);
	}
	return Array.from({ length: count }, (_, i) => value.element(b.constant(i), span));
}
