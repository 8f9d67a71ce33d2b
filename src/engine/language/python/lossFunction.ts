/**
 * Lowers the chosen loss: its parameters become the optimizer's parameters (a default is the start point, a missing
 * default is 0; a list default `w=[0.0, 0.0]`, a list type hint `w: list[float]` with `options.sizes.w`, or a tuple
 * hint `tuple[float, float]` makes a vector parameter `w[0]`, `w[1]`, ...; a nested list or a numpy/torch array
 * default makes an array parameter of its shape, `W[0][0]`, `W[0][1]`, ...), its body is lowered with the step-into
 * trace on, and the returned number is the graph's output.
 */
import type { SourceSpan } from '../../errors';
import type { LossGraph } from '../../graph/node';
import { givenSize, type LowerOptions } from '../frontEnd';
import { fail, type WorkPool } from '../lowering/context';
import { declareParameter, type ShapedNumbers } from '../lowering/declareParameter';
import { ParamLayout } from '../lowering/params';
import { Scope } from '../lowering/scope';
import { constantOf, type Value } from '../lowering/values';
import { mentionedNames } from './astScan';
import { evaluate } from './expressions';
import { declareLocals, isBlock, runBody } from './functions';
import type { Candidate, ModuleInfo } from './moduleReader';
import type { Expr, Param } from './pythonAst';
import { PythonContext } from './pythonContext';
import { msg } from '../../message';

/** The loss graph of `candidate`; `pool` bounds the work of several lowerings together. */
export function lowerCandidate(
	info: ModuleInfo,
	candidate: Candidate,
	options: LowerOptions,
	pool?: WorkPool,
): LossGraph {
	const ctx = new PythonContext(info, pool, options.files);
	const def = candidate.def;
	if (def.problem) fail(def.problem.message, def.problem.span);
	const module = ctx.module.global;
	const layout = new ParamLayout(ctx);
	const frame = new Scope(module, true);
	const names = def.params.map((p) => p.name);
	for (const param of def.params) {
		const value = lossParameter(ctx, module, layout, param, names, options.sizes);
		frame.declare(param.name, value, 'let', param.nameSpan);
	}
	declareLocals(frame, def);
	const returned = returnSpan(candidate);
	const output = ctx.traceRoot(() => {
		const value = ctx.inline(def, def.name, candidate.nameSpan, () => runBody(ctx, frame, def, { trace: true, inLoop: false }));
		if (value.kind === 'scalar') ctx.record('return', value.node, returned);
		return value;
	});
	return layout.finish(output, returned);
}

function lossParameter(
	ctx: PythonContext,
	module: Scope,
	layout: ParamLayout,
	param: Param,
	names: readonly string[],
	sizes: LowerOptions['sizes'],
): Value {
	const name = param.name;
	if (param.star) fail(msg`'${param.star}${name}' parameters are not supported in a loss`, param.span);
	return declareParameter(layout, {
		name,
		start: param.initial ? defaultValue(ctx, module, param, param.initial, names) : undefined,
		hint: listAnnotation(param.annotation),
		size: givenSize(sizes, name),
		span: param.nameSpan,
		missingSize: msg`give the vector parameter '${name}' a default like [0.0, 0.0, 0.0], or a size`,
	});
}

/** A parameter's default: a number or numbers of any shape known before the loss runs. */
function defaultValue(
	ctx: PythonContext,
	module: Scope,
	param: Param,
	initial: Expr,
	names: readonly string[],
): number | ShapedNumbers {
	const used = mentionedNames([initial]);
	for (const other of names) {
		if (other !== param.name && used.has(other)) {
			fail(msg`the default of '${param.name}' must be a constant; it cannot use the parameter '${other}'`, initial.span);
		}
	}
	const value = evaluate(ctx, module, initial);
	const number = constantOf(value);
	if (number !== undefined) return number;
	if (value.kind === 'vector' && value.constants) return { ...value.constants, numeric: value.numeric };
	return fail(msg`the default of '${param.name}' must be a number or a list of numbers known before the loss runs`,
		initial.span);
}

const listTypes = new Set(['list', 'List', 'Sequence', 'MutableSequence', 'tuple', 'Tuple', 'ndarray', 'NDArray',
	'ArrayLike', 'Iterable', 'Collection']);

/** Whether a type hint says list (`list[float]`, `np.ndarray`), and a tuple's length (`tuple[float, float]`). */
function listAnnotation(annotation: Expr | undefined): { length?: number } | undefined {
	if (!annotation) return undefined;
	const base = annotation.kind === 'subscript' ? annotation.object : annotation;
	const name = base.kind === 'name' ? base.name : base.kind === 'attribute' ? base.name : undefined;
	if (name === undefined || !listTypes.has(name)) return undefined;
	if (annotation.kind !== 'subscript' || (name !== 'tuple' && name !== 'Tuple')) return {};
	const index = annotation.index;
	if (index.kind === 'slice') return {};
	const items = index.kind === 'sequence' && index.form === 'tuple' ? index.items : [index];
	return items.some((item) => item.kind === 'unsupported') ? {} : { length: items.length };
}

/** Where the returned value is computed: the last top-level `return`, or a lambda's expression. */
function returnSpan(candidate: Candidate): SourceSpan {
	const body = candidate.def.body;
	if (!isBlock(body)) return body.span;
	const last = [...body].reverse().find((s) => s.kind === 'return');
	return last?.span ?? candidate.nameSpan;
}
