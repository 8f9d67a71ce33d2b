/**
 * Converts @lezer/python statement nodes to the typed tree: assignments (chained, annotated, tuple), augmented
 * assignments, `if`/`elif`/`else` (as nested `if`s), `for`, `def`, imports, `return`, `assert` and `pass`. Docstrings
 * and other bare strings become `pass`. Statements a loss cannot contain (`while`, `try`, `with`, `class`, `global`,
 * `break`, `yield`, ...) become `unsupported` statements that keep their bodies, so scans still see what they assign.
 */
import type { SyntaxNode } from '@lezer/common';
import type { SourceSpan } from '../../errors';
import { convertExpr, expressionList, targetList, unsupported } from './convertExpressions';
import { convertImport } from './convertImports';
import { convertParams } from './convertParams';
import { childrenOf, type SourceText } from './parsePython';
import type { ArithmeticOperator, Expr, FunctionDef, Module, Stmt, Target } from './pythonAst';
import { msg, type Message } from '../../message';

/** The whole file. */
export function convertModule(src: SourceText, script: SyntaxNode): Module {
	return { body: statementList(src, childrenOf(script)), span: src.whole() };
}

function statementList(src: SourceText, nodes: readonly SyntaxNode[]): Stmt[] {
	const statements: Stmt[] = [];
	for (const node of nodes) {
		if (node.name === 'StatementGroup') {
			for (const part of childrenOf(node)) if (part.name !== ';') statements.push(convertStatement(src, part));
		} else {
			statements.push(convertStatement(src, node));
		}
	}
	return statements;
}

/** The statements of a `Body` node (after its colon). */
function body(src: SourceText, node: SyntaxNode | undefined): Stmt[] {
	return node ? statementList(src, childrenOf(node).slice(1)) : [];
}

const notSupported = (keyword: string): Message => msg`${`'${keyword}'`} is not supported in a loss`;
const loopExit = (keyword: string): Message =>
	msg`${`'${keyword}'`} is not supported in a loss: loops run a fixed number of times; use an if inside the loop`;
const messages: Readonly<Record<string, Message>> = {
	WhileStatement: msg`while loops are not supported; use for ... in range(n)`,
	TryStatement: notSupported('try'),
	WithStatement: notSupported('with'),
	MatchStatement: notSupported('match'),
	DeleteStatement: notSupported('del'),
	BreakStatement: loopExit('break'),
	ContinueStatement: loopExit('continue'),
	YieldStatement: msg`${"'yield'"} is not supported in a loss: a loss returns one number`,
	PrintStatement: msg`print is not supported in a loss: the loss is analysed, not run`,
	RaiseStatement: notSupported('raise'),
	ClassDefinition: msg`classes are not supported in a loss`,
};

function convertStatement(src: SourceText, node: SyntaxNode): Stmt {
	const span = src.of(node);
	switch (node.name) {
		case 'AssignStatement':
			return assignment(src, node, span);
		case 'UpdateStatement':
			return augmented(src, node, span);
		case 'ExpressionStatement': {
			const parts = childrenOf(node);
			const only = parts.length === 1 ? parts[0]!.name : '';
			const isString = only === 'String' || only === 'ContinuedString';
			return isString ? { kind: 'pass', span } : { kind: 'expression', value: expressionList(src, parts), span };
		}
		case 'ReturnStatement': {
			const parts = childrenOf(node).slice(1);
			return { kind: 'return', value: parts.length > 0 ? expressionList(src, parts) : undefined, span };
		}
		case 'IfStatement':
			return ifStatement(src, node);
		case 'ForStatement':
			return forStatement(src, node, span);
		case 'FunctionDefinition':
			return { kind: 'def', def: functionDef(src, node, undefined), span };
		case 'DecoratedStatement':
			return decorated(src, node, span);
		case 'ImportStatement':
			return { kind: 'import', bindings: convertImport(src, node), span };
		case 'AssertStatement':
			return { kind: 'assert', test: convertExpr(src, childrenOf(node)[1]!), span };
		case 'PassStatement':
		case 'TypeDefinition':
			return { kind: 'pass', span };
		case 'ScopeStatement':
			return unsupportedStatement(notSupported(src.textOf(node.firstChild!)), span, []);
		default:
			return unsupportedStatement(messages[node.name] ?? msg`this statement is not supported in a loss`, span,
				childrenOf(node).filter((c) => c.name === 'Body').map((b) => body(src, b)), binds(src, node));
	}
}

function unsupportedStatement(message: Message, span: SourceSpan, bodies: Stmt[][], names: string[] = []): Stmt {
	return { kind: 'unsupported', message, span, bodies, binds: names };
}

/** Names bound by a class or `with ... as name` statement. */
function binds(src: SourceText, node: SyntaxNode): string[] {
	const parts = childrenOf(node);
	if (node.name === 'ClassDefinition') return parts[1] ? [src.textOf(parts[1])] : [];
	return parts.filter((p, i) => p.name === 'VariableName' && parts[i - 1]?.name === 'as').map((p) => src.textOf(p));
}

