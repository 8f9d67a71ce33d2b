/**
 * A loss parameter from what its declaration says, shared by the front ends: a default (a number, or numbers with a
 * shape: `[0.0, 0.0]`, `[[1, 2], [3, 4]]`, `np.zeros(3)`), a type hint that says array, and a size the caller gives
 * (`sizes: { w: 3, W: [2, 3] }`). A number makes a scalar parameter; anything else an array parameter of that shape,
 * laid out row-major by `ParamLayout`.
 */
import type { SourceSpan } from '../../errors';
import { msg, type Message } from '../../message';
import { fail, formatCount } from './context';
import type { ParamLayout } from './params';
import type { Value } from './values';

/** The most elements one array parameter may have. */
export const maxParamSize = 1_000_000;

/** Numbers known before the loss runs, row-major, with their shape. */
export interface ShapedNumbers {
	readonly values: ArrayLike<number>;
	readonly shape: readonly number[];
	/** True for a numpy array or torch tensor: the parameter is one too (`VectorValue.numeric`). */
	readonly numeric?: boolean;
}

export interface ParameterDeclaration {
	readonly name: string;
	readonly start: number | ShapedNumbers | undefined;
	/** Set when a type hint says array; `length` for a tuple type of that many elements. */
	readonly hint: { readonly length?: number } | undefined;
	/** The size the caller asked for (`LowerOptions.sizes`). */
	readonly size: number | readonly number[] | undefined;
	/** Where to blame a bad size. */
	readonly span: SourceSpan;
	/** The error when an array parameter has neither a default nor a size. */
	readonly missingSize: Message;
}

/** Adds the declared parameter to `layout` and returns its value. */
export function declareParameter(layout: ParamLayout, p: ParameterDeclaration): Value {
	const shaped = typeof p.start === 'object' ? p.start : undefined;
	if (p.size === undefined && !p.hint && !shaped) return layout.scalar(p.name, (p.start as number | undefined) ?? 0);
	const shape = requestedShape(p.size) ?? shaped?.shape ?? (p.hint?.length !== undefined ? [p.hint.length] : undefined);
	if (shape === undefined) return fail(p.missingSize, p.span);
	for (const n of shape) checkSize(p.name, n, p.span);
	const total = shape.reduce((a, n) => a * n, 1);
	checkSize(p.name, total, p.span);
	const at = (i: number) => (shaped ? (shaped.values[i] ?? 0) : ((p.start as number | undefined) ?? 0));
	return layout.tensor(p.name, shape, Array.from({ length: total }, (_, i) => at(i)), shaped?.numeric ?? false);
}

function requestedShape(size: number | readonly number[] | undefined): readonly number[] | undefined {
	if (size === undefined) return undefined;
	return typeof size === 'number' ? [size] : size;
}

function checkSize(name: string, n: number, span: SourceSpan): void {
	if (!Number.isInteger(n) || n < 0 || n > maxParamSize) {
		fail(msg`the size of '${name}' must be a whole number up to ${formatCount(maxParamSize)}, not ${n}`, span);
	}
}
