/**
 * The Python syntax the front end works on: a small typed tree converted from @lezer/python's concrete syntax tree
 * (`convertExpressions.ts`, `convertStatements.ts`), so the lowering passes switch exhaustively on `kind` instead of
 * walking punctuation. Every construct outside the subset a loss can use is kept as an `unsupported` node with its
 * message, and becomes an error only if the chosen loss actually reaches it.
 */
import type { SourceSpan } from '../../errors';
import type { Message } from '../../message';

/** The arithmetic operators a loss may use (also as `+=` and friends). */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@';
/** Comparisons; `<>` is read as `!=`. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface Spanned {
	readonly span: SourceSpan;
}

/** A number literal, `True` or `False`. */
export interface NumberExpr extends Spanned {
	readonly kind: 'number';
	/** Also `True` (1) and `False` (0). */
	readonly value: number;
}

/** A name read as a value. */
export interface NameExpr extends Spanned {
	readonly kind: 'name';
	readonly name: string;
}

/** A plain string literal; `value` is its text when it has no escapes (enough for `float('inf')`). */
export interface StringExpr extends Spanned {
	readonly kind: 'string';
	readonly value: string | undefined;
}

/** `left op right` for an arithmetic operator. */
export interface BinaryExpr extends Spanned {
	readonly kind: 'binary';
	readonly op: ArithmeticOperator;
	readonly left: Expr;
	readonly right: Expr;
	readonly opSpan: SourceSpan;
}

/** `a < b <= c`: `operands.length === ops.length + 1`. */
export interface CompareExpr extends Spanned {
	readonly kind: 'compare';
	readonly operands: readonly Expr[];
	readonly ops: readonly ComparisonOperator[];
}

/** `-x`, `+x` or `not x`. */
export interface UnaryExpr extends Spanned {
	readonly kind: 'unary';
	readonly op: '-' | '+' | 'not';
	readonly operand: Expr;
}

/** `left and right`, `left or right`: the value of one operand, as in Python. */
export interface LogicalExpr extends Spanned {
	readonly kind: 'logical';
	readonly op: 'and' | 'or';
	readonly left: Expr;
	readonly right: Expr;
}

/** `whenTrue if test else whenFalse`. */
export interface ConditionalExpr extends Spanned {
	readonly kind: 'conditional';
	readonly test: Expr;
	readonly whenTrue: Expr;
	readonly whenFalse: Expr;
}

/** A keyword argument `name=value`. */
export interface Keyword extends Spanned {
	readonly name: string;
	readonly value: Expr;
}

/** A call; a bare generator argument (`sum(x for x in xs)`) is one of `args`. */
export interface CallExpr extends Spanned {
	readonly kind: 'call';
	readonly callee: Expr;
	readonly args: readonly Expr[];
	readonly keywords: readonly Keyword[];
}

/** `object.name`. */
export interface AttributeExpr extends Spanned {
	readonly kind: 'attribute';
	readonly object: Expr;
	readonly name: string;
	readonly nameSpan: SourceSpan;
}

/** `xs[i]`, or `xs[a:b]` when `slice` is set. */
export interface SubscriptExpr extends Spanned {
	readonly kind: 'subscript';
	readonly object: Expr;
	readonly index: Expr | SliceBounds | IndexTuple;
}

/** numpy's `X[:, 0]`, `X[1:, ::2]`: several indices of which at least one is a slice. */
export interface IndexTuple extends Spanned {
	readonly kind: 'indexTuple';
	readonly items: readonly (Expr | SliceBounds)[];
}

/** The `lower:upper:step` of a slice, each part optional. */
export interface SliceBounds extends Spanned {
	readonly kind: 'slice';
	readonly lower: Expr | undefined;
	readonly upper: Expr | undefined;
	readonly step: Expr | undefined;
}

/** A list `[a, b]` or a tuple `(a, b)` / `a, b`. */
export interface SequenceExpr extends Spanned {
	readonly kind: 'sequence';
	readonly form: 'list' | 'tuple';
	readonly items: readonly Expr[];
}

/** A `for ... in ...` or `if ...` clause of a comprehension. */
export type Clause =
	| { readonly kind: 'for'; readonly target: Target; readonly iterable: Expr; readonly span: SourceSpan }
	| { readonly kind: 'if'; readonly test: Expr; readonly span: SourceSpan };

/** `(element for ... in ... if ...)` or `[element for ...]`. */
export interface ComprehensionExpr extends Spanned {
	readonly kind: 'comprehension';
	readonly form: 'generator' | 'list';
	readonly element: Expr;
	/** Starts with a `for`. */
	readonly clauses: readonly Clause[];
}

