/**
 * Converts the parameter list of a `def` or `lambda`: names with their type hint and default. The markers `*` and
 * `/` (keyword-only and positional-only) are dropped, since a loss binds every parameter the same way; `*args` and
 * `**kwargs` are kept so that lowering can name them in its error.
 */
import type { SyntaxNode } from '@lezer/common';
import { convertExpr, splitCommas } from './convertExpressions';
import { childrenOf, type SourceText } from './parsePython';
import type { Param } from './pythonAst';

/** The parameters of a `ParamList` node. */
export function convertParams(src: SourceText, list: SyntaxNode): Param[] {
	const nodes = childrenOf(list).filter((n) => n.name !== '(' && n.name !== ')');
	const params: Param[] = [];
	for (const group of splitCommas(nodes).groups) {
		const [first] = group;
		if (!first || first.name === '/') continue;
		const star = first.name === '*' || first.name === '**' ? first.name : '';
		const rest = star ? group.slice(1) : group;
		const name = rest[0];
		if (!name) continue;
		const typeDef = rest.find((n) => n.name === 'TypeDef');
		const assign = rest.findIndex((n) => n.name === 'AssignOp');
		const annotation = typeDef ? childrenOf(typeDef).at(-1) : undefined;
		params.push({
			name: src.textOf(name),
			nameSpan: src.of(name),
			annotation: annotation ? convertExpr(src, annotation) : undefined,
			initial: assign >= 0 ? convertExpr(src, rest[assign + 1]!) : undefined,
			star,
			span: src.span(first.from, group.at(-1)!.to),
		});
	}
	return params;
}
