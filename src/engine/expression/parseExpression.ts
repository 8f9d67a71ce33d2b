/**
 * The parser of the expression language: a Pratt parser over the tokens of tokenize.ts, producing the tree of
 * expression.ts. Precedence, loosest first: `?:` < `||`/`or` < `&&`/`and` < `not` < comparisons (which do not chain)
 * < `+ -` < `* / %` < prefix `- + !` < `**`/`^` (right-associative, so `-x**2` is `-(x**2)` and `2**-1` parses).
 * `not` sits below comparisons as in Python (`not a < b` is `not (a < b)`); `!` binds tightly as in JavaScript.
 * Assignment `name = expr` is accepted only as the whole input.
 *
 * Source: V. Pratt, "Top Down Operator Precedence", POPL 1973; binding powers as in the Python and JavaScript
 * grammars, except that mixing comparisons (`a < b < c`) is rejected, since the two languages read it differently.
 */

import { ExpressionError, maxExpressionDepth, type Expression } from './expression';
import { describeArity, expressionConstants, expressionFunctions, resolveFunctionName } from './functions';
import {
	comparisonPower,
	infixRules,
	isOperator,
	joinSpans,
	notOperandPower,
	spanOf,
	unaryOperandPower,
	unexpected,
} from './grammar';
import { tokenize, type Operator, type Token } from './tokenize';
import { msg } from '../message';

/**
 * Parses one expression, or a top-level assignment `name = expr`. Throws `ExpressionError` at the offending token,
 * e.g. "unexpected ')' at column 7", "unknown function 'foo'", or when the text is longer than 10,000 characters or
 * nested more than 200 levels deep.
 */
export function parseExpression(text: string): Expression {
	return parseExpressionRange(text, 0, text.length, true);
}

/**
 * Parses `source.slice(start, end)` with spans and error columns relative to all of `source` (for logpoint holes).
 * Assignment is rejected unless `allowAssignment`.
 */
export function parseExpressionRange(source: string, start: number, end: number, allowAssignment: boolean): Expression {
	return new Parser(tokenize(source, start, end)).parseRoot(allowAssignment);
}

class Parser {
	private position = 0;
	private depth = 0;
	private readonly heights = new WeakMap<Expression, number>();

	constructor(private readonly tokens: readonly Token[]) {}

	parseRoot(allowAssignment: boolean): Expression {
		const expr = this.parseConditional();
		const next = this.peek();
		if (!isOperator(next, '=')) {
			return this.expectEnd(expr);
		}
		if (!allowAssignment) {
			throw unexpected(next, msg`assignment is not allowed here; use == to compare`);
		}
		if (expr.kind !== 'name') {
			throw new ExpressionError(
				msg`cannot assign to this expression at column ${expr.span.column}`,
				expr.span.column,
				expr.span.endColumn,
			);
		}
		this.advance();
		const value = this.parseConditional();
		const span = joinSpans(expr.span, value.span);
		return this.expectEnd({ kind: 'assign', target: expr.key, targetSpan: expr.span, value, span });
	}

	private expectEnd(expr: Expression): Expression {
		const next = this.peek();
		if (next.kind !== 'end') {
			const assigns = isOperator(next, '=');
			const hint = assigns ? msg`assignment is only allowed at the top level; use == to compare` : undefined;
			throw unexpected(next, hint);
		}
		return expr;
	}

	private parseConditional(): Expression {
		const test = this.parseBinary(0);
		if (!isOperator(this.peek(), '?')) {
			return test;
		}
		this.advance();
		this.enter();
		const consequent = this.parseConditional();
		this.expect(':');
		const alternate = this.parseConditional();
		this.depth--;
		const span = joinSpans(test.span, alternate.span);
		return this.node({ kind: 'conditional', test, consequent, alternate, span }, test, consequent, alternate);
	}

	private parseBinary(minPower: number): Expression {
		let left = this.parsePrefix(minPower);
		let afterComparison = false;
		for (;;) {
			const token = this.peek();
			const rule = token.kind === 'operator' ? infixRules.get(token.op) : undefined;
			if (!rule || rule.power <= minPower) {
				return left;
			}
			if (afterComparison && rule.power === comparisonPower) {
				throw unexpected(token, msg`comparisons do not chain; write a < b && b < c`);
			}
			this.advance();
			const right = this.parseBinary(rule.rightAssociative ? rule.power - 1 : rule.power);
			const span = joinSpans(left.span, right.span);
			left = this.node({ kind: 'binary', operator: rule.operator, left, right, span }, left, right);
			afterComparison = rule.power === comparisonPower;
		}
	}

