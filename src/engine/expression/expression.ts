/**
 * The syntax tree of the engine's small expression language: breakpoint conditions (`loss < 1e-3`), logpoint holes,
 * Watch expressions (`grad.x * lr`) and Debug Console input, including the one statement it has, `name = expr`.
 *
 * The tree is a discriminated union on `kind`; parseExpression.ts builds it, evaluateExpression.ts and
 * expressionNames.ts are passes over it. Names are resolved at parse time to one canonical lookup key
 * (`grad.w[0]`), so the session answers every read with a single map lookup.
 */

/** Longest accepted input, in UTF-16 code units. */
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
