// The syntax tree the differential fuzzer generates programs as, shared by its Python, JavaScript/TypeScript and math
// generators: the renderers turn it into source text with each language's precedence, and the shrinker edits it.

/** An expression. `paren` asks for a redundant pair of parentheses. */
export type Expr = (
	| { readonly k: 'num'; readonly text: string; readonly value: number }
	| { readonly k: 'name'; readonly name: string }
	| { readonly k: 'unary'; readonly op: string; readonly a: Expr }
	| { readonly k: 'binary'; readonly op: string; readonly a: Expr; readonly b: Expr }
	| { readonly k: 'compare'; readonly ops: readonly string[]; readonly items: readonly Expr[] }
	| { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] }
	| { readonly k: 'cond'; readonly test: Expr; readonly then: Expr; readonly else: Expr }
	| { readonly k: 'index'; readonly a: Expr; readonly i: Expr }
	| { readonly k: 'list'; readonly items: readonly Expr[] }
	/** Text with expressions in between (`sum(` e ` for v in xs if ` c `)`): comprehensions, reduce, map. */
	| { readonly k: 'template'; readonly text: readonly string[]; readonly parts: readonly Expr[] }
) & { readonly paren?: boolean };

export type Stmt =
	| { readonly k: 'assign'; readonly target: string; readonly op: string; readonly value: Expr; readonly decl?: string }
	| { readonly k: 'if'; readonly branches: readonly { readonly test: Expr; readonly body: readonly Stmt[] }[]; readonly else?: readonly Stmt[] }
	/** `head` is the loop header in the target language, without `for` and its brackets. */
	| { readonly k: 'for'; readonly head: string; readonly body: readonly Stmt[] }
	| { readonly k: 'return'; readonly value: Expr };

export interface Param {
	readonly name: string;
	/** The default (the start point; a `list` for a vector parameter); helpers have none. */
	readonly default?: Expr;
	readonly type?: string;
}

export interface Fn {
	readonly name: string;
	readonly params: readonly Param[];
	readonly body: readonly Stmt[];
	/** Python `lambda`, JavaScript arrow or exported function; plain `def`/`function` otherwise. */
	readonly style?: 'lambda' | 'arrow' | 'export';
}

export type Item =
	| { readonly k: 'const'; readonly name: string; readonly value: Expr; readonly decl?: string }
	| { readonly k: 'fn'; readonly fn: Fn };

export interface Module {
	readonly header: readonly string[];
	readonly items: readonly Item[];
	/** The function Downhill is asked for. */
	readonly loss: string;
}

/** The literal `1`, what the shrinker puts in place of an expression. */
export const one: Expr = { k: 'num', text: '1', value: 1 };
