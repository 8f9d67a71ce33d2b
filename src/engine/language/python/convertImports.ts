/**
 * Converts `import a.b as c` and `from a import b as c, *` into the names they bind and the dotted paths those
 * names stand for. Whether a module is one a loss may use (math, numpy) is decided when a name is used.
 */
import type { SyntaxNode } from '@lezer/common';
import { splitCommas } from './convertExpressions';
import { childrenOf, type SourceText } from './parsePython';
import type { ImportBinding } from './pythonAst';

/** The bindings of an `ImportStatement` node. */
export function convertImport(src: SourceText, node: SyntaxNode): ImportBinding[] {
	const parts = childrenOf(node).filter((p) => p.name !== '(' && p.name !== ')');
	const span = src.of(node);
	if (parts[0]!.name === 'import') {
		return splitCommas(parts.slice(1)).groups.map((group) => {
			const { path, alias } = dotted(src, group);
			const name = alias ?? path.split('.')[0]!;
			return { name, path: alias ? path : name, form: 'module', span };
		});
	}
	const importAt = parts.findIndex((p) => p.name === 'import');
	const module = parts.slice(1, importAt).map((p) => src.textOf(p)).join('');
	const names = parts.slice(importAt + 1);
	if (names[0]?.name === '*') return [{ name: '*', path: module, form: 'star', span }];
	return splitCommas(names).groups.map((group) => {
		const { path, alias } = dotted(src, group);
		return { name: alias ?? path, path: `${module}.${path}`, form: 'member', span };
	});
}

/** `a.b.c as d` from its nodes. */
function dotted(src: SourceText, nodes: readonly SyntaxNode[]): { path: string; alias: string | undefined } {
	const asAt = nodes.findIndex((n) => n.name === 'as');
	const pathNodes = asAt >= 0 ? nodes.slice(0, asAt) : nodes;
	const path = pathNodes.map((n) => src.textOf(n)).join('');
	return { path, alias: asAt >= 0 ? src.textOf(nodes[asAt + 1]!) : undefined };
}
