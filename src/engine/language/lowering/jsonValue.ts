/**
 * A JSON data file's tree as the values a loss reads, in any front end: numbers are constants, rectangular arrays of
 * numbers are data arrays (as if written inline), arrays of objects with the same keys are record arrays stored
 * column by column (`arrayValue`), objects are records. A key whose value a loss cannot use (a string, a ragged
 * array, null) is left out of its record with the reason, so only a loss that reads it gets an error.
 */
import type { SourceSpan } from '../../errors';
import { numericArray, type JsonData, type JsonRecord } from '../data/readJsonData';
import { msg, type Message, type MessageArgument } from '../../message';
import { fail, type LoweringContext } from './context';
import { scalar, type RecordValue, type Value } from './values';
import { arrayValue, dataVector } from './vectors';

/** A JSON object as a record; `problems` says why a key was left out. */
export interface JsonRecordValue extends RecordValue {
	readonly problems: ReadonlyMap<string, Message>;
}

/** The value of `data`, named `label` in messages; a `LossSyntaxError` at `span` when none of it is numeric. */
export function jsonValue(ctx: LoweringContext, data: JsonData, label: MessageArgument, span: SourceSpan): Value {
	const value = tryJsonValue(ctx, data, label, span);
	return 'kind' in value ? value : fail(value, span);
}

/** Why a key of a JSON object is not a value a loss can read, if it was left out. */
export function jsonProblem(record: RecordValue, key: string): Message | undefined {
	return (record as Partial<JsonRecordValue>).problems?.get(key);
}

function tryJsonValue(ctx: LoweringContext, data: JsonData, label: MessageArgument, span: SourceSpan): Value | Message {
	if (typeof data === 'number') return scalar(ctx.builder.constant(data));
	if (typeof data === 'boolean') return scalar(ctx.builder.constant(data ? 1 : 0));
	if (data === null) return msg`${label} is null, not a number`;
	if (typeof data === 'string') return msg`${label} is a string, not a number`;
	if (Array.isArray(data)) {
		const items = data as readonly JsonData[];
		const numbers = numericArray(items);
		if (numbers.kind === 'ok') return dataVector(ctx.builder, numbers.data.values, numbers.data.shape, label);
		if (!items.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) return msg`${label}: ${numbers.message}`;
		const values: Value[] = [];
		for (const item of items) {
			const value = tryJsonValue(ctx, item, msg`an element of ${label}`, span);
			if (!('kind' in value)) return value;
			values.push(value);
		}
		ctx.tick(span);
		return arrayValue(ctx, values, values.map(() => span), label);
	}
	const fields = new Map<string, Value>();
	const problems = new Map<string, Message>();
	for (const [key, field] of (data as JsonRecord).fields) {
		const value = tryJsonValue(ctx, field, `'${key}'`, span);
		if ('kind' in value) fields.set(key, value);
		else problems.set(key, value);
	}
	const record: JsonRecordValue = { kind: 'record', fields, label, problems };
	return record;
}
