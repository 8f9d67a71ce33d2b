/**
 * Symbolic values: what a name in the user's program stands for while it is lowered. A number is an IR node; an
 * array is a `VectorValue` that produces its element for an index node (data arrays, vector parameters, lazily mapped
 * arrays, ranges and literal lists all look the same to the code that reads them); a function is something that can
 * be inlined at a call. Nothing is ever materialized element by element unless the user indexes it by constants.
 */
import type { SourceSpan } from '../../errors';
import type { Node } from '../../graph/node';
import { fail } from './context';
import { msg, type MessageArgument } from '../../message';

export interface ScalarValue {
	readonly kind: 'scalar';
	readonly node: Node;
}

/** An array of known length whose elements are produced on demand. */
export interface VectorValue {
	readonly kind: 'vector';
	readonly length: number;
	/** How the user would name it in a message: `'xs'`, `'a mapped array'`. */
	readonly label: MessageArgument;
	/**
	 * The element at `index`, which the caller has checked where it can (`elementAt` in `vectors.ts`); `span` is
	 * where to blame a failure.
	 */
	element(index: Node, span: SourceSpan): Value;
	/** Set when every element is a number known before the loss runs: the values row-major, and the shape. */
	readonly constants?: { readonly values: Float64Array; readonly shape: readonly number[] };
	/**
	 * True for a numpy array or torch tensor: arithmetic on it is element-wise with broadcasting, and its rows are
	 * arrays too. A plain list (Python's `[...]`) leaves it unset: `+` concatenates.
	 */
	readonly numeric?: boolean;
	/** The whole shape (`[length, ...]`) when it is known without reading an element. */
	readonly shape?: readonly number[];
}

/** Something callable: a user function (inlined), a lambda, or a builtin. */
export interface FunctionValue {
	readonly kind: 'function';
	readonly name: string;
	call(args: readonly Value[], span: SourceSpan): Value;
}

/**
 * A record (JavaScript's `{ x: 1.5, t: 0 }`): named fields, each a value. Records are read, never changed; an array
 * of records with the same fields is stored column by column (`recordArray` in `vectors.ts`).
 */
export interface RecordValue {
	readonly kind: 'record';
	readonly fields: ReadonlyMap<string, Value>;
	/** How the user would name it in a message: `'p'`, `a record`. */
	readonly label: MessageArgument;
}

/** A declared variable that has not been given a value yet (`let r;`). */
export interface UnsetValue {
	readonly kind: 'unset';
}

export type Value = ScalarValue | VectorValue | RecordValue | FunctionValue | UnsetValue;

export function scalar(node: Node): ScalarValue {
	return { kind: 'scalar', node };
}

export const unset: UnsetValue = { kind: 'unset' };

/** A short description of a value's type for messages: `a number`, `an array of 3`, `a function`. */
export function describeValue(value: Value): MessageArgument {
	switch (value.kind) {
		case 'scalar':
			return msg`a number`;
		case 'vector':
			return msg`an array of ${value.length}`;
		case 'record':
			return msg`a record with ${[...value.fields.keys()].join(', ')}`;
		case 'function':
			return msg`the function '${value.name}'`;
		case 'unset':
			return msg`not yet assigned`;
		default: {
			const never: never = value;
			return never;
		}
	}
}

/** The node of a number value; anything else is an error naming `what` (e.g. `'xs'`, `'the condition'`). */
export function expectScalar(value: Value, what: MessageArgument, span: SourceSpan): Node {
	switch (value.kind) {
		case 'scalar':
			return value.node;
		case 'vector':
			return fail(msg`${what} is an array (${value.length} elements) where a number is needed`, span);
		case 'record':
			return fail(msg`${what} is a record where a number is needed; read one of its fields`, span);
		case 'function':
			return fail(msg`${what} is a function where a number is needed`, span);
		case 'unset':
			return fail(msg`${what} is used before it has a value`, span);
		default: {
			const never: never = value;
			return never;
		}
	}
}

/** The array behind `value`; anything else is an error naming `what`. */
export function expectVector(value: Value, what: MessageArgument, span: SourceSpan): VectorValue {
	if (value.kind === 'vector') return value;
	if (value.kind === 'unset') return fail(msg`${what} is used before it has a value`, span);
	return fail(msg`${what} is ${describeValue(value)}, not an array`, span);
}

/** The function behind `value`; anything else is an error naming `what`. */
export function expectFunction(value: Value, what: MessageArgument, span: SourceSpan): FunctionValue {
	if (value.kind === 'function') return value;
	if (value.kind === 'unset') return fail(msg`${what} is used before it has a value`, span);
	return fail(msg`${what} is ${describeValue(value)}, not a function`, span);
}

/** The number a value is known to be before the loss runs, or undefined. */
export function constantOf(value: Value): number | undefined {
	return value.kind === 'scalar' && value.node.kind === 'const' ? value.node.value : undefined;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

/** Identifies a function's argument for memoizing calls: a number by its (hash-consed) node, anything else by identity. */
export function valueKey(value: Value): string {
	if (value.kind === 'scalar') return `n${value.node.id}`;
	let id = objectIds.get(value);
	if (id === undefined) objectIds.set(value, (id = nextObjectId++));
	return `o${id}`;
}
