/**
 * The syntax tree of one math expression or equation, shared by the plain-math, LaTeX and Markdown front ends.
 * `mathParser.ts` builds it from tokens and `lowerMath.ts` lowers it to the IR. Positions are offsets into the
 * user's source (the whole Markdown file for a block inside one); `LineIndex` turns them into lines and columns.
 *
 * Sums and products are n-ary chains rather than nested binary nodes, so a long `a + b + c + ...` neither deepens
 * the tree nor the recursion that walks it.
 */

export interface Located {
	readonly start: number;
	readonly end: number;
}

export interface NumberExpr extends Located {
	readonly kind: 'number';
	readonly value: number;
}

/** A variable, constant or summation index: `x`, `w_new` (base `w`, subscript `['new']`), `θ`, `e`. */
export interface NameExpr extends Located {
	readonly kind: 'name';
	readonly name: string;
	readonly base: string;
	readonly subscript: readonly string[];
}

export interface NegExpr extends Located {
	readonly kind: 'neg';
	readonly operand: Expr;
}

export type ChainOp = '+' | '-' | '*' | '/';

/** `first op1 operand1 op2 operand2 ...`, left to right; juxtaposition is `*`. */
export interface ChainExpr extends Located {
	readonly kind: 'chain';
	readonly first: Expr;
	readonly rest: readonly { readonly op: ChainOp; readonly operand: Expr }[];
}

export interface PowerExpr extends Located {
	readonly kind: 'power';
	readonly base: Expr;
	readonly exponent: Expr;
}

/**
 * A function applied to its arguments: a known one (`name` is a key of `mathFunction`), or with `defined` one that
 * an earlier block of the note defines (`mathDefinitions.ts`).
 */
export interface CallExpr extends Located {
	readonly kind: 'call';
	readonly name: string;
	readonly args: readonly Expr[];
	readonly defined?: true;
}

/** `\sqrt[degree]{radicand}`. */
export interface RootExpr extends Located {
	readonly kind: 'root';
	readonly degree: Expr;
	readonly radicand: Expr;
}

/** `\sum_{index=from}^{to} body`, over the integers `from..to`. */
export interface SumExpr extends Located {
	readonly kind: 'sum';
	readonly index: string;
	readonly from: Expr;
	readonly to: Expr;
	readonly body: Expr;
}

export type Expr = NumberExpr | NameExpr | NegExpr | ChainExpr | PowerExpr | CallExpr | RootExpr | SumExpr;

/** A declared parameter in a signature such as `f(x, y)`. */
export interface ParamDecl extends Located {
	readonly name: string;
}

/** The left side of `=`: the function's name and, when written, its parameters. */
export interface LeftSide extends Located {
	readonly name: string;
	readonly params?: readonly ParamDecl[];
}

/** A parsed block: `lhs = rhs`, or a bare expression (`lhs` undefined). */
export interface Equation extends Located {
	readonly lhs?: LeftSide;
	readonly rhs: Expr;
}

/** True when `expr` mentions a name whose subscript contains `index` (`x_i` for `i`). */
export function usesIndexed(expr: Expr, index: string): boolean {
	const stack: Expr[] = [expr];
	while (stack.length > 0) {
		const e = stack.pop()!;
		switch (e.kind) {
			case 'number':
				break;
			case 'name':
				if (e.subscript.includes(index)) return true;
				break;
			case 'neg':
				stack.push(e.operand);
				break;
			case 'chain':
				stack.push(e.first, ...e.rest.map((r) => r.operand));
				break;
			case 'power':
				stack.push(e.base, e.exponent);
				break;
			case 'call':
				stack.push(...e.args);
				break;
			case 'root':
				stack.push(e.degree, e.radicand);
				break;
			case 'sum':
				stack.push(e.from, e.to, e.body);
				break;
			default: {
				const never: never = e;
				return never;
			}
		}
	}
	return false;
}
