/**
 * The trip count of `for (let i = a; i < n; i += k)`: the start, bound and step must be known before the loss runs
 * (numbers, constants, an array's `.length`), the condition must compare the counter with the bound (`<`, `<=`, `>`,
 * `>=`, `!=`, either side), and the update must move it by a fixed step (`i++`, `i--`, `i += k`, `i -= k`,
 * `i = i + k`). A loop that would never end is an error.
 */
import type * as t from '@babel/types';
import type { SourceSpan } from '../../errors';
import { fail, NotConstantError, type LoweringContext } from '../lowering/context';
import type { Scope } from '../lowering/scope';
import { evaluateNumber } from './expressions';
import { spanOf, unwrap } from './parse';
import { assignedNames, mentions } from './syntaxScan';
import { msg, type MessageArgument } from '../../message';

/**
 * A counted loop: the counter's name, first value and step, and the number of iterations. `values` holds the
 * counter's value in each iteration when `start + k·step` would round differently from JavaScript's repeated
 * `i += step` (a fractional start or step: `0.1 + 0.1 + 0.1` is not `3 · 0.1` in every case).
 */
export interface Counter {
	readonly name: string;
	readonly start: number;
	readonly step: number;
	readonly count: number;
	readonly values?: Float64Array;
}

/** The counter of a `for` statement, or an error saying what form the loop must take. */
export function countedLoop(ctx: LoweringContext, scope: Scope, s: t.ForStatement, span: SourceSpan): Counter {
	const init = s.init?.type === 'VariableDeclaration' && s.init.kind !== 'const' ? s.init : undefined;
	const declarator = init?.declarations.length === 1 ? init.declarations[0]! : undefined;
	if (!declarator || declarator.id.type !== 'Identifier' || !declarator.init) {
		const at = s.init ? spanOf(s.init) : span;
		return fail(msg`a for loop in a loss must declare one counter: for (let i = 0; i < n; i++)`, at);
	}
	const name = declarator.id.name;
	const start = constant(ctx, scope, declarator.init, msg`the start of the loop`);
	const step = stepOf(ctx, scope, s.update, name, span);
	if (!s.test) return fail(msg`the loop needs a condition on '${name}', like ${name} < n`, span);
	const test = unwrap(s.test);
	for (const other of assignedNames([s.body])) {
		if (other !== name && mentions([test], other)) {
			fail(msg`the loop condition uses '${other}', which the loop body changes; the bound must be fixed`,
				spanOf(test));
		}
	}
	const count = tripCount(ctx, scope, test, name, start, step);
	if (Number.isInteger(start) && Number.isInteger(step)) return { name, start, step, count };
	return { name, start, step, count, values: accumulated(start, step, count) };
}

/** `start`, `start + step`, `(start + step) + step`, ... as JavaScript computes them. */
function accumulated(start: number, step: number, count: number): Float64Array {
	const values = new Float64Array(count);
	let i = start;
	for (let k = 0; k < count; k++, i += step) values[k] = i;
	return values;
}

/** A number known before the loss runs, else a `NotConstantError` naming `what`. */
function constant(ctx: LoweringContext, scope: Scope, node: t.Expression, what: MessageArgument): number {
	const value = evaluateNumber(ctx, scope, node);
	if (value.kind === 'const') return value.value;
	const message = msg`${what} must be known before the loss runs (a number, a constant or an array's length)`;
	throw new NotConstantError(message, spanOf(node));
}

