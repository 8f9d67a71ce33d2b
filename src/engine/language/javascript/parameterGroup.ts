/**
 * Parameters grouped in an object (`function loss(p = { w: [0.1, -0.2], b: 0 })`): the default is a record of
 * numbers and arrays known before the loss runs, and each field becomes parameters of its own, named by its path
 * (`p.w[0]`, `p.w[1]`, `p.b`). The loss reads them as a record (`p.w[0]`, `const { w, b } = p`).
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { fail, type LoweringContext } from '../lowering/context';
import type { ParamLayout } from '../lowering/params';
import type { Scope } from '../lowering/scope';
import { constantOf, type RecordValue, type Value } from '../lowering/values';
import { evaluate } from './expressions';
import { spanOf, unwrap } from './parse';
import { msg } from '../../message';

/** True when a parameter's default is an object literal: a group of parameters. */
export function isParameterGroup(initial: t.Expression | undefined): initial is t.Expression {
	return initial !== undefined && unwrap(initial).type === 'ObjectExpression';
}

/** Declares the parameters of group `name` with default `initial`; returns the record the loss reads. */
export function parameterGroup(
	ctx: LoweringContext,
	module: Scope,
	layout: ParamLayout,
	name: string,
	initial: t.Expression,
): RecordValue {
	const value = evaluate(ctx, module, initial, name);
	return declareRecord(layout, name, value as RecordValue, spanOf(initial));
}

function declareRecord(layout: ParamLayout, path: string, record: RecordValue, span: SourceSpan): RecordValue {
	const fields = new Map<string, Value>();
	for (const [key, field] of record.fields) fields.set(key, declareField(layout, `${path}.${key}`, field, span));
	return { kind: 'record', fields, label: `'${path}'` };
}

function declareField(layout: ParamLayout, path: string, value: Value, span: SourceSpan): Value {
	const number = constantOf(value);
	if (number !== undefined) return layout.scalar(path, number);
	if (value.kind === 'record') return declareRecord(layout, path, value, span);
	if (value.kind === 'vector' && value.constants) {
		return layout.tensor(path, value.constants.shape, Array.from(value.constants.values));
	}
	return fail(msg`the default of '${path}' must be a number or an array of numbers known before the loss runs`, span);
}
