/**
 * The syntax tree of the engine's small expression language: breakpoint conditions (`loss < 1e-3`), logpoint holes,
 * Watch expressions (`grad.x * lr`) and Debug Console input, including the one statement it has, `name = expr`.
 *
 * The tree is a discriminated union on `kind`; parseExpression.ts builds it, evaluateExpression.ts and
 * expressionNames.ts are passes over it. Names are resolved at parse time to one canonical lookup key
 * (`grad.w[0]`), so the session answers every read with a single map lookup. The error type, the `Lookup` the
 * session answers names with, and the parsed logpoint template live here too, so callers import the vocabulary
 * from one place.
 */

/** Longest accepted input, in UTF-16 code units. */
import { formatMessage, type Message } from '../message';

export const maxExpressionLength = 10_000;

/** Deepest accepted nesting: enclosing parentheses, operators and calls, and the height of the tree. */
export const maxExpressionDepth = 200;

/** Where a node came from: 1-based columns within the parsed text; `endColumn` is exclusive. */
export interface ExpressionSpan {
	readonly column: number;
	readonly endColumn: number;
}

/** Prefix operators after spelling is normalized (`not` becomes `!`). */
export type UnaryOperator = '-' | '+' | '!';

/**
 * Infix operators after spelling is normalized: `^` becomes `**`, `===`/`!==` become `==`/`!=`, `and`/`or` become
 * `&&`/`||`.
 */
export type BinaryOperator =
	| '+'
	| '-'
	| '*'
	| '/'
	| '%'
	| '**'
	| '<'
	| '<='
	| '>'
	| '>='
	| '=='
	| '!='
	| '&&'
	| '||';

/** A numeric literal, also `True`/`False` (1/0), `Infinity`, `NaN` and qualified constants like `math.pi`. */
export interface NumberExpression {
	readonly kind: 'number';
	readonly value: number;
	readonly span: ExpressionSpan;
}

/** A read of one value by its canonical lookup key: `x`, `grad.x`, `grad.w[0]`, `w[1]`, `a[3].b`. */
export interface NameExpression {
	readonly kind: 'name';
	readonly key: string;
	readonly span: ExpressionSpan;
}

/** `-a`, `+a`, `!a` or `not a`. */
export interface UnaryExpression {
	readonly kind: 'unary';
	readonly operator: UnaryOperator;
	readonly operand: Expression;
	readonly span: ExpressionSpan;
}

/** `left operator right`. */
export interface BinaryExpression {
	readonly kind: 'binary';
	readonly operator: BinaryOperator;
	readonly left: Expression;
	readonly right: Expression;
	readonly span: ExpressionSpan;
}

/** `test ? consequent : alternate`. */
export interface ConditionalExpression {
	readonly kind: 'conditional';
	readonly test: Expression;
	readonly consequent: Expression;
	readonly alternate: Expression;
	readonly span: ExpressionSpan;
}

/** A call of a function from the fixed table in functions.ts; `callee` is its canonical name (`math.` dropped). */
export interface CallExpression {
	readonly kind: 'call';
	readonly callee: string;
	readonly args: readonly Expression[];
	readonly span: ExpressionSpan;
}

/**
 * `target = value`, only ever the root of a tree. Evaluating it yields the value; writing it is the caller's job.
 */
export interface AssignmentExpression {
	readonly kind: 'assign';
	readonly target: string;
	readonly targetSpan: ExpressionSpan;
	readonly value: Expression;
	readonly span: ExpressionSpan;
}

/** Any node of the expression language. */
export type Expression =
	| NumberExpression
	| NameExpression
	| UnaryExpression
	| BinaryExpression
	| ConditionalExpression
	| CallExpression
	| AssignmentExpression;

/** True when `expr` is a Debug Console assignment such as `lr = 0.01` or `w[1] = 0.5`. */
export function isAssignment(expr: Expression): expr is AssignmentExpression {
	return expr.kind === 'assign';
}

/** Bad expression text, or an unknown name met while evaluating. `column` is 1-based; `endColumn` is exclusive. */
export class ExpressionError extends Error {
	override readonly name = 'ExpressionError';
	readonly column: number;
	readonly endColumn: number;

	/** The message as a template and its arguments, for a translation (see `message.ts`). */
	readonly detail: Message;

	constructor(detail: Message, column: number, endColumn: number = column + 1) {
		super(formatMessage(detail));
		this.detail = detail;
		this.column = column;
		this.endColumn = Math.max(endColumn, column + 1);
	}
}

/** True for an `ExpressionError`, also one that crossed a bundle boundary. */
export function isExpressionError(error: unknown): error is ExpressionError {
	if (!(error instanceof Error) || error.name !== 'ExpressionError') {
		return false;
	}
	return typeof (error as ExpressionError).column === 'number';
}

/** The value of a lookup key such as `loss`, `grad.x` or `w[1]`, or undefined when there is no such name. */
export type Lookup = (key: string) => number | undefined;

/** A piece of a logpoint template: literal text (braces already unescaped) or a parsed hole. */
export type LogPart =
	| { readonly kind: 'text'; readonly text: string }
	| {
			readonly kind: 'hole';
			readonly expression: Expression;
			/** The hole's text without braces and surrounding whitespace, e.g. `loss` or `grad.x * lr`. */
			readonly text: string;
			/** 1-based column of the `{` in the template. */
			readonly column: number;
	  };

/** A parsed logpoint message (logMessage.ts). */
export interface LogTemplate {
	readonly parts: readonly LogPart[];
}
