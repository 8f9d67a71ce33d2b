/**
 * Picking each sample's class, as `F.cross_entropy` does with class indices and as numpy code writes
 * `P[np.arange(n), y]`: the classes must be whole numbers known before the loss runs (data), read by the sample's
 * loop index (`lowering/indexArray.ts`).
 */
import type { SourceSpan } from '../../errors';
import { fail } from '../lowering/context';
import { indexArray } from '../lowering/indexArray';
import type { NdArray } from '../lowering/ndArray';
import { argumentSpan, argumentValue, type Argument } from './callables';
import type { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** `scores[n, classes[n]]` for each sample `n` (shape `(N,)`), or `scores[classes]` for one sample. */
export function indexByClasses(ctx: PythonContext, scores: NdArray, classes: Argument, display: string, span: SourceSpan): NdArray {
	const value = argumentValue(ctx, classes);
	const at = argumentSpan(classes);
	if (scores.shape.length === 1) {
		if (value.kind !== 'scalar') fail(msg`${display}() of one sample takes one class index`, at);
		return indexArray(ctx, scores, [{ kind: 'integer', index: value.node }], at);
	}
	const known = value.kind === 'vector' ? value.constants : undefined;
	if (!known || known.shape.length !== 1) {
		return fail(msg`${display}() needs the class indices as a list of whole numbers known before the loss runs`, at);
	}
	const n = scores.shape[0]!;
	if (known.shape[0] !== n) fail(msg`Expected input batch_size (${n}) to match target batch_size (${known.shape[0]!})`, span);
	const samples = Float64Array.from({ length: n }, (_, i) => i);
	return indexArray(ctx, scores, [{ kind: 'integers', values: samples, shape: [n] }, { kind: 'integers', values: known.values, shape: [n] }], at);
}
