/**
 * Parsing Python with @lezer/python (never running it): the first error node of the tree becomes a `LossSyntaxError`
 * "invalid syntax" at its position, and `SourceText` turns node offsets into 1-based spans through a line table, so
 * converting a file of 10,000 data points stays linear.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { LossSyntaxError, pointSpan, type SourceSpan } from '../../errors';
import { msg } from '../../message';
import { checkBracketDepth } from './bracketDepth';
import { blankLiterals, findDataLiterals, type DataLiteral } from './dataLiterals';
import type { SequenceExpr } from './pythonAst';

/** The source and its line starts, for spans of tree nodes. */
export class SourceText {
	private readonly lineStarts: number[] = [0];
	private readonly dataLiterals = new Map<number, DataLiteral>();

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
	}

	/** The 1-based line and column of an offset. */
	position(offset: number): { line: number; column: number } {
		const at = Math.max(0, Math.min(offset, this.text.length));
		let lo = 0;
		let hi = this.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lineStarts[mid]! <= at) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: at - this.lineStarts[lo]! + 1 };
	}

	/** The span of `from`..`to`, without trailing whitespace (a body's node ends after its newline). */
	span(from: number, to: number): SourceSpan {
		let end = Math.max(from, to);
		while (end > from && /\s/.test(this.text[end - 1]!)) end--;
		const a = this.position(from);
		const b = this.position(end);
		return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
	}

	/** The span of a node. */
	of(node: SyntaxNode): SourceSpan {
		return this.span(node.from, node.to);
	}

	/** The source text of a node. */
	textOf(node: SyntaxNode): string {
		return this.text.slice(node.from, node.to);
	}

	/** Keeps the lists of numbers read before parsing, by where they start. */
	keepDataLiterals(literals: readonly DataLiteral[]): void {
		for (const literal of literals) this.dataLiterals.set(literal.from, literal);
	}

	/** The list of numbers read before parsing that `node` (an empty list in the parser's text) stands for. */
	dataLiteral(node: SyntaxNode): SequenceExpr | undefined {
		const literal = this.dataLiterals.get(node.from);
		return literal?.to === node.to ? literal.list : undefined;
	}

	/** The whole source, for errors that belong to no construct. */
	whole(): SourceSpan {
		return this.span(0, this.text.length);
	}
}

/**
 * `text` with the number spellings @lezer/python does not tokenize — a trailing dot, `1.` and `1.e5`/`2.E1` — respelled
 * at the same length (`1 `, `1e05`, `2E01`), so every node keeps its offsets and `textOf` still reads the original
 * spelling. CPython reads all of them (https://docs.python.org/3/reference/lexical_analysis.html#floating-point-literals).
 */
export function lezerSpelling(text: string): string {
	return text
		.replace(/(?<![\w.])(\d[\d_]*)\.([eE])([+-]?)(?=\d)/g, (_, digits: string, e: string, sign: string) => `${digits}${e}${sign}0`)
		.replace(/(?<![\w.])(\d[\d_]*)\.(?![\w.])/g, '$1 ');
}

/**
 * The syntax tree of `source`; the first syntax error is thrown as a `LossSyntaxError`. Long lists of numbers are
 * read by `dataLiterals.ts` and kept in `source` for `convertExpr`, the parser seeing them as empty lists.
 */
export function parsePython(source: SourceText): Tree {
	checkBracketDepth(source);
	const text = lezerSpelling(source.text);
	const literals = findDataLiterals(source, text);
	let tree = parser.parse(blankLiterals(text, literals));
	if (literals.every((literal) => isListAt(tree, literal))) source.keepDataLiterals(literals);
	else tree = parser.parse(text);
	let error: number | undefined;
	tree.iterate({
		enter: (node) => {
			if (error !== undefined) return false;
			if (node.type.isError) error = node.from;
			return error === undefined;
		},
	});
	if (error !== undefined) {
		const { line, column } = source.position(error);
		throw new LossSyntaxError(msg`invalid syntax`, pointSpan(line, column));
	}
	return tree;
}

/** True when the tree has a list display exactly where `literal` is (not a comment or a string that held it). */
function isListAt(tree: Tree, literal: DataLiteral): boolean {
	for (let node: SyntaxNode | null = tree.resolveInner(literal.from, 1); node && node.from === literal.from; node = node.parent) {
		if (node.name === 'ArrayExpression') return node.to === literal.to;
	}
	return false;
}

/** The children of a node that carry meaning (comments dropped). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
	const children: SyntaxNode[] = [];
	for (let child = node.firstChild; child; child = child.nextSibling) {
		if (child.name !== 'Comment') children.push(child);
	}
	return children;
}
