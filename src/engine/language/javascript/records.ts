/**
 * Objects in a loss: an object literal `{ x: 1.5, t: 0 }` is a `RecordValue` (data, or a group of parameters when it
 * is a loss parameter's default), `s.x` reads a field, and `const { x, t } = s`, `for (const { x, t } of data)` and
 * `[a, b]` patterns bind names to parts of a value. Objects have fields only: methods, getters, spreads and computed
 * keys are errors at their position, and a record is never changed.
 */
import { jsonProblem } from '../lowering/jsonValue';
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { fail, type LoweringContext } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { describeValue, type RecordValue, type Value } from '../lowering/values';
import { destructure } from '../lowering/vectors';
import { noteHolder } from './arrayOwners';
import { evaluate } from './expressions';
import { nameSpanOf, spanOf } from './parse';
import { msg, type MessageArgument } from '../../message';

/** `{ a: 1, b, 'c': [1, 2] }`; `label` names it in messages. */
export function objectExpression(
	ctx: LoweringContext,
	scope: Scope,
	node: t.ObjectExpression,
	label: MessageArgument,
): RecordValue {
	const fields = new Map<string, Value>();
	for (const property of node.properties) {
		const span = spanOf(property);
		if (property.type === 'SpreadElement') fail(msg`spread ('...') is not supported in a loss`, span);
		if (property.type === 'ObjectMethod') fail(msg`objects in a loss hold numbers and arrays, not methods`, span);
		const p = property as t.ObjectProperty;
		const key = propertyKey(p.key, p.computed, span);
		if (fields.has(key)) fail(msg`the field '${key}' is given twice`, span);
		const value = p.value as t.Expression;
		if (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') {
			fail(msg`objects in a loss hold numbers and arrays, not methods`, spanOf(value));
		}
		fields.set(key, evaluate(ctx, scope, value, key));
	}
	return { kind: 'record', fields, label };
}

function propertyKey(key: t.ObjectProperty['key'], computed: boolean, span: SourceSpan): string {
	if (!computed && key.type === 'Identifier') return key.name;
	if (key.type === 'StringLiteral') return key.value;
	if (key.type === 'NumericLiteral') return String(key.value);
	return fail(msg`object keys in a loss must be names`, span);
}

/** The field `name` of `record`; an unknown field is an error naming the ones it has. */
export function recordField(record: RecordValue, name: string, span: SourceSpan): Value {
	const value = record.fields.get(name);
	if (value !== undefined) return value;
	const problem = jsonProblem(record, name);
	if (problem) return fail(problem, span);
	const known = [...record.fields.keys()].join(', ');
	return fail(msg`${record.label} has no field '${name}' (it has ${known})`, span);
}

/** Binds a declaration target (a name, `[a, b]` or `{ x, t: y }`, nested) to `value` in `scope`. */
export function bindTarget(
	ctx: LoweringContext,
	scope: Scope,
	target: t.Node,
	value: Value,
	kind: 'const' | 'let',
): void {
	switch (target.type) {
		case 'Identifier':
			scope.declare(target.name, value, kind, nameSpanOf(target));
			noteHolder(target.name, value);
			return;
		case 'ArrayPattern': {
			const parts = destructure(ctx.builder, value, target.elements.length, spanOf(target));
			target.elements.forEach((element, i) => {
				if (element !== null) bindTarget(ctx, scope, element, parts[i]!, kind);
			});
			return;
		}
		case 'ObjectPattern':
			return bindObject(ctx, scope, target, value, kind);
		default:
			return fail(msg`only names, [a, b] and { a, b } can be destructured in a loss`, spanOf(target));
	}
}

function bindObject(ctx: LoweringContext, scope: Scope, pattern: t.ObjectPattern, value: Value, kind: 'const' | 'let') {
	const span = spanOf(pattern);
	if (value.kind !== 'record') fail(msg`cannot destructure ${describeValue(value)} into { ... }`, span);
	for (const property of pattern.properties) {
		if (property.type === 'RestElement') fail(msg`rest ('...') is not supported in a loss`, spanOf(property));
		const p = property as t.ObjectProperty;
		const key = propertyKey(p.key, p.computed, spanOf(p));
		bindTarget(ctx, scope, p.value, recordField(value, key, spanOf(p.key)), kind);
	}
}
