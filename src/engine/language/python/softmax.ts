/**
 * `logsumexp`, `softmax` and `log_softmax` along an axis, shifted for stability
 * (https://pytorch.org/docs/stable/generated/torch.logsumexp.html): `lse(x) = c + log Σ exp(x - c)` holds for any
 * shift `c`; the shift is the maximum (unrolled, for class axes up to 32 long) or else the mean (a sum), so the
 * result is exact and stays a loop over long axes.
 */
import type { SourceSpan } from '../../errors';
import { elementwise } from '../lowering/broadcast';
import type { LoweringContext } from '../lowering/context';
import { normalizeAxis, type NdArray } from '../lowering/ndArray';
import { reduceAxes } from '../lowering/reduceAxes';

const maxShiftLength = 32;

/** `logsumexp(x, axis, keepdims=True)`. */
export function logSumExp(ctx: LoweringContext, x: NdArray, axis: number | undefined, span: SourceSpan): NdArray {
	const b = ctx.builder;
	const axes = axis === undefined ? undefined : [normalizeAxis(axis, Math.max(1, x.shape.length), span)];
	const length = axes ? (x.shape[axes[0]!] ?? 1) : x.shape.reduce((p, n) => p * n, 1);
	const shift = reduceAxes(ctx, x, length <= maxShiftLength ? 'max' : 'mean', axes, true, span);
	const terms = elementwise(ctx, [x, shift], ([v, c]) => b.op('exp', b.sub(v!, c!)), span);
	const total = reduceAxes(ctx, terms, 'sum', axes, true, span);
	return elementwise(ctx, [shift, total], ([c, s]) => b.add(c!, b.op('log', s!)), span);
}

/** `log_softmax(x, axis) = x - logsumexp(x, axis)`. */
export function logSoftmax(ctx: LoweringContext, x: NdArray, axis: number | undefined, span: SourceSpan): NdArray {
	const lse = logSumExp(ctx, x, axis, span);
	return elementwise(ctx, [x, lse], ([v, l]) => ctx.builder.sub(v!, l!), span);
}

/** `softmax(x, axis) = exp(log_softmax(x, axis))`. */
export function softmax(ctx: LoweringContext, x: NdArray, axis: number | undefined, span: SourceSpan): NdArray {
	return elementwise(ctx, [logSoftmax(ctx, x, axis, span)], ([v]) => ctx.builder.op('exp', v!), span);
}