/** `lambda params: body`. */
export interface LambdaExpr extends Spanned {
	readonly kind: 'lambda';
	readonly params: readonly Param[];
	readonly body: Expr;
}

/** Something a loss cannot use: the message says what, and is thrown only when it is evaluated. */
export interface UnsupportedExpr extends Spanned {
	readonly kind: 'unsupported';
	readonly message: Message;
}

/** Any expression. */
export type Expr =
	| NumberExpr | NameExpr | StringExpr | BinaryExpr | CompareExpr | UnaryExpr | LogicalExpr | ConditionalExpr
	| CallExpr | AttributeExpr | SubscriptExpr | SequenceExpr | ComprehensionExpr | LambdaExpr | UnsupportedExpr;

/** What an assignment or a `for` binds: a name, a tuple of targets, or something a loss cannot assign. */
export type Target =
	| { readonly kind: 'name'; readonly name: string; readonly span: SourceSpan }
	| { readonly kind: 'tuple'; readonly items: readonly Target[]; readonly span: SourceSpan }
	/** `xs[i]`, `W[i][j]`: an element of the local list `name`. */
	| { readonly kind: 'element'; readonly name: string; readonly element: SubscriptExpr; readonly span: SourceSpan }
	| {
		readonly kind: 'invalid';
		readonly message: Message;
		readonly span: SourceSpan;
		/** The list a subscript or attribute target would change (`xs` in `xs[0] = 1`). */
		readonly changes: string | undefined;
	};

/** A parameter of a `def` or `lambda`, with its type hint and default. */
export interface Param extends Spanned {
	readonly name: string;
	readonly nameSpan: SourceSpan;
	readonly annotation: Expr | undefined;
	readonly initial: Expr | undefined;
	/** `*args` and `**kwargs` cannot be lowered. */
	readonly star: '' | '*' | '**';
}

/** A `def`, or a `lambda` seen as a function. */
export interface FunctionDef extends Spanned {
	readonly name: string;
	readonly nameSpan: SourceSpan;
	readonly params: readonly Param[];
	/** Statements for `def`, an expression for `lambda`. */
	readonly body: readonly Stmt[] | Expr;
	/** Why the function itself cannot be lowered (`async def`, a decorator), if it cannot. */
	readonly problem: UnsupportedExpr | undefined;
}

/** One name an import binds: a module (`np`), a member (`exp` from `from math import exp`), or `*`. */
export interface ImportBinding extends Spanned {
	readonly name: string;
	/** Dotted: `numpy`, `math.exp`, `numpy.linalg`. */
	readonly path: string;
	readonly form: 'module' | 'member' | 'star';
}

/** Any statement. */
export type Stmt =
	| {
		readonly kind: 'assign';
		readonly targets: readonly Target[];
		/** Undefined for an annotation alone (`x: float`). */
		readonly value: Expr | undefined;
		readonly span: SourceSpan;
	}
	| {
		readonly kind: 'augmented';
		readonly target: Target;
		readonly op: ArithmeticOperator;
		readonly value: Expr;
		readonly span: SourceSpan;
	}
	| { readonly kind: 'expression'; readonly value: Expr; readonly span: SourceSpan }
	| { readonly kind: 'return'; readonly value: Expr | undefined; readonly span: SourceSpan }
	| {
		readonly kind: 'if';
		readonly test: Expr;
		readonly body: readonly Stmt[];
		readonly orelse: readonly Stmt[];
		readonly span: SourceSpan;
	}
	| {
		readonly kind: 'for';
		readonly target: Target;
		readonly iterable: Expr;
		readonly body: readonly Stmt[];
		readonly orelse: readonly Stmt[] | undefined;
		readonly span: SourceSpan;
	}
	| { readonly kind: 'def'; readonly def: FunctionDef; readonly span: SourceSpan }
	| { readonly kind: 'import'; readonly bindings: readonly ImportBinding[]; readonly span: SourceSpan }
	| { readonly kind: 'assert'; readonly test: Expr; readonly span: SourceSpan }
	| { readonly kind: 'pass'; readonly span: SourceSpan }
	| {
		readonly kind: 'unsupported';
		readonly message: Message;
		readonly span: SourceSpan;
		/** Nested statements (a `while` or `with` body), so scans still see what they assign. */
		readonly bodies: readonly (readonly Stmt[])[];
		/** Names the statement binds itself (`class A`, `with ... as f`). */
		readonly binds: readonly string[];
	};

/** A whole file. */
export interface Module {
	readonly body: readonly Stmt[];
	readonly span: SourceSpan;
}