	private parsePrefix(minPower: number): Expression {
		this.enter();
		const expr = this.parseOperand(minPower);
		this.depth--;
		return expr;
	}

	private parseOperand(minPower: number): Expression {
		const token = this.advance();
		switch (token.kind) {
			case 'number':
				return { kind: 'number', value: token.value, span: spanOf(token) };
			case 'name':
				return this.parseName(token);
			case 'operator':
				return this.parseOperatorOperand(token, token.op, minPower);
			case 'end':
				throw unexpected(token);
			default: {
				const never: never = token;
				return never;
			}
		}
	}

	private parseOperatorOperand(token: Token, op: Operator, minPower: number): Expression {
		if (op === '(') {
			const inner = this.parseConditional();
			this.expect(')');
			return inner;
		}
		if (op === '-' || op === '+' || op === '!' || op === 'not') {
			if (op === 'not' && minPower > notOperandPower) {
				throw unexpected(token, msg`put 'not ...' in parentheses`);
			}
			const operand = this.parseBinary(op === 'not' ? notOperandPower : unaryOperandPower);
			const operator = op === 'not' ? '!' : op;
			const span = joinSpans(spanOf(token), operand.span);
			return this.node({ kind: 'unary', operator, operand, span }, operand);
		}
		throw unexpected(token);
	}

	private parseName(token: Token & { kind: 'name' }): Expression {
		if (isOperator(this.peek(), '(')) {
			return this.parseCall(token);
		}
		const constant = expressionConstants.get(token.key);
		if (constant !== undefined) {
			return { kind: 'number', value: constant, span: spanOf(token) };
		}
		return { kind: 'name', key: token.key, span: spanOf(token) };
	}

	private parseCall(token: Token & { kind: 'name' }): Expression {
		const callee = resolveFunctionName(token.key);
		const fn = callee === undefined ? undefined : expressionFunctions.get(callee);
		if (callee === undefined || fn === undefined) {
			throw new ExpressionError(msg`unknown function '${token.text}'`, token.start + 1, token.end + 1);
		}
		this.advance();
		const args: Expression[] = [];
		if (!isOperator(this.peek(), ')')) {
			do {
				args.push(this.parseConditional());
			} while (this.accept(','));
		}
		const close = this.expect(')');
		if (args.length < fn.minArgs || args.length > fn.maxArgs) {
			throw new ExpressionError(
				msg`${`${token.text}()`} takes ${describeArity(fn)}, got ${args.length} (column ${token.start + 1})`,
				token.start + 1,
				close.end + 1,
			);
		}
		return this.node({ kind: 'call', callee, args, span: joinSpans(spanOf(token), spanOf(close)) }, ...args);
	}

	/** Records the height of a new node; nothing deeper than `maxExpressionDepth` is built. */
	private node<T extends Expression>(expr: T, ...children: Expression[]): T {
		const height = 1 + Math.max(0, ...children.map((child) => this.heights.get(child) ?? 1));
		if (height > maxExpressionDepth) {
			throw this.tooDeep(expr.span.column);
		}
		this.heights.set(expr, height);
		return expr;
	}

	/** Guards the recursion itself, so deep input is an `ExpressionError` and never a stack overflow. */
	private enter(): void {
		this.depth++;
		if (this.depth > maxExpressionDepth) {
			throw this.tooDeep(this.peek().start + 1);
		}
	}

	private tooDeep(column: number): ExpressionError {
		return new ExpressionError(
			msg`expression is nested too deeply (more than ${maxExpressionDepth} levels) at column ${column}`,
			column,
		);
	}

	private peek(): Token {
		return this.tokens[this.position]!;
	}

	private advance(): Token {
		const token = this.peek();
		if (token.kind !== 'end') {
			this.position++;
		}
		return token;
	}

	private accept(op: Operator): boolean {
		if (isOperator(this.peek(), op)) {
			this.position++;
			return true;
		}
		return false;
	}

	private expect(op: Operator): Token {
		const token = this.peek();
		if (!isOperator(token, op)) {
			throw unexpected(token, msg`expected '${op}'`);
		}
		this.position++;
		return token;
	}
}
