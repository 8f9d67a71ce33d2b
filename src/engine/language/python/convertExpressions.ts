/**
 * Converts @lezer/python expression nodes to the typed tree of `pythonAst.ts`. The grammar's trees are concrete
 * (keywords, operators and commas are children), so this is where operands are told from punctuation, comparison
 * chains (`0 < x < 1`, which the grammar nests to the left) are flattened, and call arguments are grouped into
 * positional, keyword and generator arguments. Long operator chains are converted iteratively.
 */
import type { SyntaxNode } from '@lezer/common';
import type { SourceSpan } from '../../errors';
import { operatorExpression } from './convertOperators';
import { convertParams } from './convertParams';
import { elementRoot } from './astScan';
import { childrenOf, type SourceText } from './parsePython';
import type { Clause, Expr, IndexTuple, Keyword, SliceBounds, Target } from './pythonAst';
import { msg, type Message } from '../../message';

/** Converts any expression node; constructs outside the subset become `unsupported` nodes. */
export function convertExpr(src: SourceText, node: SyntaxNode): Expr {
	const span = src.of(node);
	switch (node.name) {
		case 'Number':
			return numberLiteral(src.textOf(node), span);
		case 'Boolean':
			return { kind: 'number', value: src.textOf(node) === 'True' ? 1 : 0, span };
		case 'VariableName':
			return { kind: 'name', name: src.textOf(node), span };
		case 'String':
			return { kind: 'string', value: plainString(src.textOf(node)), span };
		case 'ContinuedString':
			if (childrenOf(node).some((c) => c.name === 'FormatString')) return unsupported(constructNames['FormatString']!, span);
			return { kind: 'string', value: undefined, span };
		case 'BinaryExpression':
		case 'UnaryExpression':
			return operatorExpression(src, node);
		case 'ParenthesizedExpression':
			return parenthesized(src, node, span);
		case 'TupleExpression':
			return { kind: 'sequence', form: 'tuple', items: items(src, inner(node)), span };
		case 'ArrayExpression':
			return src.dataLiteral(node) ?? { kind: 'sequence', form: 'list', items: items(src, inner(node)), span };
		case 'ComprehensionExpression':
			return comprehension(src, inner(node), 'generator', span);
		case 'ArrayComprehensionExpression':
			return comprehension(src, inner(node), 'list', span);
		case 'CallExpression':
			return call(src, node, span);
		case 'MemberExpression':
			return member(src, node, span);
		case 'ConditionalExpression':
			return conditional(src, node, span);
		case 'LambdaExpression':
			return lambda(src, node, span);
		default:
			return unsupported(constructNames[node.name] ?? msg`${`'${src.textOf(node).slice(0, 20)}'`} is not supported in a loss`, span);
	}
}

const constructNames: Readonly<Record<string, Message>> = {
	FormatString: msg`f-strings are not supported in a loss`,
	DictionaryExpression: msg`dictionaries are not supported in a loss`,
	DictionaryComprehensionExpression: msg`dictionaries are not supported in a loss`,
	SetExpression: msg`sets are not supported in a loss`,
	SetComprehensionExpression: msg`sets are not supported in a loss`,
	None: msg`${"'None'"} is not supported in a loss`,
	Ellipsis: msg`${"'...'"} is not supported in a loss`,
	AwaitExpression: msg`${"'await'"} is not supported in a loss`,
	YieldExpression: msg`${"'yield'"} is not supported in a loss`,
	NamedExpression: msg`the assignment expression ':=' is not supported in a loss`,
};

/** An `unsupported` node, thrown only if a loss reaches it. */
export function unsupported(message: Message, span: SourceSpan): Expr {
	return { kind: 'unsupported', message, span };
}

function lambda(src: SourceText, node: SyntaxNode, span: SourceSpan): Expr {
	const parts = childrenOf(node);
	const params = parts.find((c) => c.name === 'ParamList');
	const body = convertExpr(src, parts.at(-1)!);
	return { kind: 'lambda', params: params ? convertParams(src, params) : [], body, span };
}

function numberLiteral(text: string, span: SourceSpan): Expr {
	const digits = text.replace(/_/g, '');
	if (/[jJ]$/.test(digits)) return unsupported(msg`complex numbers are not supported in a loss`, span);
	const radix = /^0[xX]/.test(digits) ? 16 : /^0[oO]/.test(digits) ? 8 : /^0[bB]/.test(digits) ? 2 : 10;
	const value = radix === 10 ? Number(digits) : parseInt(digits.slice(2), radix);
	return { kind: 'number', value, span };
}

const escapes = new Map([['t', '\t'], ['n', '\n'], ['\\', '\\'], ["'", "'"], ['"', '"']]);

