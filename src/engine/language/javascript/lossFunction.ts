/**
 * Lowers the chosen loss function: its parameters become the optimizer's parameters (a default is the start point,
 * missing defaults are 0; `w: number[] = [0, 0, 0]`, a tuple type or `options.sizes.w` makes a vector parameter, `W: number[][] = [[...]]`
 * a matrix parameter), its
 * body is lowered with the step-into trace on, and the returned number is the graph's output.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import type { LossGraph } from '../../graph/node';
import { givenSize, type LowerOptions } from '../frontEnd';
import { fail, LoweringContext, type WorkPool } from '../lowering/context';
import { declareParameter, type ShapedNumbers } from '../lowering/declareParameter';
import { ParamLayout } from '../lowering/params';
import { Scope } from '../lowering/scope';
import { constantOf, type Value } from '../lowering/values';
import { evaluate } from './expressions';
import { checkFunction, parameterParts, runBody } from './functions';
import { moduleScope, type Candidate, type ModuleInfo } from './moduleScope';
import { isParameterGroup, parameterGroup } from './parameterGroup';
import { nameSpanOf, spanOf } from './parse';
import { mentions } from './syntaxScan';
import { msg } from '../../message';

/** What a loss parameter is declared as. */
interface Declared {
	readonly id: t.Identifier;
	readonly initial: t.Expression | undefined;
	/** The other parameters, which a default may not use. */
	readonly others: readonly string[];
}

/** The loss graph of `candidate`; `pool` bounds the work of several lowerings together. */
export function lowerCandidate(
	info: ModuleInfo,
	candidate: Candidate,
	options: LowerOptions,
	pool?: WorkPool,
): LossGraph {
	const ctx = new LoweringContext(pool, options.files);
	const module = moduleScope(ctx, info);
	const layout = new ParamLayout(ctx);
	const frame = new Scope(module, true);
	const node = candidate.node;
	checkFunction(node, candidate.name);
	const names = parameterNames(node);
	for (const param of node.params) {
		const parts = parameterParts(param);
		if (!('id' in parts)) {
			fail(msg`the loss's parameters must be names; use a vector like w: number[] = [0, 0]`, spanOf(param));
		}
		const declared = { id: parts.id, initial: parts.initial, others: names.filter((n) => n !== parts.id.name) };
		const value = isParameterGroup(parts.initial)
			? parameterGroup(ctx, module, layout, parts.id.name, parts.initial)
			: lossParameter(ctx, module, layout, declared, options.sizes);
		frame.declare(parts.id.name, value, 'let', nameSpanOf(parts.id));
	}
	const output = ctx.traceRoot(() => {
		const value = ctx.inline(node, candidate.name, candidate.nameSpan, () => runBody(ctx, frame, node, candidate.name, { trace: true, inLoop: false }));
		if (value.kind === 'scalar') ctx.record('return', value.node, returnSpan(node));
		return value;
	});
	return layout.finish(output, returnSpan(node));
}

/** The declared parameter names (a destructured parameter shows as `[...]`). */
export function parameterNames(node: Candidate['node']): string[] {
	return node.params.map((p) => {
		const id = p.type === 'AssignmentPattern' ? p.left : p;
		return id.type === 'Identifier' ? id.name : '[...]';
	});
}

function lossParameter(
	ctx: LoweringContext,
	module: Scope,
	layout: ParamLayout,
	declared: Declared,
	sizes: LowerOptions['sizes'],
): Value {
	const name = declared.id.name;
	return declareParameter(layout, {
		name,
		start: declared.initial === undefined ? undefined : defaultValue(ctx, module, name, declared),
		hint: arrayAnnotation(declared.id.typeAnnotation),
		size: givenSize(sizes, name),
		span: nameSpanOf(declared.id),
		missingSize: msg`give the vector parameter '${name}' a default like [0, 0, 0], or a size`,
	});
}

/** A parameter's default: a number or numbers of any shape (`number[][]`) known before the loss runs. */
function defaultValue(ctx: LoweringContext, module: Scope, name: string, declared: Declared): number | ShapedNumbers {
	const initial = declared.initial!;
	const span = spanOf(initial);
	for (const other of declared.others) {
		if (mentions([initial], other)) {
			fail(msg`the default of '${name}' must be a constant; it cannot use the parameter '${other}'`, span);
		}
	}
	const value = evaluate(ctx, module, initial);
	const number = constantOf(value);
	if (number !== undefined) return number;
	if (value.kind === 'vector' && value.constants) return value.constants;
	return fail(msg`the default of '${name}' must be a number or an array of numbers known before the loss runs`, span);
}

const arrayTypes = new Set(['Array', 'ReadonlyArray', 'Float64Array', 'Float32Array']);

/** Whether a type annotation says array (`number[]`, `Array<number>`, `readonly number[]`), and a tuple's length. */
function arrayAnnotation(annotation: t.Identifier['typeAnnotation']): { length?: number } | undefined {
	if (!annotation || annotation.type !== 'TSTypeAnnotation') return undefined;
	let type: t.TSType = annotation.typeAnnotation;
	while (type.type === 'TSTypeOperator' || type.type === 'TSParenthesizedType') type = type.typeAnnotation;
	if (type.type === 'TSArrayType') return {};
	if (type.type === 'TSTupleType') return { length: type.elementTypes.length };
	if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && arrayTypes.has(type.typeName.name)) {
		return {};
	}
	return undefined;
}

/** Where the returned value is computed: the last top-level `return`, or an arrow function's expression. */
function returnSpan(node: Candidate['node']): SourceSpan {
	if (node.body.type !== 'BlockStatement') return spanOf(node.body);
	const last = [...node.body.body].reverse().find((s) => s.type === 'ReturnStatement');
	return spanOf(last ?? node);
}