/** `a = b = value`, `a, b = 1, 2`, `x: float = 1.0`, `x: float`. */
function assignment(src: SourceText, node: SyntaxNode, span: SourceSpan): Stmt {
	const groups: SyntaxNode[][] = [[]];
	for (const part of childrenOf(node)) {
		if (part.name === 'AssignOp') groups.push([]);
		else if (part.name !== 'TypeDef') groups.at(-1)!.push(part);
	}
	if (groups.length === 1) return { kind: 'assign', targets: [targetList(src, groups[0]!)], value: undefined, span };
	const valueNodes = groups.pop()!;
	const value = valueNodes[0]?.name === 'YieldExpression'
		? unsupported(notSupported('yield'), src.of(valueNodes[0]))
		: expressionList(src, valueNodes);
	return { kind: 'assign', targets: groups.map((g) => targetList(src, g)), value, span };
}

const augmentedOperators = new Set(['+', '-', '*', '/', '//', '%', '**']);

function augmented(src: SourceText, node: SyntaxNode, span: SourceSpan): Stmt {
	const parts = childrenOf(node);
	const at = parts.findIndex((p) => p.name === 'UpdateOp');
	const operator = src.textOf(parts[at]!).slice(0, -1);
	if (!augmentedOperators.has(operator)) {
		return unsupportedStatement(msg`the operator ${`'${operator}='`} is not supported in a loss`, src.of(parts[at]!), []);
	}
	const target: Target = targetList(src, parts.slice(0, at));
	const valueNodes = parts.slice(at + 1);
	const value: Expr = valueNodes[0]?.name === 'YieldExpression'
		? unsupported(notSupported('yield'), src.of(valueNodes[0]))
		: expressionList(src, valueNodes);
	return { kind: 'augmented', target, op: operator as ArithmeticOperator, value, span };
}

/** `if a: ... elif b: ... else: ...` as `if a: ... else: (if b: ... else: ...)`. */
function ifStatement(src: SourceText, node: SyntaxNode): Stmt {
	const parts = childrenOf(node);
	const clauses: { from: number; test: SyntaxNode; body: SyntaxNode }[] = [];
	let orelse: Stmt[] = [];
	for (let i = 0; i < parts.length; i++) {
		const keyword = parts[i]!.name;
		if (keyword === 'if' || keyword === 'elif') {
			clauses.push({ from: parts[i]!.from, test: parts[i + 1]!, body: parts[i + 2]! });
			i += 2;
		} else if (keyword === 'else') {
			orelse = body(src, parts[i + 1]);
			i += 1;
		}
	}
	for (let k = clauses.length - 1; k >= 0; k--) {
		const clause = clauses[k]!;
		const span = src.span(clause.from, node.to);
		orelse = [{ kind: 'if', test: convertExpr(src, clause.test), body: body(src, clause.body), orelse, span }];
	}
	return orelse[0]!;
}

function forStatement(src: SourceText, node: SyntaxNode, span: SourceSpan): Stmt {
	const parts = childrenOf(node);
	if (parts[0]!.name === 'async') return unsupportedStatement(notSupported('async for'), span, []);
	const inAt = parts.findIndex((p) => p.name === 'in');
	const bodyAt = parts.findIndex((p) => p.name === 'Body');
	const hasElse = parts[bodyAt + 1]?.name === 'else';
	return {
		kind: 'for',
		target: targetList(src, parts.slice(1, inAt)),
		iterable: expressionList(src, parts.slice(inAt + 1, bodyAt)),
		body: body(src, parts[bodyAt]),
		orelse: hasElse ? body(src, parts[bodyAt + 2]) : undefined,
		span,
	};
}

/** A `def`; `problem` is set for a decorated one. */
function functionDef(src: SourceText, node: SyntaxNode, problem: Expr | undefined): FunctionDef {
	const parts = childrenOf(node);
	const name = parts.find((p) => p.name === 'VariableName')!;
	const params = parts.find((p) => p.name === 'ParamList');
	const isAsync = parts[0]!.name === 'async';
	const asyncProblem = isAsync ? unsupported(notSupported('async def'), src.of(parts[0]!)) : undefined;
	const issue = asyncProblem ?? problem;
	return {
		name: src.textOf(name),
		nameSpan: src.of(name),
		params: params ? convertParams(src, params) : [],
		body: body(src, parts.find((p) => p.name === 'Body')),
		problem: issue?.kind === 'unsupported' ? issue : undefined,
		span: src.of(node),
	};
}

function decorated(src: SourceText, node: SyntaxNode, span: SourceSpan): Stmt {
	const parts = childrenOf(node);
	const definition = parts.at(-1)!;
	if (definition.name !== 'FunctionDefinition') return convertStatement(src, definition);
	const decorator = parts[0]!;
	const name = src.textOf(decorator).split('\n')[0]!.replace(/#.*/, '').trim();
	const problem = unsupported(msg`decorators are not supported in a loss; remove ${`'${name}'`}`, src.of(decorator));
	return { kind: 'def', def: { ...functionDef(src, definition, problem), span }, span };
}