/** A one-line literal's text: raw strings as written, else with the simple escapes (`\t`, `\n`, `\\`, quotes). */
function plainString(text: string): string | undefined {
	const match = /^([uUrR]?)(['"])((?:[^'"\\\n]|\\.)*)\2$/.exec(text);
	if (!match) return undefined;
	const body = match[3]!;
	if (match[1] === 'r' || match[1] === 'R') return body;
	let unknown = false;
	const value = body.replace(/\\(.)/g, (_, c: string) => escapes.get(c) ?? ((unknown = true), ''));
	return unknown ? undefined : value;
}

/** The children between a bracket pair. */
function inner(node: SyntaxNode): SyntaxNode[] {
	return childrenOf(node).slice(1, -1);
}

/** Splits nodes at commas; `comma` says whether there was one (`(a,)` is a tuple, `(a)` is not). */
export function splitCommas(nodes: readonly SyntaxNode[]): { groups: SyntaxNode[][]; comma: boolean } {
	const groups: SyntaxNode[][] = [[]];
	let comma = false;
	for (const node of nodes) {
		if (node.name === ',') {
			comma = true;
			groups.push([]);
		} else {
			groups.at(-1)!.push(node);
		}
	}
	if (groups.at(-1)!.length === 0) groups.pop();
	return { groups, comma };
}

/** The items of a list, tuple or expression list; `*xs` items are unsupported. */
export function items(src: SourceText, nodes: readonly SyntaxNode[]): Expr[] {
	return splitCommas(nodes).groups.map((group) => {
		const [first] = group;
		if (first?.name === '*') return unsupported(msg`unpacking with '*' is not supported in a loss`, src.span(first.from, group.at(-1)!.to));
		return convertExpr(src, group[0]!);
	});
}

/** Expressions separated by commas as one expression: a tuple when there is a comma. */
export function expressionList(src: SourceText, nodes: readonly SyntaxNode[]): Expr {
	const { groups, comma } = splitCommas(nodes);
	if (!comma && groups.length === 1 && groups[0]!.length === 1) return convertExpr(src, groups[0]![0]!);
	const span = src.span(nodes[0]!.from, nodes.at(-1)!.to);
	return { kind: 'sequence', form: 'tuple', items: items(src, nodes), span };
}

function parenthesized(src: SourceText, node: SyntaxNode, span: SourceSpan): Expr {
	const [first] = inner(node);
	if (!first) return unsupported(msg`${"'()'"} is not supported in a loss`, span);
	if (first.name === '*') return unsupported(msg`unpacking with '*' is not supported in a loss`, span);
	return convertExpr(src, first);
}

/** `element for targets in iterable (for ... | if ...)*`, from the nodes after the opening bracket. */
function comprehension(
	src: SourceText,
	nodes: readonly SyntaxNode[],
	form: 'generator' | 'list',
	span: SourceSpan,
): Expr {
	const [first] = nodes;
	if (!first || first.name === '*') return unsupported(msg`unpacking with '*' is not supported in a loss`, span);
	const clauses: Clause[] = [];
	let i = 1;
	while (i < nodes.length) {
		const keyword = nodes[i]!;
		if (keyword.name === 'async') return unsupported(msg`${"'async for'"} is not supported in a loss`, src.of(keyword));
		const start = i;
		if (keyword.name === 'if') {
			const test = nodes[i + 1]!;
			clauses.push({ kind: 'if', test: convertExpr(src, test), span: src.span(keyword.from, test.to) });
			i += 2;
			continue;
		}
		const inAt = nodes.findIndex((n, k) => k > i && n.name === 'in');
		const iterable = nodes[inAt + 1]!;
		clauses.push({
			kind: 'for',
			target: targetList(src, nodes.slice(start + 1, inAt)),
			iterable: convertExpr(src, iterable),
			span: src.span(keyword.from, iterable.to),
		});
		i = inAt + 2;
	}
	return { kind: 'comprehension', form, element: convertExpr(src, first), clauses, span };
}

function call(src: SourceText, node: SyntaxNode, span: SourceSpan): Expr {
	const [callee, argList] = childrenOf(node);
	const args: Expr[] = [];
	const keywords: Keyword[] = [];
	const nodes = inner(argList!);
	// A bare generator must be the only argument (`sum(x for x in xs)`); its target list may hold commas.
	if (nodes.some((n) => n.name === 'for')) {
		args.push(comprehension(src, nodes, 'generator', src.span(nodes[0]!.from, nodes.at(-1)!.to)));
		return { kind: 'call', callee: convertExpr(src, callee!), args, keywords, span };
	}
	for (const group of splitCommas(nodes).groups) {
		const first = group[0]!;
		const groupSpan = src.span(first.from, group.at(-1)!.to);
		if (first.name === '*' || first.name === '**') {
			args.push(unsupported(msg`${`'${first.name}'`} arguments are not supported in a loss`, groupSpan));
		} else if (group[1]?.name === 'AssignOp' && src.textOf(group[1]) === '=') {
			keywords.push({ name: src.textOf(first), value: convertExpr(src, group[2]!), span: groupSpan });
		} else if (group[1]?.name === 'AssignOp') {
			args.push(unsupported(constructNames['NamedExpression']!, groupSpan));
		} else {
			args.push(convertExpr(src, first));
		}
	}
	return { kind: 'call', callee: convertExpr(src, callee!), args, keywords, span };
}

function member(src: SourceText, node: SyntaxNode, span: SourceSpan): Expr {
	const [object, open, ...rest] = childrenOf(node);
	if (open!.name === '.') {
		const property = rest[0]!;
		const name = src.textOf(property);
		return { kind: 'attribute', object: convertExpr(src, object!), name, nameSpan: src.of(property), span };
	}
	const nodes = rest.slice(0, -1);
	const { groups, comma } = splitCommas(nodes);
	if (comma && groups.some((g) => g.some((n) => n.name === ':'))) {
		const items = groups.map((g) => (g.some((n) => n.name === ':') ? slice(src, g, src.span(g[0]!.from, g.at(-1)!.to)) : indexItem(src, g)));
		const index: IndexTuple = { kind: 'indexTuple', items, span: src.span(open!.from, node.to) };
		return { kind: 'subscript', object: convertExpr(src, object!), index, span };
	}
	const group = groups[0] ?? [];
	const index = group.some((n) => n.name === ':')
		? slice(src, group, src.span(open!.from, node.to))
		: comma ? expressionList(src, nodes) : indexItem(src, nodes);
	return { kind: 'subscript', object: convertExpr(src, object!), index, span };
}

/** One index of a subscript; `None` there is numpy's new axis (`x[:, None]`), kept as the name `None`. */
function indexItem(src: SourceText, nodes: readonly SyntaxNode[]): Expr {
	if (nodes.length === 1 && nodes[0]!.name === 'None') return { kind: 'name', name: 'None', span: src.of(nodes[0]!) };
	return expressionList(src, nodes);
}

/** `lower:upper:step`, any part optional. */
function slice(src: SourceText, nodes: readonly SyntaxNode[], span: SourceSpan): SliceBounds {
	const parts: (Expr | undefined)[] = [undefined];
	for (const node of nodes) {
		if (node.name === ':') parts.push(undefined);
		else parts[parts.length - 1] = convertExpr(src, node);
	}
	return { kind: 'slice', lower: parts[0], upper: parts[1], step: parts[2], span };
}

function conditional(src: SourceText, node: SyntaxNode, span: SourceSpan): Expr {
	const [whenTrue, , test, , whenFalse] = childrenOf(node);
	return {
		kind: 'conditional',
		test: convertExpr(src, test!),
		whenTrue: convertExpr(src, whenTrue!),
		whenFalse: convertExpr(src, whenFalse!),
		span,
	};
}

/** A target list (`x`, `x, y`, `(i, (a, b))`) from the nodes between `for` and `in`, or left of `=`. */
export function targetList(src: SourceText, nodes: readonly SyntaxNode[]): Target {
	const { groups, comma } = splitCommas(nodes);
	if (!comma && groups.length === 1 && groups[0]!.length === 1) return target(src, groups[0]![0]!);
	const span = src.span(nodes[0]!.from, nodes.at(-1)!.to);
	return { kind: 'tuple', items: groups.map((g) => (g.length === 1 ? target(src, g[0]!) : starred(src, g))), span };
}

function starred(src: SourceText, group: readonly SyntaxNode[]): Target {
	const span = src.span(group[0]!.from, group.at(-1)!.to);
	const message = msg`starred assignment ('*rest') is not supported in a loss`;
	return { kind: 'invalid', message, span, changes: undefined };
}

/** One assignment target. */
export function target(src: SourceText, node: SyntaxNode): Target {
	const span = src.of(node);
	switch (node.name) {
		case 'VariableName':
			return { kind: 'name', name: src.textOf(node), span };
		case 'TupleExpression':
		case 'ArrayExpression':
		case 'ParenthesizedExpression':
			return inner(node).length === 0 ? invalidTarget(src, node) : targetList(src, inner(node));
		case 'MemberExpression': {
			let root = node;
			while (root.name === 'MemberExpression' || root.name === 'CallExpression') root = root.firstChild!;
			const changes = root.name === 'VariableName' ? src.textOf(root) : undefined;
			const isAttribute = childrenOf(node)[1]?.name === '.';
			const converted = isAttribute ? undefined : convertExpr(src, node);
			if (converted?.kind === 'subscript' && changes !== undefined && elementRoot(converted) === changes) {
				return { kind: 'element', name: changes, element: converted, span };
			}
			const message = isAttribute
				? msg`attributes cannot be assigned in a loss: lists are values; build a new list with a comprehension`
				: msg`list mutation is not supported in a loss: lists are values; build a new list with a comprehension`;
			return { kind: 'invalid', message, span, changes };
		}
		default:
			return invalidTarget(src, node);
	}
}

function invalidTarget(src: SourceText, node: SyntaxNode): Target {
	const message = msg`cannot assign to ${`'${src.textOf(node).slice(0, 30)}'`}`;
	return { kind: 'invalid', message, span: src.of(node), changes: undefined };
}