function stepOf(
	ctx: LoweringContext,
	scope: Scope,
	update: t.Expression | null | undefined,
	name: string,
	span: SourceSpan,
): number {
	const u = update && unwrap(update);
	const isCounter = (n: t.Node) => n.type === 'Identifier' && n.name === name;
	const what = msg`the step of the loop`;
	if (u?.type === 'UpdateExpression' && isCounter(u.argument)) return u.operator === '++' ? 1 : -1;
	if (u?.type === 'AssignmentExpression' && isCounter(u.left)) {
		if (u.operator === '+=') return constant(ctx, scope, u.right, what);
		if (u.operator === '-=') return -constant(ctx, scope, u.right, what);
		const r = unwrap(u.right);
		const sum = r.type === 'BinaryExpression' && (r.operator === '+' || r.operator === '-') && isCounter(r.left);
		if (u.operator === '=' && sum) {
			const step = constant(ctx, scope, r.right as t.Expression, what);
			return r.operator === '+' ? step : -step;
		}
	}
	const forms = [`${name}++`, `${name}--`, `${name} += k`, `${name} -= k`] as const;
	const message = msg`the loop must advance '${name}' by a fixed step: ${forms[0]}, ${forms[1]}, ${forms[2]} or ${forms[3]}`;
	return fail(message, update ? spanOf(update) : span);
}

const flipped: Readonly<Record<string, string>> = {
	'<': '>', '<=': '>=', '>': '<', '>=': '<=', '!=': '!=', '!==': '!=',
};

function tripCount(ctx: LoweringContext, scope: Scope, test: t.Expression, name: string, start: number, step: number) {
	const span = spanOf(test);
	const isCounter = (n: t.Node) => n.type === 'Identifier' && n.name === name;
	const comparison = test.type === 'BinaryExpression' && test.operator in flipped ? test : undefined;
	const counterLeft = comparison !== undefined && isCounter(comparison.left);
	if (!comparison || (!counterLeft && !isCounter(comparison.right))) {
		return fail(msg`the loop condition must compare '${name}' with a bound, like ${name} < n`, span);
	}
	const op = counterLeft ? comparison.operator : flipped[comparison.operator]!;
	const other = (counterLeft ? comparison.right : comparison.left) as t.Expression;
	const bound = constant(ctx, scope, other, msg`the bound of the loop`);
	const count = iterations(op, start, step, bound);
	if (count === undefined) {
		fail(msg`the loop never ends: '${name}' starts at ${start} and moves by ${step} away from ${bound}`, span);
	}
	return count;
}

/** Counters beyond this many iterations are not simulated (the trip limit rejects them anyway). */
const simulationLimit = 10_000_000;

/**
 * How many times `for (i = start; i op bound; i += step)` runs, or undefined if it never ends. A fractional start or
 * step accumulates rounding (`0.1` added ten times is `0.9999999999999999`), so such counters are run in float64 as
 * JavaScript runs them; integer ones follow the closed form, which is exact for them.
 */
export function iterations(op: string, start: number, step: number, bound: number): number | undefined {
	if (Number.isNaN(bound) || Number.isNaN(start) || !Number.isFinite(step)) return 0;
	if (!holds(op, start, bound)) return 0;
	const exact = Number.isInteger(start) && Number.isInteger(step);
	if (op === '!=' || op === '!==') {
		const n = (bound - start) / step;
		if (exact) return Number.isInteger(n) && n > 0 ? n : undefined;
		return simulate(op, start, step, bound, Math.min(Math.round(n) + 1, simulationLimit));
	}
	const upward = op === '<' || op === '<=';
	if (step === 0 || step > 0 !== upward || !Number.isFinite(bound)) return undefined;
	const distance = (bound - start) / step;
	const estimate = op === '<' || op === '>' ? Math.ceil(distance) : Math.floor(distance) + 1;
	return exact || estimate > simulationLimit ? estimate : simulate(op, start, step, bound, estimate + 2);
}

/** Runs the counter as JavaScript does, for at most `limit` iterations; undefined when it is still going then. */
function simulate(op: string, start: number, step: number, bound: number, limit: number): number | undefined {
	let count = 0;
	for (let i = start; holds(op, i, bound); i += step) {
		if (++count > limit) return undefined;
	}
	return count;
}

function holds(op: string, i: number, bound: number): boolean {
	switch (op) {
		case '<': return i < bound;
		case '<=': return i <= bound;
		case '>': return i > bound;
		case '>=': return i >= bound;
		default: return i !== bound;
	}
}
